// Every clear_ message key the clear-site sources name exists in the English catalog, with as many
// substitutions as the call passes at most; template keys are expanded from their known values.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLEAR_KINDS } from '../../src/core/clear-site';
import { loadMessages } from '../fixtures/render-text';

const SOURCES = [
  'src/core/clear-site/scope.ts',
  'src/core/clear-site/cookie-restore.ts',
  'src/core/clear-site/recheck.ts',
  'src/background/clear-site-data.ts',
  'src/background/clear-site-undo.ts',
  'src/background/clear-site-recheck.ts',
  'src/ui/ClearSite.tsx',
  'src/ui/ClearSiteParts.tsx',
  'src/ui/ClearSiteConfirm.tsx',
  'src/ui/ClearSitePanel.tsx',
];
const TEMPLATES: Record<string, readonly string[]> = {
  clear_kind_: CLEAR_KINDS,
  clear_refused_: ['browser_page', 'web_store', 'file', 'extension_page', 'not_web'],
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

function namedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of SOURCES) {
    const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    for (const m of source.matchAll(/['`](clear_[A-Za-z0-9_]+)(\$\{)?/g)) {
      if (!m[2]) keys.add(m[1]!);
      else
        for (const value of TEMPLATES[m[1]!] ?? [`<unknown template ${m[1]}>`]) keys.add(`${m[1]}${value}`);
    }
  }
  return [...keys].sort();
}

describe('clear_ message keys', () => {
  const messages = loadMessages();
  it.each(namedKeys())('%s exists', (key) => {
    expect(messages[key]?.message).toBeTruthy();
  });

  it('finds the keys it checks (the scan itself works)', () => {
    expect(namedKeys().length).toBeGreaterThan(40);
  });
});
