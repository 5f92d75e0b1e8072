// The support report (README "Using it"): one captured 401/407 as Markdown a person can paste into a ticket,
// in the UI's language (every label and finding goes through `render`), with every credential masked.
import type { Explanation } from '../schemes';
import type { Finding } from '../diagnose';
import type { AuthEvent } from '../record';
import { maskText, maskUrl } from '../secrets';
import { code, inline, item } from './report-markdown';
import {
  challengeSection,
  credentialSection,
  problemSection,
  redirectSection,
  responseSection,
} from './report-sections';
import { text, type Text } from '../text';

/** Renders a message id in the reader's language (the UI's `t`, or the English test renderer). */
export type Render = (text: Text) => string;

/** Where the report was made: shown at the end so a helper knows the browser and extension. */
export interface ReportEnvironment {
  /** Browser name and version, e.g. "Chromium 156.0.7000.1". */
  browser: string;
  /** The extension's manifest version. */
  extensionVersion: string;
  /** When the report was made (ms since epoch); left out when absent. */
  generatedAt?: number;
}

/** One event and what the UI derived from it. */
export interface EventReportInput {
  event: AuthEvent;
  /** Ranked findings, top first (diagnose()). */
  findings: readonly Finding[];
  /** The catalog's explanation of each parsed challenge, same order as event.parse.challenges. */
  explanations?: readonly (Explanation | undefined)[];
}

/**
 * Server-sent or URL arguments are masked before they reach a message: a finding may quote them, and
 * an argument may hold several URLs (a redirect chain), each masked on its own by maskText.
 */
function maskArg(arg: string): string {
  return maskText(arg);
}

/** A render that masks arguments and never throws (a missing key shows the key, as the UI does). */
export function safeRender(render: Render): Render {
  return (t) => {
    const masked = t.args ? text(t.key, ...t.args.map(maskArg)) : t;
    try {
      return render(masked);
    } catch {
      return t.key;
    }
  };
}

const KIND_KEYS: Record<Finding['kind'], string> = {
  cause: 'report_kind_cause',
  'possible-cause': 'report_kind_possible_cause',
  'server-bug': 'report_kind_server_bug',
  info: 'report_kind_info',
};

function findingSection(findings: readonly Finding[], r: Render): string[] {
  const out = [`#### ${inline(r(text('report_findings')))}`];
  if (findings.length === 0) return [...out, r(text('report_none'))];
  findings.forEach((f, i) => {
    const kind = r(text(KIND_KEYS[f.kind] ?? 'report_kind_info'));
    out.push(`${i + 1}. **${inline(r(f.title))}** (${inline(kind)})`, `   ${inline(r(f.detail))}`);
    for (const s of f.steps) out.push(`   - ${inline(r(s))}`);
    if (f.refs.length)
      out.push(`   - ${inline(r(text('report_refs')))}: ${f.refs.map((u) => `<${u}>`).join(' ')}`);
  });
  return out;
}

function factSection(event: AuthEvent, r: Render): string[] {
  const label = (key: string) => r(text(key));
  const out = [
    item(label('report_url'), code(maskUrl(event.url))),
    item(
      label('report_status'),
      `${event.status}${event.statusLine ? ` ${code(maskText(event.statusLine))}` : ''}`,
    ),
    item(label('report_method'), code(event.method)),
    item(label('report_type'), code(event.type)),
    item(
      label('report_time'),
      Number.isFinite(event.time) ? new Date(event.time).toISOString() : label('report_unknown'),
    ),
    item(label('report_ip'), event.ip ? code(event.ip) : label('report_unknown')),
  ];
  if (event.initiator) out.push(item(label('report_initiator'), code(maskUrl(event.initiator))));
  if (event.fromCache) out.push(item(label('report_from_cache'), label('report_yes')));
  if (event.error) out.push(item(label('report_error'), code(event.error)));
  return out;
}

/** The Markdown of one event (a `###` heading and its sections), without the environment footer. */
export function eventSection(input: EventReportInput, render: Render): string {
  const r = safeRender(render);
  const { event } = input;
  const heading = r(text('report_event_heading', String(event.status), event.method, maskUrl(event.url)));
  return [
    `### ${inline(heading)}`,
    ...factSection(event, r),
    '',
    ...findingSection(input.findings, r),
    '',
    ...challengeSection(event, input.explanations ?? [], r),
    ...problemSection(event, r),
    ...redirectSection(event, r),
    ...credentialSection(event, r),
    ...responseSection(event, r),
  ].join('\n');
}

function environmentSection(env: ReportEnvironment, r: Render): string {
  const lines = [
    `#### ${inline(r(text('report_environment')))}`,
    item(r(text('report_browser')), code(env.browser)),
    item(r(text('report_extension_version')), code(env.extensionVersion)),
  ];
  if (env.generatedAt !== undefined && Number.isFinite(env.generatedAt))
    lines.push(item(r(text('report_generated')), new Date(env.generatedAt).toISOString()));
  return lines.join('\n');
}

/**
 * A Markdown support report for one captured 401/407: facts, findings (top first, with steps),
 * challenges (raw and parsed), parse problems, redirects, credential and response facts, environment.
 * Credentials never appear: URLs and header-like values go through the one secret policy (src/core/secrets).
 */
export function buildReport(input: EventReportInput, render: Render, env: ReportEnvironment): string {
  const r = safeRender(render);
  const body = eventSection(input, render).trimEnd();
  return [`## ${inline(r(text('report_title')))}`, '', body, '', environmentSection(env, r), ''].join('\n');
}

/** One report for several events (a whole tab), newest first as given; `title` names the tab. */
export function buildTabReport(
  inputs: readonly EventReportInput[],
  render: Render,
  env: ReportEnvironment,
  title?: string,
): string {
  const r = safeRender(render);
  const head = `## ${inline(r(text('report_tab_title', String(inputs.length))))}`;
  const parts = [head, ...(title ? [item(r(text('report_page')), code(maskUrl(title)))] : []), ''];
  for (const input of inputs) parts.push(eventSection(input, render).trimEnd(), '');
  if (inputs.length === 0) parts.push(r(text('report_none')), '');
  parts.push(environmentSection(env, r), '');
  return parts.join('\n');
}
