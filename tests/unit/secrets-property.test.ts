// Properties of the one secret policy on arbitrary and hostile input: masking twice changes nothing,
// a planted secret never survives and masking never invents text, and the cost grows linearly with
// the input (counted character reads, as the parser's property test counts them, not time).
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { countMaskSteps, maskHeader, maskText, maskUrl } from '../../src/core/secrets';

vi.setConfig({ testTimeout: 60_000 });

// Characters that matter to the maskers, plus plain ones.
const PIECES = [
  'a',
  'Z',
  '7',
  '=',
  '&',
  '?',
  '#',
  ';',
  ':',
  '/',
  '//',
  '%',
  '%3D',
  '%2F',
  '"',
  "'",
  ' ',
  ',',
  '@',
  '[',
  ']',
  '{',
  '}',
  '.',
  '-',
  '_',
  '+',
  '\n',
  'eyJ',
  'token',
  'pass',
  'Bearer ',
  'https://',
  'code=',
  'sid',
  'x',
  'KeY',
  '***',
  '[…+12]',
];
const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(soup, fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 }));
const HEADER_NAMES = [
  'Authorization',
  'Cookie',
  'Set-Cookie',
  'Location',
  ':path',
  ':authority',
  'X-Debug',
  'WWW-Authenticate',
  'x-amzn-Remapped-Authorization',
  'Content-Type',
  'Referer',
];

describe('masking is idempotent', () => {
  const maskers: [string, (s: string) => string][] = [
    ['maskUrl', (s) => maskUrl(s)],
    ['maskText', (s) => maskText(s)],
    ...HEADER_NAMES.map((n): [string, (s: string) => string] => [
      `maskHeader(${n})`,
      (s) => maskHeader(n, s),
    ]),
  ];
  it.each(maskers)('%s twice = once', (_name, mask) => {
    fc.assert(
      fc.property(anyText, (input) => {
        const once = mask(input);
        expect(mask(once)).toBe(once);
      }),
      { numRuns: 1500 },
    );
  });
});

// Secrets drawn from letters no context uses (upper-case Q, W), so a hit can only be the secret itself.
const secret = fc.stringMatching(/^Q[QW]{7,20}$/);
const contextText = soup.map((s) => s.replace(/[QW]/g, 'q'));
const secretName = fc.constantFrom(
  'password',
  'access_token',
  'PHPSESSID',
  'oauth_verifier',
  'apiSecret',
  'user[pwd]',
  'X-Goog-Signature',
  'SAMLResponse',
  'client_assertion',
);

describe('a planted secret never survives, and masking invents nothing', () => {
  const shapes = [
    ['query', (n: string, s: string) => `https://a.test/p?x=1&${n}=${s}&y=2`, maskUrl],
    ['fragment', (n: string, s: string) => `https://a.test/p#${n}=${s}`, maskUrl],
    ['userinfo', (_n: string, s: string) => `https://${s}@a.test/`, maskUrl],
    ['matrix path', (n: string, s: string) => `https://a.test/p;${n}=${s}?a=b`, maskUrl],
    ['form body', (n: string, s: string) => `a=1&${n}=${s}`, maskText],
    ['JSON body', (n: string, s: string) => JSON.stringify({ a: 'b', [n]: s }), maskText],
    ['URL in text', (n: string, s: string) => `go to https://a.test/cb?${n}=${s} now`, maskText],
    [
      'encoded URL in a value',
      (n: string, s: string) => `https://a.test/?next=${encodeURIComponent(`https://b.test/?${n}=${s}`)}`,
      maskUrl,
    ],
    ['Bearer', (_n: string, s: string) => `Bearer ${s}`, (v: string) => maskHeader('Authorization', v)],
    ['Cookie', (n: string, s: string) => `a=b; ${n}=${s}; ${s}; `, (v: string) => maskHeader('Cookie', v)],
  ] as const;

  it.each(shapes)('in a %s, whatever surrounds it', (_kind, place, mask) => {
    fc.assert(
      fc.property(contextText, secretName, secret, contextText, (before, name, value, after) => {
        // maskUrl is handed URLs (webRequest, DevTools): text before one would make it no URL at all.
        const input = `${mask === maskUrl ? '' : before}${place(name, value)}${after}`;
        const out = mask(input);
        expect(out).not.toContain(value);
        // Never grows a secret: every word of the output was already in the input (or is the mask).
        const lowerInput = input.toLowerCase();
        for (const w of out.match(/[A-Za-z0-9]{3,}/g) ?? []) expect(lowerInput).toContain(w.toLowerCase());
      }),
      { numRuns: 500 },
    );
  });
});

describe('cost grows linearly with input length (counted character reads, not time)', () => {
  const maskers = [
    ['maskUrl', (s: string) => maskUrl(`https://a.test/p?${s}`)],
    ['maskText', maskText],
    ['maskHeader(X-Debug)', (s: string) => maskHeader('X-Debug', s)],
    ['maskHeader(Cookie)', (s: string) => maskHeader('Cookie', s)],
  ] as const;
  const unit = soup.filter((s) => s.length > 0);

  it.each(maskers)('%s reads each character a bounded number of times', (_name, mask) => {
    fc.assert(
      fc.property(unit, fc.integer({ min: 1, max: 200 }), (u, n) => {
        const input = u.repeat(n);
        expect(countMaskSteps(() => mask(input))).toBeLessThanOrEqual(40 * input.length + 200);
      }),
      { numRuns: 200 },
    );
  });

  it.each(maskers)('%s: 8× the input costs at most about 8× the reads', (_name, mask) => {
    fc.assert(
      fc.property(unit, (u) => {
        const small = countMaskSteps(() => mask(u.repeat(100)));
        const large = countMaskSteps(() => mask(u.repeat(800)));
        expect(large).toBeLessThanOrEqual(8.5 * small + 200);
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['eyJ without dots', 'eyJ'],
    ['a long query of pairs', 'a=b&'],
    ['many equals signs', '='],
    ['nested URLs in values', 'https://a.test/?next='],
    ['percent runs', '%2'],
    ['a base64 run', 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldY'],
    ['scheme words', 'Bearer '],
    ['quotes after a secret name', '"token":"'],
    ['name closers', '[]'],
  ])('hostile %s, 64 KB: at most 40 reads a character, in every masker', (_name, unit) => {
    const input = unit.repeat(Math.ceil(65_536 / unit.length));
    for (const [, mask] of maskers)
      expect(countMaskSteps(() => mask(input))).toBeLessThanOrEqual(40 * input.length);
  });
});
