// Pieces of the "clear this site" panel: what will be cleared, and what happened.
import type { ClearState } from '../shared/clear-site';
import type { ClearScope } from '../core/clear-site';
import { formatCountdown, irreversible } from './clear-site-model';
import { isFirefox } from '../shared/platform';
import { msg, t } from './i18n';
import type { ClearKind } from '../core/clear-site';

/** The scope before acting: site, cookies per domain (parent-domain and CHIPS counted), what is final. */
export function ScopeView({ scope, kinds }: { scope: ClearScope; kinds: readonly ClearKind[] }) {
  const final = irreversible(kinds);
  return (
    <div class="clear-scope" data-testid="clear-scope">
      <p data-testid="clear-scope-site">{msg('clear_scope_site', scope.site)}</p>
      {kinds.includes('cookies') && (
        <>
          <p data-testid="clear-scope-cookie-count">
            {msg('clear_scope_cookies', String(scope.cookieCount))}
          </p>
          {scope.byDomain.length > 0 && (
            <ul class="clear-domains">
              {scope.byDomain.map((d) => (
                <li key={d.domain} data-testid="clear-scope-domain" data-domain={d.domain}>
                  <code>{d.domain}</code>{' '}
                  {msg(d.hostOnly ? 'clear_scope_host_only' : 'clear_scope_domain_wide', String(d.count))}
                  {d.partitioned > 0 && ` ${msg('clear_scope_partitioned', String(d.partitioned))}`}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <details>
        <summary>{msg('clear_scope_origins', String(scope.origins.length))}</summary>
        <ul class="clear-origins">
          {scope.origins.map((o) => (
            <li key={o}>
              <code>{o}</code>
            </li>
          ))}
        </ul>
      </details>
      {final.length > 0 && (
        <p class="clear-final" data-testid="clear-irreversible">
          {msg('clear_irreversible', final.map((k) => msg(`clear_kind_${k}`)).join(', '))}
        </p>
      )}
      {kinds.includes('cookies') && <p class="clear-note">{msg('clear_undo_only_cookies')}</p>}
      <p class="clear-note" data-testid="clear-limits">
        {msg(isFirefox() ? 'clear_limits_firefox' : 'clear_limits_chromium')}
      </p>
    </div>
  );
}

interface ResultProps {
  state: ClearState;
  now: number;
  busy: boolean;
  onUndo: () => void;
}

/** Undo with its countdown while the window lasts, then what Undo restored and what it could not. */
function UndoView({ state, now, busy, onUndo }: ResultProps) {
  const undoLeft = state.undoUntil !== undefined ? state.undoUntil - now : 0;
  return (
    <>
      {undoLeft > 0 && (
        <p class="clear-undo">
          <button type="button" data-testid="clear-undo" disabled={busy} onClick={onUndo}>
            {msg('clear_undo', String(state.undoCount ?? state.cookieCount))}
          </button>{' '}
          <span data-testid="clear-undo-countdown">{msg('clear_undo_left', formatCountdown(undoLeft))}</span>
        </p>
      )}
      {state.undo && (
        <div data-testid="clear-undo-result">
          <p>{msg('clear_undone', String(state.undo.restored))}</p>
          {state.undo.failures.length > 0 && (
            <ul class="clear-failures" data-testid="clear-undo-failures">
              {state.undo.failures.map((f) => (
                <li key={f.cookie}>
                  <code>{f.cookie}</code>: {t(f.reason)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}

/** After a clear: progress, the reload's outcome with the next thing to try, and Undo with its countdown. */
export function ResultView({ state, now, busy, onUndo }: ResultProps) {
  return (
    <div class="clear-result" data-testid="clear-result" data-phase={state.phase}>
      {state.phase === 'clearing' && <p role="status">{msg('clear_working', state.site)}</p>}
      {state.phase !== 'clearing' && (
        <p role="status" data-testid="clear-done">
          {msg('clear_done', state.site, String(state.cookieCount))}
        </p>
      )}
      {state.error && (
        <p class="notice error" role="alert">
          {t(state.error)}
        </p>
      )}
      {state.phase === 'reloading' && <p data-testid="clear-reloading">{msg('clear_reloading')}</p>}
      {state.recheck && (
        <div
          class={`clear-recheck ${state.recheck.kind}`}
          data-testid="clear-recheck"
          data-kind={state.recheck.kind}
        >
          <p>{t(state.recheck.summary)}</p>
          {state.recheck.next && (
            <p data-testid="clear-next">{msg('clear_next_label', t(state.recheck.next))}</p>
          )}
        </div>
      )}
      <UndoView state={state} now={now} busy={busy} onUndo={onUndo} />
    </div>
  );
}
