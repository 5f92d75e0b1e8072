// "Clear cookies & cache for <site>": once per site in the event list (and in the shortcut's confirm
// view). Shows the exact scope before acting; the worker does the clearing (clear-site-run.ts).
import { useState } from 'preact/hooks';
import { send } from '../shared/messages';
import { DEFAULT_KINDS, scopeProblemText, type ClearKind } from '../core/clear-site';
import { isBusy, useClearScope, useClearState } from './clear-site-model';
import { ResultView } from './ClearSiteParts';
import { ClearSitePanel } from './ClearSitePanel';
import { msg, t } from './i18n';
import { useAction, useNow } from './use-actions';
import './clear-site.css';
import { hostOf } from '../core/site';

interface Props {
  /** A URL (or origin) of the site to clear. */
  url: string;
  /** The tab to reload afterwards. */
  tabId: number;
  /** Start with the confirmation open (the keyboard shortcut). */
  startOpen?: boolean;
}

/** The button, the confirmation with its scope, and the result with Undo. */
export function ClearSite({ url, tabId, startOpen = false }: Props) {
  const [open, setOpen] = useState(startOpen);
  const [kinds, setKinds] = useState<ClearKind[]>([...DEFAULT_KINDS]);
  const [reload, setReload] = useState(true);
  const [rounds, setRounds] = useState(0);
  // Closed: the site and cookie counts only; open: also the origins this tab talked to (reads its log).
  const scope = useClearScope(url, open ? tabId : undefined, rounds);
  const site = scope.status === 'ready' ? scope.scope.site : undefined;
  const state = useClearState(site);
  const action = useAction();
  const now = useNow(1000, !!state?.undoUntil || isBusy(state, Date.now()));
  const busy = action.busy || isBusy(state, now);
  const label = site ?? (hostOf(url) || url);

  if (scope.status === 'refused')
    return (
      <p class="clear-refused" data-testid="clear-refused">
        {t(scopeProblemText(scope.problem, scope.host))}
      </p>
    );
  const clear = () =>
    action.run(async () => {
      await send('clearSite', { tabId, url, kinds, reload });
      setOpen(false);
      setRounds((n) => n + 1);
    });
  const undo = () =>
    site && action.run(() => send('undoClear', { site }).then(() => setRounds((n) => n + 1)));
  return (
    <div class="clear-site" data-testid="clear-site" data-site={site ?? ''}>
      {!open && (
        <button
          type="button"
          class="clear-open"
          data-testid="clear-site-open"
          onClick={() => setOpen(true)}
          disabled={busy}
        >
          {msg('clear_button', label)}
        </button>
      )}
      {open && (
        <ClearSitePanel
          label={label}
          scope={scope}
          kinds={kinds}
          onKinds={setKinds}
          reload={tabId >= 0 ? reload : undefined}
          onReload={setReload}
          canClear={!busy && !!site && kinds.length > 0}
          onClear={clear}
          onCancel={() => setOpen(false)}
        />
      )}
      {action.error && (
        <p class="notice error" role="alert" data-testid="clear-error">
          {msg('clear_failed', t(action.error))}
        </p>
      )}
      {state && <ResultView state={state} now={now} busy={busy} onUndo={undo} />}
    </div>
  );
}
