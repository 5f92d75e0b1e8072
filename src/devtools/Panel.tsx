// The "401" DevTools panel: the inspected tab's 401/407 responses as a filterable, virtualized table
// with a details pane and exports. Reads the worker's store (live), and while inside DevTools adds
// what the network panel saw on the wire (memory only, see live-har.ts).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EmptyState } from '../ui/EmptyState';
import { EventTable } from '../ui/EventTable';
import { HarDropZone, HarStatus, OpenHarButton } from '../ui/HarImportBar';
import { useHarImport } from '../ui/use-har-import';
import { ExportBar } from '../ui/ExportBar';
import { HeaderBar } from '../ui/HeaderBar';
import { CaptureAllToggle, LanguageSelect } from '../ui/SettingsControls';
import { msg } from '../ui/i18n';
import { TabNotices } from '../ui/TabNotices';
import { useClear } from '../ui/use-actions';
import { useTabStatus } from '../ui/use-tab-log';
import { watchLiveHar } from './live-har';
import { watchLiveFlow } from './live-flow';
import { LiveCookies } from './LiveCookies';
import { PanelAnalysis } from './panel-analysis';
import { buildExport } from './panel-export';
import { currentPageId, filterEvents, NO_FILTER, schemeOptions, type PanelFilter } from '../core/record';
import { PanelDetails } from './PanelDetails';
import { PanelToolbar } from './PanelToolbar';
import { usePanelLog } from './use-panel-log';
import { useTopFindings } from './use-top-findings';

/** Keeps the live-facts listener for the panel's life; returns a version that changes with new facts. */
function useLiveFacts(analysis: PanelAnalysis): number {
  const [version, setVersion] = useState(0);
  useEffect(() => watchLiveHar(analysis.index, () => setVersion(analysis.index.version)), [analysis]);
  // Sign-in bodies (token endpoint errors, SAML status) for the flow view: live-flow.ts.
  useEffect(
    () =>
      watchLiveFlow((fact) => {
        analysis.addFlowBodies([fact]);
        setVersion(analysis.index.version);
      }),
    [analysis],
  );
  return version;
}

/** The panel for one tab (the inspected one, or ?tabId=N). */
export function Panel({ tabId }: { tabId: number | null }) {
  const { state, log: liveLog } = usePanelLog(tabId);
  const har = useHarImport();
  // An open HAR file replaces the live log in every part of the view until it is closed; its events
  // live in this page's memory only (never storage.session) with their own analysis.
  const imported = har.state.kind === 'loaded' ? har.state.result : undefined;
  const importAnalysis = useMemo(
    () => imported && new PanelAnalysis().preset(imported.events).addFlowBodies(imported.flowBodies),
    [imported],
  );
  const status = useTabStatus(tabId);
  // The inspected page's URL (its top-level site decides which refused cookies were cross-site).
  const pageUrl = useRef<string | undefined>(undefined);
  pageUrl.current = status?.kind === 'open' ? status.url : liveLog?.pages.at(-1)?.url;
  const [analysis] = useState(() => new PanelAnalysis());
  const [filter, setFilter] = useState<PanelFilter>(NO_FILTER);
  const [active, setActive] = useState(-1);
  const [openId, setOpenId] = useState<string>();
  const { clear, clearing, error } = useClear(tabId);
  const liveVersion = useLiveFacts(analysis);
  const log = imported ? imported.log : liveLog;
  const shownAnalysis = importAnalysis ?? analysis;

  const all = log?.events ?? [];
  const pageId = log ? currentPageId(log) : undefined;
  const shown = useMemo(() => filterEvents(all, filter, pageId), [all, filter, pageId]);
  const schemes = useMemo(() => schemeOptions(all), [all]);
  useEffect(() => setActive((a) => Math.min(a, shown.length - 1)), [shown.length]);
  useEffect(() => {
    // a cleared log forgets what DevTools saw, too
    if ((liveLog?.events.length ?? 0) === 0) analysis.index.clear();
  }, [(liveLog?.events.length ?? 0) === 0]);
  useEffect(() => setOpenId(undefined), [imported]);

  const open = openId ? all.find((e) => e.id === openId) : undefined;
  const topFinding = useTopFindings(shownAnalysis, log);
  return (
    <HarDropZone
      class={`panel${open ? ' with-details' : ''}${imported ? ' imported' : ''}`}
      onFile={har.open}
      testid="panel"
      data={{ 'data-live-version': liveVersion }}
    >
      <HeaderBar
        subtitle={
          har.state.kind === 'loaded' ? har.state.name : status?.kind === 'open' ? status.url : undefined
        }
        onClear={all.length && !imported ? clear : undefined}
        clearing={clearing}
        actions={
          <span class="panel-settings">
            <OpenHarButton onFile={har.open} />
            <CaptureAllToggle compact />
            <LanguageSelect />
          </span>
        }
      />
      <main class="panel-body">
        <HarStatus state={har.state} onClose={har.close} />
        {!imported && <TabNotices tabId={tabId} status={status} state={state} actionError={error} />}
        {!imported && <LiveCookies pageUrl={() => pageUrl.current} />}
        <PanelToolbar
          filter={filter}
          onFilter={setFilter}
          schemes={schemes}
          shown={shown.length}
          total={all.length}
        />
        <ExportBar
          label={msg('panel_export_shown', String(shown.length))}
          testid="export-shown"
          disabled={shown.length === 0}
          build={(format) => (log ? buildExport(format, shown, log, shownAnalysis) : undefined)}
        />
        <div class="panel-main">
          {log && all.length === 0 && !imported ? (
            <EmptyState />
          ) : (
            <EventTable
              events={shown}
              active={active}
              openId={openId}
              onActive={setActive}
              onOpen={(i) => {
                setActive(i);
                setOpenId(shown[i]?.id);
              }}
              topFinding={topFinding}
              label={msg('panel_table_label')}
            />
          )}
          {open && log && (
            <PanelDetails
              event={open}
              log={log}
              analysis={shownAnalysis}
              onClose={() => setOpenId(undefined)}
            />
          )}
        </div>
      </main>
    </HarDropZone>
  );
}
