import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose, type Finding, RULES } from '../../src/core/diagnose';
import { deriveFacts } from '../../src/core/diagnose';
import { ALL_RULES } from '../../src/core/diagnose';
import type { AuthEvent } from '../../src/core/record';
import { ch, makeEvent, renderFindings, www } from './fixtures/events';
import { loadMessages } from '../fixtures/render-text';

const KIND_RANK = { cause: 0, 'server-bug': 1, 'possible-cause': 2, info: 3 } as const;
const ranks = (findings: Finding[]) => findings.map((f) => KIND_RANK[f.kind]);
const keysOf = (f: Finding) => [f.title, f.detail, ...f.steps];

const HUGE = 'x'.repeat(100_000);

describe('hostile and half-filled records', () => {
  it('caps server-sent strings at 300 characters and strips control characters', async () => {
    const event = makeEvent({
      ...www(
        ch('Bearer', {
          error: 'invalid_token',
          error_description: `a\u0000b\u001b[31m${HUGE}`,
          error_uri: HUGE,
        }),
      ),
      credentials: { authorizationScheme: 'Bearer' },
      url: `https://app.example.com/${HUGE}`,
      response: { retryAfter: HUGE, setCookieCleared: [HUGE], setCookieNames: [] },
    });
    const findings = diagnose(event, []);
    for (const text of findings.flatMap(keysOf))
      for (const arg of text.args ?? []) {
        expect(arg.length).toBeLessThanOrEqual(300);
        expect([...arg].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
      }
    expect(findings.find((f) => f.id === 'bearer-invalid-token')?.steps[0]?.args?.[0]).toMatch(
      /^a b \[31mx+…$/,
    );
    await renderFindings(findings);
  });

  it('survives a record with missing parts (old storage, bugs elsewhere)', async () => {
    const partial = { id: 'x', time: 0, url: 'not a url', status: 401 } as unknown as AuthEvent;
    const junk = [null, 'x', { id: 'y' }] as unknown as AuthEvent[];
    const findings = diagnose(partial, [partial, ...junk]);
    expect(findings.length).toBeGreaterThan(0);
    await renderFindings(findings);
  });

  it('keeps only https links in refs', () => {
    const event = makeEvent({
      ...www(ch('Bearer', { error: 'invalid_token', error_uri: 'javascript:alert(1)' })),
    });
    for (const f of diagnose(event, [])) for (const ref of f.refs) expect(ref).toMatch(/^https:\/\//);
  });
});

// Random records: any status/type/method/scheme/credential mix, hostile parameter values.
const arbEvent = fc
  .record({
    status: fc.constantFrom(401, 407, 403),
    type: fc.constantFrom('main_frame', 'sub_frame', 'xmlhttprequest', 'image', 'other', 'preflight'),
    method: fc.constantFrom('GET', 'POST', 'OPTIONS'),
    scheme: fc.constantFrom('Basic', 'Bearer', 'Digest', 'Negotiate', 'NTLM', 'DPoP', 'X-Custom', ''),
    params: fc.dictionary(
      fc.constantFrom(
        'realm',
        'error',
        'error_description',
        'scope',
        'stale',
        'algorithm',
        'qop',
        'userhash',
        'resource',
      ),
      fc.string({ maxLength: 400 }),
    ),
    headers: fc.constantFrom<'seen' | 'unknown'>('seen', 'unknown'),
    auth: fc.option(fc.constantFrom('Bearer', 'Basic', 'Digest', 'NTLM')),
    cookieSent: fc.option(fc.boolean()),
    cookieNames: fc.option(fc.array(fc.string({ maxLength: 40 }), { maxLength: 4 })),
    host: fc.constantFrom('app.example.com', 'intranet', '10.0.0.1', 'blog.example.co.uk'),
    path: fc.constantFrom('/api/v1/me', '/wp-json/wp/v2/users/me', '/wp-admin/', '//x', '/'),
    initiator: fc.option(fc.constantFrom('https://app.example.com', 'https://other.example.net', 'null')),
    ip: fc.option(fc.constantFrom('127.0.0.1', '192.168.1.1', '8.8.8.8', '::1', 'garbage')),
    retryAfter: fc.option(fc.string({ maxLength: 50 })),
    bodyCode: fc.option(fc.constantFrom('401.2', 'rest_not_logged_in', 'rest_cookie_invalid_nonce', '')),
  })
  .map((r) =>
    makeEvent({
      status: r.status,
      type: r.type,
      method: r.method,
      url: `https://${r.host}${r.path}`,
      initiator: r.initiator ?? undefined,
      ip: r.ip ?? undefined,
      ...(r.scheme ? www(ch(r.scheme, r.params)) : {}),
      credentials: {
        requestHeaders: r.headers,
        authorizationScheme: r.auth ?? undefined,
        cookieSent: r.cookieSent ?? undefined,
        cookieNames: r.cookieNames ?? undefined,
      },
      response: { retryAfter: r.retryAfter ?? undefined, bodyCode: r.bodyCode ?? undefined },
    }),
  );

describe('any record', () => {
  it('gets a non-empty, ranked, deduplicated, renderable list', async () => {
    await fc.assert(
      fc.asyncProperty(arbEvent, fc.array(arbEvent, { maxLength: 5 }), async (event, history) => {
        const findings = diagnose(event, history);
        expect(findings.length).toBeGreaterThan(0);
        const r = ranks(findings);
        expect(r).toEqual([...r].sort((a, b) => a - b));
        expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
        const hasCause = findings.some((f) => f.kind === 'cause');
        expect(findings.some((f) => f.id === 'general-checklist')).toBe(!hasCause);
        await renderFindings(findings);
      }),
      { numRuns: 300 },
    );
  });
});

describe('each rule on its own', () => {
  // diagnose() isolates a throwing rule; this makes sure none actually throws on complete records.
  it('never throws on a complete record', () => {
    fc.assert(
      fc.property(arbEvent, fc.array(arbEvent, { maxLength: 5 }), (event, history) => {
        const input = { event, history, context: {}, facts: deriveFacts(event) };
        for (const rule of ALL_RULES) expect(() => rule.run(input), rule.id).not.toThrow();
      }),
      { numRuns: 300 },
    );
    // 300 records × every rule takes ~3 s alone; allow for a loaded machine (nothing here is timed).
  }, 30_000);
});

describe('message keys named in the rule sources', () => {
  // A static pass over the sources, so rare branches that no fixture reaches still have their strings.
  const dir = new URL('../../src/core/diagnose/', import.meta.url);
  const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(new URL(f, dir), 'utf8'))
    .join('\n');
  const messages = loadMessages();
  const ruleIds = RULES.map((r) => r.id.replace(/-/g, '_'));

  it.each([...sources.matchAll(/\bstep\('([a-z_]+)'/g)].map((m) => m[1]!))('shared step %s', (name) => {
    expect(messages[`diag_step_${name}`]).toBeDefined();
  });

  it.each([...sources.matchAll(/ruleStep\(\s*'([a-z0-9-]+)',\s*'([a-z_]+)'/g)].map((m) => `${m[1]}:${m[2]}`))(
    'rule step %s',
    (pair) => {
      const [id, name] = pair.split(':');
      expect(messages[`diag_${id!.replace(/-/g, '_')}_step_${name}`]).toBeDefined();
    },
  );

  it.each(
    [...sources.matchAll(/detail: '([a-z0-9_]+)'|\? '(detail_[a-z0-9_]+)'|: '(detail_[a-z0-9_]+)'/g)].map(
      (m) => m[1] ?? m[2] ?? m[3]!,
    ),
  )('detail variant %s belongs to some rule', (variant) => {
    expect(ruleIds.some((id) => messages[`diag_${id}_${variant}`])).toBe(true);
  });
});
