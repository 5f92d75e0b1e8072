// The message catalogs stay in step with each other and with the code: every English key has a Russian
// one (and back) with the same substitutions, every key is used, and every key the code names exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

type Catalog = Record<string, { message: string; description?: string }>;

const ROOT = resolve(import.meta.dirname, '../..');
const readCatalog = (lang: string): Catalog =>
  JSON.parse(readFileSync(join(ROOT, `_locales/${lang}/messages.json`), 'utf8')) as Catalog;

/** Text of every source file under `dir` (the extension's code and pages) plus the manifest. */
function sources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(tsx?|html)$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}
const CODE = [...sources(), readFileSync(join(ROOT, 'manifest.json'), 'utf8')];

/**
 * Keys built at run time from a prefix and an id the code holds as a string literal. Each prefix is
 * listed with where it is built, so a key counts as used only when prefix + id (snake_cased) matches a
 * literal in the code, and the test fails when a prefix is no longer built anywhere.
 */
const DYNAMIC_PREFIXES = [
  'ui_type_', // EventCard.tsx: webRequest resource type ('image', 'sub_frame', ...)
  'panel_col_', // EventTable.tsx: column ids
  'clear_kind_', // ClearSitePanel.tsx / ClearSiteParts.tsx: browsingData kinds
  'clear_refused_', // core/site-scope.ts, background/clear-site-data.ts: TargetProblem ids
  'clear_restore_', // background/clear-site-undo.ts: cookie restore problems
  'clear_recheck_', // core/recheck.ts: outcome kinds
  'clear_next_status_', // core/recheck.ts: '403' or 'other'
  'parse_', // ProblemsView.tsx, core/report-sections.ts: parser problem codes (kebab → snake)
  'scheme_', // core/schemes/types.ts schemeKeys: scheme id + _title/_plain/_dev
  'explain_browser_', // core/schemes-browser.ts: browser behaviour id (+ _proxy)
  'diag_step_', // core/diagnose/finding.ts step(): shared step names
  'diag_', // core/diagnose/finding.ts ruleKey(): rule id (kebab → snake) + part
  'flow_token_error_', // core/flow/token-error.ts tokenErrorKey(): RFC 6749 §5.2 code + _meaning/_owner
  'flow_saml_status_', // core/flow/saml-status.ts samlStatusKey(): SAML status code
];

const snake = (id: string): string => id.replace(/-/g, '_');

/** Every quoted identifier-like string in the code ('wp-rest-cookie-nonce', 'image', '403'). */
function literals(code: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const text of code)
    for (const m of text.matchAll(/['"`]([A-Za-z0-9][A-Za-z0-9_-]*)['"`]/g)) found.add(snake(m[1]!));
  return found;
}

/** Keys that neither appear literally in the code nor are built from a dynamic prefix and a literal. */
export function unusedKeys(keys: readonly string[], code: readonly string[], prefixes: readonly string[]) {
  const all = code.join('\n');
  const ids = literals(code);
  const builtFrom = (key: string, prefix: string): boolean => {
    if (!key.startsWith(prefix)) return false;
    const parts = key.slice(prefix.length).split('_');
    // prefix + id, or prefix + id + '_' + part (diag_<rule>_title, scheme_<id>_plain)
    return parts.some((_p, i) => ids.has(parts.slice(0, i + 1).join('_')));
  };
  // \b for code, __MSG_key__ for the manifest (where '_' would defeat \b).
  const named = (key: string): boolean =>
    new RegExp(`\\b${key}\\b`).test(all) || all.includes(`__MSG_${key}__`);
  return keys.filter((key) => !named(key) && !prefixes.some((p) => builtFrom(key, p)));
}

/** Keys the code names as string literals with a catalog prefix but the catalog lacks. */
export function unknownKeys(code: readonly string[], catalog: Catalog): string[] {
  const named = new Set<string>();
  for (const text of code)
    // step('clear_site_cookies') names a shared step, whose key is built as diag_step_<name>.
    for (const m of text.matchAll(
      /(?<!step\()['"`]((?:ui|panel|clear|report|diag|parse|scheme|param|explain|bg)_[A-Za-z0-9_]+)['"`]/g,
    ))
      named.add(m[1]!);
  return [...named].filter((key) => !(key in catalog)).sort();
}

/** Keys of `a` that `b` lacks. */
export const missingFrom = (a: Catalog, b: Catalog): string[] => Object.keys(a).filter((k) => !(k in b));

/** Keys whose messages use different substitutions ($1..$9) in the two catalogs. */
export function placeholderMismatches(a: Catalog, b: Catalog): string[] {
  const slots = (m: string): string => [...new Set(m.match(/\$[1-9]/g) ?? [])].sort().join();
  return Object.keys(a).filter((k) => k in b && slots(a[k]!.message) !== slots(b[k]!.message));
}

const EN = readCatalog('en');
const RU = readCatalog('ru');

describe('locale checks catch what they are for', () => {
  const en: Catalog = { ui_a: { message: 'Events: $1' }, ui_b: { message: 'B' } };
  it.each([
    ['a key missing in ru', missingFrom(en, { ui_a: { message: 'Событий: $1' } }), ['ui_b']],
    ['a substitution dropped', placeholderMismatches(en, { ui_a: { message: 'Событий' } }), ['ui_a']],
    ['a key named nowhere', unusedKeys(['ui_a', 'ui_b'], ["msg('ui_a')"], []), ['ui_b']],
    [
      'a dynamic key without its id',
      unusedKeys(['diag_x_y_title'], ["id: 'x-z'"], ['diag_']),
      ['diag_x_y_title'],
    ],
    ['a dynamic key with its id', unusedKeys(['diag_x_y_title'], ["id: 'x-y'"], ['diag_']), []],
    ['a manifest key', unusedKeys(['extName'], ['"name": "__MSG_extName__"'], []), []],
    ['code naming an unknown key', unknownKeys(["msg('ui_c')", "msg('ui_a')"], en), ['ui_c']],
  ])('%s', (_name, found, expected) => {
    expect(found).toEqual(expected);
  });
});

describe('the shipped catalogs', () => {
  it('every English key has a Russian message', () => {
    expect(missingFrom(EN, RU)).toEqual([]);
  });
  it('every Russian key exists in English', () => {
    expect(missingFrom(RU, EN)).toEqual([]);
  });
  it('Russian messages use the same substitutions as English', () => {
    expect(placeholderMismatches(EN, RU)).toEqual([]);
  });
  it('no message is empty', () => {
    const empty = [EN, RU].flatMap((c) => Object.keys(c).filter((k) => !c[k]!.message.trim()));
    expect(empty).toEqual([]);
  });
  it('every key is used by the code', () => {
    expect(unusedKeys(Object.keys(EN), CODE, DYNAMIC_PREFIXES)).toEqual([]);
  });
  it('every dynamic prefix is still built somewhere in the code', () => {
    const all = CODE.join('\n');
    expect(DYNAMIC_PREFIXES.filter((p) => !all.includes(`${p}\${`))).toEqual([]);
  });
  it('every key the code names exists in English', () => {
    expect(unknownKeys(CODE, EN)).toEqual([]);
  });
});
