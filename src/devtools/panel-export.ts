// The text of each export format for a set of events (one event or the filtered list).
import type { AuthEvent, TabLog } from '../core/record';
import { buildCurlScript } from '../core/export';
import { buildHar } from '../core/export';
import { browser } from '../shared/browser';
import type { ExportFormat } from '../ui/ExportBar';
import { eventReport, tabReport } from '../ui/report';
import type { PanelAnalysis } from './panel-analysis';

const creator = (): { name: string; version: string } => ({
  name: '401 Inspector',
  version: browser.runtime.getManifest().version,
});

/** The markdown support report (src/core/export/report.ts via the UI's renderer), with live facts applied. */
function reportText(events: readonly AuthEvent[], log: TabLog, analysis: PanelAnalysis): string {
  const views = events.map((e) => analysis.view(e));
  if (views.length === 1)
    return eventReport(views[0]!.event, log, views[0]!.jwt ? { jwt: views[0]!.jwt } : undefined);
  return tabReport({ ...log, events: views.map((v) => v.event) });
}

/** Builds one export; undefined when the format is not available. */
export function buildExport(
  format: ExportFormat,
  events: readonly AuthEvent[],
  log: TabLog,
  analysis: PanelAnalysis,
): string | undefined {
  const items = events.map((e) => analysis.exportItem(e));
  if (format === 'har') return `${JSON.stringify(buildHar(items, creator()), null, 2)}\n`;
  if (format === 'curl') return `${buildCurlScript(items)}\n`;
  return reportText(events, log, analysis);
}
