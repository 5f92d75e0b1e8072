// The terminal text of a diagnosis: status, redirects, each challenge explained, the findings with
// their steps, and the masked request and response headers. Every label is a catalog message.
import { text } from '../core/text';
import type { EventView, FindingView } from './describe';
import type { Render } from './locale';
import { printable, type Style } from './style';

const KIND_COLOUR: Record<FindingView['kind'], keyof Style> = {
  cause: 'red',
  'server-bug': 'yellow',
  'possible-cause': 'yellow',
  info: 'cyan',
};

/** One finding: numbered title with its kind, the detail, the steps as bullets, the references. */
export function findingLines(f: FindingView, n: number, s: Style, indent = '  '): string[] {
  const out = [`${indent}${n}. ${s.bold(printable(f.title))} ${s[KIND_COLOUR[f.kind]](`(${f.kindLabel})`)}`];
  out.push(`${indent}   ${printable(f.detail)}`);
  for (const step of f.steps) out.push(`${indent}   • ${printable(step)}`);
  if (f.refs.length) out.push(`${indent}   ${s.dim(f.refs.join('  '))}`);
  return out;
}

function challengeLines(v: EventView, t: Render, s: Style): string[] {
  const heading = v.status === 407 ? 'ui_challenges_407' : 'ui_challenges_401';
  const out = [s.bold(t(text(heading)))];
  if (v.challenges.length === 0)
    out.push(`  ${t(text(v.status === 407 ? 'ui_no_challenge_407' : 'ui_no_challenge_401'))}`);
  for (const c of v.challenges) {
    if (c.raw !== undefined) out.push(`  ${s.dim(`${v.challengeHeader}: ${printable(c.raw)}`)}`);
    out.push(`  ${s.bold(printable(c.title))}`, `    ${printable(c.summary)}`);
    for (const p of c.params) {
      const mark = p.severity === 'error' ? s.red('✖ ') : p.severity === 'warn' ? s.yellow('▲ ') : '';
      out.push(`    ${mark}${p.name} = ${printable(p.value)}: ${printable(p.meaning)}`);
    }
    for (const b of c.browser) out.push(`    ${s.dim(printable(b))}`);
  }
  if (v.problems.length) {
    out.push('', s.bold(t(text('ui_problems_title'))));
    for (const p of v.problems) out.push(`  ${s.yellow('▲')} ${printable(p)}`);
  }
  return out;
}

const headerLines = (list: { name: string; value: string }[]): string[] =>
  list.map((h) => `  ${printable(h.name)}: ${printable(h.value)}`);

/** The status line: coloured red for 401/407, green otherwise. */
export function statusLine(status: number, line: string, s: Style): string {
  const shown = printable(line || String(status));
  return status === 401 || status === 407 ? s.red(s.bold(shown)) : s.green(s.bold(shown));
}

/** The full text of one diagnosed response. */
export function eventText(v: EventView, t: Render, s: Style): string {
  const out: string[] = [];
  if (v.redirects.length) {
    out.push(s.bold(t(text('report_redirects'))));
    for (const h of v.redirects) out.push(`  ${h.status} ${printable(h.url)} → ${printable(h.to)}`);
    out.push('');
  }
  out.push(
    `${statusLine(v.status, v.statusLine, s)}  ${s.dim(`${v.method} ${printable(v.url)}${v.ip ? `  (${v.ip})` : ''}`)}`,
    '',
  );
  out.push(...challengeLines(v, t, s), '');
  out.push(s.bold(t(text('report_findings'))));
  v.findings.forEach((f, i) => out.push(...findingLines(f, i + 1, s)));
  out.push(
    '',
    s.bold(t(text('cli_request_masked'))),
    `  ${v.method} ${printable(v.url)}`,
    ...headerLines(v.request),
  );
  out.push(
    '',
    s.bold(t(text('cli_response_masked'))),
    `  ${printable(v.statusLine)}`,
    ...headerLines(v.response),
  );
  return `${out.join('\n')}\n`;
}
