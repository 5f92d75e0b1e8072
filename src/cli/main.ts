// 401-inspector: the extension's diagnosis from a terminal. `401-inspector <url>` requests the URL
// and explains a 401/407; `401-inspector <file.har>` lists a HAR's 401/407 responses. Exit codes:
// 0 = no 401/407, 2 = a 401/407 was found, 1 = an error (one line on stderr).
import pkg from '../../package.json' with { type: 'json' };
import { text } from '../core/text';
import { isUrlTarget, parseArgs } from './args';
import { harReport, harText } from './har-file';
import { pickLang, renderer } from './locale';
import { eventText, statusLine } from './render-text';
import { styleFor } from './style';
import { runUrl } from './url-run';

const VERSION = pkg.version;

function fail(message: string): number {
  process.stderr.write(`401-inspector: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  return 1;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Runs the command; resolves with the exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseArgs(argv);
  const t = renderer(pickLang(parsed.ok ? parsed.options.lang : undefined, env));
  if (!parsed.ok) return fail(`${t(parsed.error)} ${t(text('cli_see_help'))}`);
  const o = parsed.options;
  if (o.help) {
    process.stdout.write(`${t(text('cli_help', VERSION))}\n`);
    return 0;
  }
  if (o.version) {
    process.stdout.write(`401-inspector ${VERSION}\n`);
    return 0;
  }
  const s = styleFor(Boolean(process.stdout.isTTY) && !o.json, env);
  if (!isUrlTarget(o.target)) {
    const got = await harReport(o.target, t, o.all);
    if (!got.ok) return fail(got.error);
    process.stdout.write(o.json ? json(got.report) : harText(got.report, t, s, o.all));
    return got.report.events.length ? 2 : 0;
  }
  const outcome = await runUrl(o, env, t, VERSION);
  if (outcome.kind === 'error') return fail(t(outcome.error));
  if (outcome.kind === 'not-auth') {
    const { kind: _kind, ...rest } = outcome;
    process.stdout.write(
      o.json
        ? json({ ...rest, findings: [] })
        : `${statusLine(outcome.status, outcome.statusLine, s)}  ${s.dim(outcome.url)}\n${t(text('cli_not_auth', String(outcome.status)))}\n`,
    );
    return 0;
  }
  process.stdout.write(o.json ? json(outcome.view) : eventText(outcome.view, t, s));
  return 2;
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = fail(error instanceof Error ? error.message : String(error));
  },
);
