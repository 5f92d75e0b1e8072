// Every message key the worker and the clear-site code name exists in BOTH catalogs (English and
// Russian) and uses no $n beyond what the widest call passes, so an error the worker sends as
// {key, args} always renders, fully, in the UI's language. Template keys are expanded from their values.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLEAR_KINDS } from '../../src/core/clear-site';

const ROOT = new URL('../../', import.meta.url);
const inDir = (dir: string, match: RegExp): string[] =>
  readdirSync(new URL(dir, ROOT))
    .filter((f) => match.test(f))
    .map((f) => `${dir}/${f}`);

/** Every worker source (all handlers and their errors), and the clear-site UI and core. */
const SOURCES = [
  ...inDir('src/background', /\.ts$/),
  ...inDir('src/core/clear-site', /\.ts$/),
  ...inDir('src/core/pages', /\.ts$/),
  ...inDir('src/ui', /^(ClearSite.*\.tsx|clear-site-.*\.ts|use-actions\.ts)$/),
  'src/shared/messages.ts',
];
const TEMPLATES: Record<string, readonly string[]> = {
  clear_kind_: CLEAR_KINDS,
  clear_refused_: ['browser_page', 'web_store', 'file', 'extension_page', 'not_web', 'public_suffix'],
  clear_restore_: [
    'expired',
    'samesite_none_insecure',
    'host_prefix',
    'secure_prefix',
    'partitioned_insecure',
    'bad_domain',
  ],
  clear_recheck_: ['gone', 'changed', 'persists'],
  clear_next_status_: ['403', 'other'],
};

/** Arguments after the key in a call: top-level commas up to the call's closing parenthesis. */
function argsAfter(source: string, from: number): number {
  let depth = 0;
  let commas = 0;
  let quote = '';
  for (let i = from; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth-- === 0) return commas;
    } else if (c === ',' && depth === 0) commas++;
    else if (c === ';' || c === '\n') return depth === 0 ? commas : commas;
  }
  return commas;
}

/** key → the most arguments any call passes. */
function namedKeys(): Map<string, number> {
  const keys = new Map<string, number>();
  const note = (key: string, args: number) => keys.set(key, Math.max(keys.get(key) ?? 0, args));
  for (const file of SOURCES) {
    const source = readFileSync(new URL(file, ROOT), 'utf8');
    for (const m of source.matchAll(/['`]((?:clear|bg)_[A-Za-z0-9_]+)(\$\{)?/g)) {
      if (!m[2]) note(m[1]!, argsAfter(source, m.index + m[0].length + 1));
      // A template's arguments are not counted (-1: not checked).
      else
        for (const value of TEMPLATES[m[1]!] ?? [`<unknown template ${m[1]}>`]) note(`${m[1]}${value}`, -1);
    }
  }
  return keys;
}

const catalog = (lang: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(new URL(`_locales/${lang}/messages.json`, ROOT), 'utf8')) as Record<
    string,
    { message: string }
  >;

describe('worker and clear-site message keys', () => {
  const keys = [...namedKeys()].sort(([a], [b]) => a.localeCompare(b));
  const catalogs = { en: catalog('en'), ru: catalog('ru') };

  it.each(keys)('%s exists in en and ru and needs at most the %i arguments passed', (key, args) => {
    for (const messages of Object.values(catalogs)) {
      const message = messages[key]?.message;
      expect(message, key).toBeTruthy();
      const slots = [...(message ?? '').matchAll(/\$([1-9])/g)].map((m) => Number(m[1]));
      if (args >= 0)
        expect(Math.max(0, ...slots), `${key} uses a $n no call passes`).toBeLessThanOrEqual(args);
    }
  });

  it('the Russian catalog really is Russian for worker errors', () => {
    for (const [key] of keys.filter(([k]) => /^(bg_error|clear_error|clear_refused)/.test(k)))
      expect(catalogs.ru[key]!.message, key).toMatch(/[а-яё]/i);
  });

  it('finds the keys it checks (the scan itself works)', () => {
    const found = namedKeys();
    expect(found.size).toBeGreaterThan(45);
    expect(found.get('clear_error_in_progress')).toBe(1);
    expect(found.has('clear_refused_public_suffix')).toBe(true);
    expect(found.has('bg_error_unexpected')).toBe(true);
  });
});
