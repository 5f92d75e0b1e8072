// Markdown helpers for the support report: server-sent text must not break out of its code span or
// block (CommonMark §6.1: a span's fence is a backtick run of a length the content does not contain).

/** Control characters and line breaks become spaces, so one value stays on one Markdown line. */
export function flat(value: string): string {
  // eslint-disable-next-line no-control-regex -- dropping C0/C1 controls is the point
  return String(value).replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

function longestRun(value: string): number {
  return Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
}

/** An inline code span that holds `value` verbatim, whatever backticks it contains. */
export function code(value: string): string {
  const text = flat(value);
  const fence = '`'.repeat(longestRun(text) + 1);
  // CommonMark strips one space on each side when both are present: pad when the text touches a backtick.
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block holding `lines` (each flattened), fenced longer than any backtick run inside. */
export function codeBlock(lines: readonly string[]): string {
  const body = lines.map(flat);
  const fence = '`'.repeat(Math.max(3, longestRun(body.join('\n')) + 1));
  return [`${fence}text`, ...body, fence].join('\n');
}

/** Markdown inline text: flattened, markup characters escaped (CommonMark §2.4); `_` kept, as intraword it is inert. */
export function inline(value: string): string {
  return flat(value).replace(/([\\`*[\]<>|])/g, '\\$1');
}

/** `- **label:** value` */
export function item(label: string, value: string): string {
  return `- **${inline(label)}:** ${value}`;
}
