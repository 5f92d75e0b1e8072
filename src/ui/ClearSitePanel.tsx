// The confirmation of "clear this site": data kinds, the scope, the reload choice, Clear and Cancel.
import type { ClearKind } from '../core/clear-site';
import { CLEAR_KINDS } from '../core/clear-site';
import type { ScopeState } from './clear-site-model';
import { ScopeView } from './ClearSiteParts';
import { msg, t } from './i18n';

function KindChoices({ kinds, onChange }: { kinds: ClearKind[]; onChange: (k: ClearKind[]) => void }) {
  return (
    <fieldset class="clear-kinds">
      <legend>{msg('clear_kinds_legend')}</legend>
      {CLEAR_KINDS.map((k) => (
        <label key={k}>
          <input
            type="checkbox"
            data-testid={`clear-kind-${k}`}
            checked={kinds.includes(k)}
            onChange={(e) =>
              onChange(e.currentTarget.checked ? [...kinds, k] : kinds.filter((other) => other !== k))
            }
          />{' '}
          {msg(`clear_kind_${k}`)}
        </label>
      ))}
    </fieldset>
  );
}

interface Props {
  /** The site as shown (registrable domain, or the host until the scope arrives). */
  label: string;
  scope: ScopeState;
  kinds: ClearKind[];
  onKinds: (kinds: ClearKind[]) => void;
  /** undefined: no tab to reload (the background group). */
  reload?: boolean;
  onReload: (on: boolean) => void;
  canClear: boolean;
  onClear: () => void;
  onCancel: () => void;
}

/** Nothing is cleared until the user presses the Clear button here. */
export function ClearSitePanel({
  label,
  scope,
  kinds,
  onKinds,
  reload,
  onReload,
  canClear,
  onClear,
  onCancel,
}: Props) {
  return (
    <div
      class="clear-panel"
      data-testid="clear-site-panel"
      role="group"
      aria-label={msg('clear_button', label)}
    >
      <KindChoices kinds={kinds} onChange={onKinds} />
      {scope.status === 'ready' && <ScopeView scope={scope.scope} kinds={kinds} />}
      {scope.status === 'loading' && <p>{msg('clear_loading')}</p>}
      {scope.status === 'error' && <p class="notice error">{msg('clear_failed', t(scope.message))}</p>}
      {reload !== undefined && (
        <label>
          <input
            type="checkbox"
            data-testid="clear-reload"
            checked={reload}
            onChange={(e) => onReload(e.currentTarget.checked)}
          />{' '}
          {msg('clear_reload_option')}
        </label>
      )}
      <p class="clear-actions">
        <button type="button" data-testid="clear-site-confirm" disabled={!canClear} onClick={onClear}>
          {msg('clear_confirm', label)}
        </button>{' '}
        <button type="button" data-testid="clear-site-cancel" onClick={onCancel}>
          {msg('clear_cancel')}
        </button>
      </p>
    </div>
  );
}
