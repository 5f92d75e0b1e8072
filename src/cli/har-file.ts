// `401-inspector file.har`: the file's 401/407 responses with their top finding (every finding with
// --all), read by the same import as the extension's "Open HAR file".
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { importHarBytes, type HarImportResult } from '../core/har-import';
import { text } from '../core/text';
import { describeEvent, type EventView } from './describe';
import type { Render } from './locale';
import { findingLines, statusLine } from './render-text';
import { printable, type Style } from './style';

export interface HarReport {
  file: string;
  creator?: string;
  total: number;
  notices: string[];
  events: EventView[];
}

/** Reads and diagnoses a HAR file; a file that cannot be read or is no HAR is an error message. */
export async function harReport(
  path: string,
  t: Render,
  all: boolean,
): Promise<{ ok: true; report: HarReport } | { ok: false; error: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return {
      ok: false,
      error: t(text('cli_error_file', path, (error as NodeJS.ErrnoException).code ?? String(error))),
    };
  }
  const outcome = importHarBytes(bytes);
  if (!outcome.ok) return { ok: false, error: `${path}: ${t(outcome.error)}` };
  return { ok: true, report: reportOf(path, outcome.result, t, all) };
}

function reportOf(path: string, r: HarImportResult, t: Render, all: boolean): HarReport {
  const report: HarReport = {
    file: basename(path),
    total: r.total,
    notices: r.notices.map(t),
    events: r.events.map((e) => describeEvent(e, r, t, all)),
  };
  if (r.creator) report.creator = r.creator;
  return report;
}

/** The listing: a summary line, the file's notices, then each response with its finding(s). */
export function harText(report: HarReport, t: Render, s: Style, all: boolean): string {
  const out = [
    s.bold(`${printable(report.file)}${report.creator ? s.dim(` (${printable(report.creator)})`) : ''}`),
  ];
  const count = String(report.events.length);
  out.push(
    report.events.length
      ? t(text('har_summary', count, String(report.total)))
      : t(text('har_none', String(report.total))),
  );
  for (const n of report.notices) out.push(s.yellow(`▲ ${n}`));
  report.events.forEach((v, i) => {
    out.push(
      '',
      `${i + 1}. ${statusLine(v.status, String(v.status), s)} ${v.method} ${printable(v.url)}  ${s.dim(v.time)}`,
    );
    if (all) v.findings.forEach((f, k) => out.push(...findingLines(f, k + 1, s, '   ')));
    else if (v.findings[0])
      out.push(`   → ${s.bold(printable(v.findings[0].title))} ${s.dim(`(${v.findings[0].kindLabel})`)}`);
  });
  if (!all && report.events.length) out.push('', s.dim(t(text('cli_hint_all'))));
  return `${out.join('\n')}\n`;
}
