import type { GroupBy } from './group';
import { msg } from './i18n';

export type View = 'tab' | 'background';

interface Props {
  /** Whether to offer the tab / background-requests switch (not when the view is the background group). */
  showSwitch: boolean;
  view: View;
  onView: (view: View) => void;
  backgroundCount: number;
  /** Whether grouping by page load makes sense (the background group has no page loads). */
  showGroupBy: boolean;
  groupBy: GroupBy;
  onGroupBy: (by: GroupBy) => void;
}

/** Which events to show (this tab or requests outside any tab) and how to group them. */
export function ViewControls(p: Props) {
  return (
    <div class="controls">
      {p.showSwitch && (
        <div class="switch" role="group" aria-label={msg('ui_view_label')}>
          <button
            type="button"
            aria-pressed={p.view === 'tab'}
            data-testid="view-tab"
            onClick={() => p.onView('tab')}
          >
            {msg('ui_view_tab')}
          </button>
          <button
            type="button"
            aria-pressed={p.view === 'background'}
            data-testid="view-background"
            title={msg('ui_view_background_hint')}
            onClick={() => p.onView('background')}
          >
            {msg('ui_view_background', String(p.backgroundCount))}
          </button>
        </div>
      )}
      {p.showGroupBy && (
        <label class="group-by">
          {msg('ui_group_by')}{' '}
          <select
            value={p.groupBy}
            data-testid="group-by"
            onChange={(e) => p.onGroupBy((e.currentTarget as HTMLSelectElement).value as GroupBy)}
          >
            <option value="origin">{msg('ui_group_by_origin')}</option>
            <option value="page">{msg('ui_group_by_page')}</option>
          </select>
        </label>
      )}
    </div>
  );
}
