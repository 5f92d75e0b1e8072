// Command-line arguments in curl's spirit (-X, -H, -d, --cookie, -u) plus our own (--json, --all,
// --lang). Pure: argv in, options or a message out (the caller prints it and exits 1).
import { text, type Text } from '../core/text';

export interface CliOptions {
  /** A URL to request, or a path to a .har file. */
  target: string;
  method?: string;
  headers: [string, string][];
  data?: string;
  cookie?: string;
  user?: string;
  json: boolean;
  all: boolean;
  lang?: 'en' | 'ru';
  insecure: boolean;
  maxRedirects: number;
  timeoutMs: number;
  help: boolean;
  version: boolean;
}

export type Parsed = { ok: true; options: CliOptions } | { ok: false; error: Text };

const VALUE_FLAGS: Record<string, string> = {
  '-X': 'method',
  '--request': 'method',
  '-H': 'header',
  '--header': 'header',
  '-d': 'data',
  '--data': 'data',
  '--data-raw': 'data',
  '-b': 'cookie',
  '--cookie': 'cookie',
  '-u': 'user',
  '--user': 'user',
  '--lang': 'lang',
  '--max-redirs': 'maxRedirects',
  '-m': 'maxTime',
  '--max-time': 'maxTime',
};

const SWITCHES: Record<string, 'json' | 'all' | 'insecure' | 'help' | 'version'> = {
  '--json': 'json',
  '--all': 'all',
  '-k': 'insecure',
  '--insecure': 'insecure',
  '-h': 'help',
  '--help': 'help',
  '-V': 'version',
  '--version': 'version',
};

// RFC 9110 §5.1: a field name is a token.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function applyValue(o: CliOptions, what: string, value: string): Text | undefined {
  if (what === 'method') {
    if (!TOKEN.test(value)) return text('cli_error_bad_method', value);
    o.method = value.toUpperCase();
  } else if (what === 'header') {
    const colon = value.indexOf(':');
    const name = colon < 0 ? '' : value.slice(0, colon).trim();
    if (!TOKEN.test(name)) return text('cli_error_bad_header', value);
    o.headers.push([name, value.slice(colon + 1).trim()]);
  } else if (what === 'data') o.data = value;
  else if (what === 'cookie') o.cookie = value;
  else if (what === 'user') o.user = value;
  else if (what === 'lang') {
    if (value !== 'en' && value !== 'ru') return text('cli_error_bad_lang', value);
    o.lang = value;
  } else if (what === 'maxRedirects' || what === 'maxTime') {
    const n = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(n)) return text('cli_error_bad_number', value);
    if (what === 'maxRedirects') o.maxRedirects = Math.floor(n);
    else o.timeoutMs = Math.max(1, Math.round(n * 1000));
  }
  return undefined;
}

/** Parses argv (without node and the script). `--flag=value` works for every value flag. */
export function parseArgs(argv: readonly string[]): Parsed {
  const o: CliOptions = {
    target: '',
    headers: [],
    json: false,
    all: false,
    insecure: false,
    maxRedirects: 20,
    timeoutMs: 30_000,
    help: false,
    version: false,
  };
  const targets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    let inline: string | undefined;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) [arg, inline] = [arg.slice(0, eq), arg.slice(eq + 1)];
    const sw = SWITCHES[arg];
    if (sw && inline === undefined) {
      o[sw] = true;
      continue;
    }
    const what = VALUE_FLAGS[arg];
    if (what) {
      const value = inline ?? argv[++i];
      if (value === undefined) return { ok: false, error: text('cli_error_missing_value', arg) };
      const error = applyValue(o, what, value);
      if (error) return { ok: false, error };
      continue;
    }
    if (arg.startsWith('-') && arg !== '-')
      return { ok: false, error: text('cli_error_unknown_option', arg) };
    targets.push(arg);
  }
  if (o.help || o.version) return { ok: true, options: o };
  if (targets.length !== 1)
    return { ok: false, error: text(targets.length ? 'cli_error_one_target' : 'cli_error_no_target') };
  o.target = targets[0]!;
  return { ok: true, options: o };
}

/** Whether the target names a URL to request (http/https) rather than a HAR file. */
export const isUrlTarget = (target: string): boolean => /^https?:\/\//i.test(target);
