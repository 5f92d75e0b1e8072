// The UI side of the support report: gathers what core/report.ts needs (findings, explanations, the
// environment) and renders it in the UI's current language. The Markdown itself is built in core.
import type { DiagnoseContext } from '../core/diagnose';
import type { AuthEvent, TabLog } from '../core/record';
import { buildReport, buildTabReport, type EventReportInput, type ReportEnvironment } from '../core/export';
import { browser } from '../shared/browser';
import { challengeNameFor } from '../core/record';
import { explain, findingsFor } from './analysis';
import { t } from './i18n';

interface Brand {
  brand: string;
  version: string;
}

/** "Chromium 156.0.7000.1 (linux)": the brand from userAgentData, the full version from userAgent. */
export function browserName(): string {
  const ua = navigator.userAgent;
  const data = (navigator as { userAgentData?: { brands?: Brand[]; platform?: string } }).userAgentData;
  const brands = (data?.brands ?? []).filter((b) => !/not.?a.?brand/i.test(b.brand));
  const brand = brands.find((b) => b.brand !== 'Chromium') ?? brands[0];
  const full = /(?:Chrome|Chromium)\/([\d.]+)/.exec(ua)?.[1];
  if (brand) return `${brand.brand} ${full ?? brand.version}${data?.platform ? ` (${data.platform})` : ''}`;
  const firefox = /Firefox\/([\d.]+)/.exec(ua)?.[1];
  return firefox ? `Firefox ${firefox}` : ua;
}

function environment(): ReportEnvironment {
  let extensionVersion = '?';
  try {
    extensionVersion = browser.runtime.getManifest().version;
  } catch {
    // Outside an extension page (tests of the UI as a plain page): the version is unknown.
  }
  return { browser: browserName(), extensionVersion, generatedAt: Date.now() };
}

function inputFor(event: AuthEvent, log: TabLog, context?: DiagnoseContext): EventReportInput {
  const field = challengeNameFor(event.status);
  return {
    event,
    findings: findingsFor(event, log, context),
    explanations: event.parse.challenges.map((c) => explain(c, field)),
  };
}

/** The Markdown report of one event, as its details view shows it. */
export function eventReport(event: AuthEvent, log: TabLog, context?: DiagnoseContext): string {
  return buildReport(inputFor(event, log, context), t, environment());
}

/**
 * The Markdown report of every event in a log, newest first; `title` names the tab, `contextOf` adds
 * what an imported HAR knew of each event (JWT claims, sign-in bodies).
 */
export function tabReport(
  log: TabLog,
  title?: string,
  contextOf?: (event: AuthEvent) => DiagnoseContext | undefined,
): string {
  const events = [...log.events].reverse();
  return buildTabReport(
    events.map((e) => inputFor(e, log, contextOf?.(e))),
    t,
    environment(),
    title,
  );
}
