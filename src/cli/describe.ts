// One imported 401/407 as the command line shows it: the same findings, explanations and masking
// as the extension's views, rendered in the chosen language. Text and --json both print this model.
import type { LiveHarEntry } from '../core/export';
import { safeRender } from '../core/export';
import { maskUrl } from '../core/secrets';
import { diagnose, type Finding } from '../core/diagnose';
import type { HarImportResult, ImportedEvent } from '../core/har-import';
import { challengeNameFor, type TabLog } from '../core/record';
import { explainChallenge } from '../core/schemes';
import { text } from '../core/text';
import type { Render } from './locale';

export interface FindingView {
  id: string;
  kind: Finding['kind'];
  kindLabel: string;
  title: string;
  detail: string;
  steps: string[];
  refs: string[];
}

export interface ChallengeView {
  raw?: string;
  scheme: string;
  title: string;
  summary: string;
  params: { name: string; value: string; meaning: string; severity: string }[];
  browser: string[];
}

export interface EventView {
  status: number;
  statusLine: string;
  method: string;
  /** Masked (query secrets replaced). */
  url: string;
  time: string;
  type: string;
  ip?: string;
  redirects: { status: number; url: string; to: string }[];
  challengeHeader: string;
  challenges: ChallengeView[];
  problems: string[];
  findings: FindingView[];
  request: { name: string; value: string }[];
  response: { name: string; value: string }[];
}

const KIND: Record<Finding['kind'], string> = {
  cause: 'report_kind_cause',
  'possible-cause': 'report_kind_possible_cause',
  'server-bug': 'report_kind_server_bug',
  info: 'report_kind_info',
};

/** The operating system as diagnosis knows it (Windows answers Negotiate/NTLM by itself). */
function platform(): 'windows' | 'mac' | 'linux' | 'other' {
  const p = process.platform;
  return p === 'win32' ? 'windows' : p === 'darwin' ? 'mac' : p === 'linux' ? 'linux' : 'other';
}

function findingView(f: Finding, r: Render): FindingView {
  return {
    id: f.id,
    kind: f.kind,
    kindLabel: r(text(KIND[f.kind])),
    title: r(f.title),
    detail: r(f.detail),
    steps: f.steps.map(r),
    refs: f.refs,
  };
}

function problemText(p: { code: string; name?: string; message: string }, r: Render): string {
  const key = `parse_${p.code.replace(/-/g, '_')}`;
  const shown = r(text(key, p.name ?? ''));
  return shown === key ? p.message : shown;
}

const headerList = (list: LiveHarEntry['request']['headers']): { name: string; value: string }[] =>
  (list ?? []).map((h) => ({ name: String(h.name), value: String(h.value) }));

/**
 * Everything about one imported event; `all` keeps every finding, else only the top one. `file` is the
 * import it came from: its log (history, the sign-in steps) and what its sign-in bodies said.
 */
export function describeEvent(
  imported: ImportedEvent,
  file: { log: TabLog; flowBodies?: HarImportResult['flowBodies'] },
  render: Render,
  all: boolean,
): EventView {
  const r = safeRender(render); // server-sent or URL arguments are masked before they reach a message
  const { event, facts } = imported;
  const { log, flowBodies } = file;
  const findings = diagnose(event, log.events, {
    now: Date.now(),
    platform: platform(),
    ...(facts.jwt ? { jwt: facts.jwt } : {}),
    ...(log.signIn?.length ? { signIn: log.signIn } : {}),
    ...(flowBodies?.length ? { flowBodies } : {}),
  });
  const field = challengeNameFor(event.status) ?? 'www-authenticate';
  const raws = event.challengeFields.filter((f) => f.name === field).map((f) => f.value);
  const challenges = event.parse.challenges.map((c, i): ChallengeView => {
    const ex = explainChallenge(c, field);
    return {
      raw: event.parse.challenges.length === raws.length ? raws[i] : undefined,
      scheme: ex.scheme,
      title: r(ex.title),
      summary: r(ex.summary),
      params: ex.params.map((p) => ({
        name: p.name,
        value: p.value,
        meaning: r(p.meaning),
        severity: p.severity,
      })),
      browser: ex.browser.map(r),
    };
  });
  const view: EventView = {
    status: event.status,
    statusLine: event.statusLine,
    method: event.method,
    url: facts.url,
    time: new Date(event.time).toISOString(),
    type: event.type,
    redirects: event.redirects.map((h) => ({
      status: h.status,
      url: maskUrl(h.url),
      to: maskUrl(h.redirectUrl),
    })),
    challengeHeader: field === 'proxy-authenticate' ? 'Proxy-Authenticate' : 'WWW-Authenticate',
    challenges,
    problems: event.parse.problems.map((p) => problemText(p, r)),
    findings: (all ? findings : findings.slice(0, 1)).map((f) => findingView(f, r)),
    request: headerList(facts.entry.request.headers),
    response: headerList(facts.entry.response.headers),
  };
  if (event.ip) view.ip = event.ip;
  return view;
}
