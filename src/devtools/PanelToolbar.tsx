// The panel's filter bar, DevTools style: text, status, scheme, preserve log, and what is shown.
import type { PanelFilter, StatusFilter } from '../core/record';
import { msg } from '../ui/i18n';

interface Props {
  filter: PanelFilter;
  onFilter: (next: PanelFilter) => void;
  schemes: readonly string[];
  shown: number;
  total: number;
}

const value = (e: Event): string => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

/** Filters for the event table; every change re-filters at once (no debounce needed, see the bench). */
export function PanelToolbar({ filter, onFilter, schemes, shown, total }: Props) {
  const set = (patch: Partial<PanelFilter>): void => onFilter({ ...filter, ...patch });
  return (
    <div class="panel-toolbar" role="search" data-testid="panel-toolbar">
      <input
        type="search"
        placeholder={msg('panel_filter_placeholder')}
        aria-label={msg('panel_filter_label')}
        value={filter.text}
        data-testid="filter-text"
        onInput={(e) => set({ text: value(e) })}
      />
      <select
        aria-label={msg('panel_filter_status')}
        value={filter.status}
        data-testid="filter-status"
        onChange={(e) => set({ status: value(e) as StatusFilter })}
      >
        <option value="all">{msg('panel_status_all')}</option>
        <option value="401">401</option>
        <option value="407">407</option>
      </select>
      <select
        aria-label={msg('panel_filter_scheme')}
        value={filter.scheme}
        data-testid="filter-scheme"
        onChange={(e) => set({ scheme: value(e) })}
      >
        <option value="all">{msg('panel_scheme_all')}</option>
        {schemes.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
        <option value="none">{msg('panel_scheme_none')}</option>
      </select>
      <label class="preserve">
        <input
          type="checkbox"
          checked={filter.preserve}
          data-testid="preserve-log"
          onChange={(e) => set({ preserve: (e.currentTarget as HTMLInputElement).checked })}
        />
        {msg('panel_preserve_log')}
      </label>
      <span class="shown" role="status" data-testid="shown-count">
        {msg('panel_shown', String(shown), String(total))}
      </span>
    </div>
  );
}
