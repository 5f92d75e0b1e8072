import { useMemo, useState } from 'preact/hooks';
import type { DiagnoseContext } from '../core/diagnose';
import type { HarImportResult } from '../core/har-import';
import { BACKGROUND_TAB, type AuthEvent } from '../core/record';
import { ClearSiteConfirm } from './ClearSiteConfirm';
import { CopyReport } from './CopyReport';
import { EmptyState } from './EmptyState';
import { EventList } from './EventList';
import { HarDropZone, HarStatus, OpenHarButton } from './HarImportBar';
import { useHarImport } from './use-har-import';
import { shortUrl } from './format';
import { groupEvents, type GroupBy } from './group';
import { HeaderBar } from './HeaderBar';
import { msg } from './i18n';
import type { TabStatus } from './tab-target';
import { TabNotices } from './TabNotices';
import { useClear, useNow, useOnceReady } from './use-actions';
import { useTabLog, useTabStatus } from './use-tab-log';
import { SettingsButton, SettingsPanel, useSettingsOpen } from './SettingsMenu';
import { ViewControls, type View } from './ViewControls';

interface Props {
  /** The tab to show; BACKGROUND_TAB for requests outside any tab; null when there is none. */
  tabId: number | null;
  /** Offered as a button when given (the popup; not in a popped-out tab or the panel). */
  onPopOut?: (tabId: number) => void;
  /** Called once, right after the first list (or empty state) is in the DOM (benchmarks). */
  onRendered?: () => void;
  /** The page's query: `?confirmClear=1` (or the shortcut's request) opens the clear confirmation. */
  params?: URLSearchParams;
  /** Offer "Open HAR file" (the popped-out view: a file dialog would close the toolbar popup). */
  canImport?: boolean;
}

function subtitle(status: TabStatus | undefined): [string?, string?] {
  if (status?.kind === 'background') return [msg('ui_background_title'), msg('ui_view_background_hint')];
  if (status?.kind === 'gone') return [msg('ui_tab_closed')];
  if (status?.kind === 'open') return [status.title || shortUrl(status.url), status.url];
  return [];
}

/** Per imported event, its diagnosis context: JWT claims of its request, the file's sign-in bodies. */
function importedContexts(result: HarImportResult): (event: AuthEvent) => DiagnoseContext | undefined {
  const jwts = new Map(result.events.map(({ event, facts }) => [event.id, facts.jwt]));
  const flowBodies = result.flowBodies.length ? result.flowBodies : undefined;
  return (event) => {
    const jwt = jwts.get(event.id);
    if (!jwt && !flowBodies) return undefined;
    return { ...(jwt ? { jwt } : {}), ...(flowBodies ? { flowBodies } : {}) };
  };
}

/** The whole view of one tab's 401/407 responses, shared by the popup and the DevTools panel. */
export function TabView({ tabId, onPopOut, onRendered, params, canImport }: Props) {
  const har = useHarImport();
  const imported = har.state.kind === 'loaded' ? har.state.result : undefined;
  const [view, setView] = useState<View>('tab');
  const [groupBy, setGroupBy] = useState<GroupBy>('origin');
  const [settingsOpen, toggleSettings] = useSettingsOpen();
  const isBackground = tabId === BACKGROUND_TAB;
  const shownId = tabId === null ? null : view === 'background' ? BACKGROUND_TAB : tabId;
  const status = useTabStatus(tabId);
  const state = useTabLog(shownId);
  // The background group only feeds a count: read it after the shown log, not in competition with it.
  const background = useTabLog(
    tabId === null || isBackground || state.status === 'loading' ? null : BACKGROUND_TAB,
  );
  const now = useNow(30_000);
  // An open HAR file replaces the tab's log until closed (memory only, never storage.session).
  const log = imported ? imported.log : state.status === 'ready' ? state.log : undefined;
  const byPage = groupBy === 'page' && shownId !== BACKGROUND_TAB && !imported;
  // An imported file's own facts reach diagnosis as the panel's do: the request's JWT claims and what
  // the file's sign-in bodies said (token endpoint error, SAML status), memory only.
  const contextOf = useMemo(() => (imported ? importedContexts(imported) : undefined), [imported]);
  const groups = useMemo(() => (log ? groupEvents(log, byPage ? 'page' : 'origin') : []), [log, byPage]);

  const { clear, clearing, error: actionError } = useClear(shownId);
  useOnceReady(state.status !== 'loading', onRendered);

  const [sub, subTitle] = har.state.kind === 'loaded' ? [har.state.name] : subtitle(status);
  const body = (
    <div class="app" data-testid="tab-view" aria-busy={state.status === 'loading'}>
      <HeaderBar
        subtitle={sub}
        subtitleTitle={subTitle}
        onClear={log && log.events.length > 0 && !imported ? clear : undefined}
        clearing={clearing}
        onPopOut={onPopOut && tabId !== null ? () => onPopOut(tabId) : undefined}
        actions={
          log && log.events.length > 0 ? (
            <CopyReport
              testid="copy-tab-report"
              label={msg('ui_copy_report_tab')}
              build={() => import('./report').then((m) => m.tabReport(log, subTitle ?? sub, contextOf))}
            />
          ) : undefined
        }
        end={
          <>
            {canImport && <OpenHarButton onFile={har.open} />}
            <SettingsButton open={settingsOpen} onToggle={toggleSettings} />
          </>
        }
      />
      {settingsOpen && <SettingsPanel />}
      <main>
        <HarStatus state={har.state} onClose={har.close} />
        {params && tabId !== null && tabId >= 0 && <ClearSiteConfirm tabId={tabId} params={params} />}
        {!imported && <TabNotices tabId={tabId} status={status} state={state} actionError={actionError} />}
        {tabId !== null && !imported && (
          <ViewControls
            showSwitch={!isBackground}
            view={view}
            onView={setView}
            backgroundCount={background.status === 'ready' ? background.log.events.length : 0}
            showGroupBy={shownId !== BACKGROUND_TAB && !!log && log.events.length > 0}
            groupBy={groupBy}
            onGroupBy={setGroupBy}
          />
        )}
        <div class="list">
          {log && log.events.length === 0 && <EmptyState background={shownId === BACKGROUND_TAB} />}
          {log && log.events.length > 0 && (
            <EventList
              groups={groups}
              groupBy={byPage ? 'page' : 'origin'}
              log={log}
              now={now}
              tabId={imported ? undefined : (shownId ?? undefined)}
              contextOf={contextOf}
            />
          )}
        </div>
      </main>
    </div>
  );
  return canImport ? <HarDropZone onFile={har.open}>{body}</HarDropZone> : body;
}
