// Files that are not a good HAR get one clear message and lose nothing that can be read: not UTF-8,
// not JSON, JSON but no HAR, cut off (before or inside the entries), entries that are not entries;
// and a 50 MB, 20,000-entry file is read in slices with the same result as in one go.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeHarSlices,
  HarImport,
  HarScanner,
  importHarBytes,
  importHarText,
} from '../../src/core/har-import';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const CHROME = readFileSync(resolve(import.meta.dirname, '../fixtures/har/chrome-devtools.har'), 'utf8');

function errorKey(bytes: Uint8Array): string {
  const outcome = importHarBytes(bytes);
  return outcome.ok ? 'ok' : `${outcome.error.key}(${outcome.error.args?.join(',') ?? ''})`;
}

describe('files that are not a readable HAR', () => {
  it.each([
    ['an empty file', new Uint8Array(), 'har_error_empty()'],
    ['Latin-1 text', Uint8Array.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]), 'har_error_not_utf8(2)'],
    ['a PNG', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'har_error_not_utf8(0)'],
    ['a gzip file', Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0x00]), 'har_error_not_utf8(1)'],
    ['an HTML page', utf8('<!doctype html><title>Sign in</title>'), 'har_error_not_json(1)'],
    ['JSON that is not a HAR', utf8('{"name": "401-inspector", "version": "0.1.0"}'), 'har_error_not_har()'],
    ['a JSON array', utf8('[{"request": {}}]'), 'har_error_not_har()'],
    ['a log without entries', utf8('{"log": {"version": "1.2", "pages": []}}'), 'har_error_not_har()'],
    ['a closing bracket that does not match', utf8('{"log": {"entries": [}}'), 'har_error_not_json(1)'],
    [
      'a syntax error outside the entries',
      utf8('{"log": {"version": 1.2.3, "entries": []}}'),
      'har_error_not_json(1)',
    ],
    ['a file cut before its entries', utf8(CHROME.slice(0, 60)), 'har_error_truncated_empty()'],
  ])('%s: %s', (_name, bytes, expected) => {
    expect(errorKey(bytes)).toBe(expected);
  });

  it('a cut-off file keeps every complete entry and says where it stopped', () => {
    const cut = CHROME.slice(0, CHROME.indexOf('"https://app.example.test/api/session"'));
    const outcome = importHarText(cut);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.truncated).toBe(true);
    expect(outcome.result.total).toBe(4);
    expect(outcome.result.notices).toContainEqual({ key: 'har_notice_truncated', args: ['4'] });
    expect(outcome.result.events.map((e) => e.event.url)).toEqual([
      'https://api.example.test/v2/orders',
      'https://files.example.net/export/latest.csv',
    ]);
    expect(outcome.result.creator).toBe('WebInspector 537.36');
  });

  it('entries that are not entries are left out and counted, the others stay', () => {
    const har = JSON.parse(CHROME) as { log: { entries: unknown[] } };
    har.log.entries.push({ request: 'nope' }, ['not', 'an', 'entry'], {
      request: { method: 'GET' },
      response: { status: 401 },
    });
    const outcome = importHarText(JSON.stringify(har));
    expect(outcome.ok && outcome.result.events.length).toBe(4);
    expect(outcome.ok && outcome.result.notices).toContainEqual({ key: 'har_notice_skipped', args: ['3'] });
  });

  it('reads UTF-8 with a BOM and UTF-16 with a BOM (Windows tools)', () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(CHROME)]);
    expect(errorKey(bom)).toBe('ok');
    const utf16 = new Uint8Array(2 + CHROME.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < CHROME.length; i++) {
      utf16[2 + 2 * i] = CHROME.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = CHROME.charCodeAt(i) >> 8;
    }
    const outcome = importHarBytes(utf16);
    expect(outcome.ok && outcome.result.events.length).toBe(4);
  });

  it('decodes in slices without splitting a character, whatever the slice size', () => {
    const source = '{"title": "Вход — 401 ✓ 🔐"}';
    for (const size of [1, 2, 3, 5, 64]) {
      const slices = decodeHarSlices(utf8(source), size);
      let next = slices.next();
      let yields = 0;
      while (!next.done) {
        yields++;
        next = slices.next();
      }
      expect(next.value).toEqual({ ok: true, text: source });
      expect(yields).toBe(Math.ceil(utf8(source).length / size) - 1);
    }
  });

  it('keys with escapes and brackets inside strings do not confuse the scan', () => {
    const har = `{"lo\\u0067": {"comment": "a } ] \\" [ {", "entries": [{"request": {"method": "GET", "url": "https://x.test/}]", "headers": []}, "response": {"status": 401, "headers": [{"name": "WWW-Authenticate", "value": "Basic realm=\\"a]}\\""}]}, "startedDateTime": "2026-01-01T00:00:00Z", "time": 1}]}}`;
    const outcome = importHarText(har);
    expect(outcome.ok && outcome.result.events.map((e) => e.event.parse.challenges[0]?.params.realm)).toEqual(
      ['a]}'],
    );
  });
});

/** A HAR of `count` entries, about `bytes` in all: every 10th a 401 reached through a 302. */
function hugeHar(count: number, bytes: number): string {
  const pad = 'x'.repeat(Math.max(0, Math.floor(bytes / count) - 700));
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const time = new Date(Date.UTC(2026, 0, 1) + i * 10).toISOString();
    const url = `https://api.example.test/item/${i}`;
    const status = i % 10 === 9 ? 401 : i % 10 === 8 ? 302 : 200;
    const headers =
      status === 401
        ? '[{"name":"WWW-Authenticate","value":"Bearer realm=\\"api\\", error=\\"invalid_token\\""}]'
        : status === 302
          ? `[{"name":"Location","value":"/item/${i + 1}"}]`
          : '[{"name":"Content-Type","value":"text/plain"}]';
    parts.push(
      `{"startedDateTime":"${time}","time":3,"request":{"method":"GET","url":"${url}","httpVersion":"HTTP/1.1","headers":[],"cookies":[],"queryString":[],"headersSize":-1,"bodySize":0},"response":{"status":${status},"statusText":"","httpVersion":"HTTP/1.1","headers":${headers},"cookies":[],"content":{"size":${pad.length},"mimeType":"text/plain","text":"${pad}"},"redirectURL":"","headersSize":-1,"bodySize":-1},"cache":{},"timings":{"send":0,"wait":2,"receive":1}}`,
    );
  }
  return `{"log":{"version":"1.2","creator":{"name":"bench","version":"1"},"entries":[\n${parts.join(',\n')}\n]}}`;
}

// 50 MB of text: generous time on a loaded machine (the figures live in bench/har-import.bench.ts).
describe('a 50 MB HAR with 20,000 entries', { timeout: 120_000 }, () => {
  const text = hugeHar(20_000, 52 * 1024 * 1024);

  it('is about 50 MB', () => {
    expect(text.length).toBeGreaterThan(50_000_000);
  });

  it('is read in slices with rising progress, to the same result as in one go', () => {
    const run = new HarImport(text);
    const progress: number[] = [];
    let slices = 0;
    while (!run.step(1 << 20)) {
      slices++;
      progress.push(run.progress);
    }
    expect(slices).toBeGreaterThanOrEqual(47);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const outcome = run.outcome();
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.total).toBe(20_000);
    expect(outcome.result.events).toHaveLength(2_000);
    const last = outcome.result.events.at(-1)!.event;
    expect(last.url).toBe('https://api.example.test/item/19999');
    expect(last.redirects).toEqual([
      {
        url: 'https://api.example.test/item/19998',
        status: 302,
        redirectUrl: 'https://api.example.test/item/19999',
      },
    ]);
  });

  it('a scanner hands out each entry once, in order, whatever the slice size', () => {
    const small = hugeHar(300, 300 * 800);
    for (const budget of [1, 7, 4096]) {
      const seen: number[] = [];
      const scanner = new HarScanner(small, (_json, index) => seen.push(index));
      while (scanner.step(budget) === 'more') {
        // next slice
      }
      expect(scanner.state).toBe('done');
      expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => i));
    }
  });
});
