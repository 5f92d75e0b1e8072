import { describe, expect, it } from 'vitest';
import type { Challenge } from '../../src/core/challenge';
import type { ChallengeFieldName } from '../../src/core/record';
import { explainChallenge } from '../../src/core/schemes';
import { findScheme, schemeKeys, SCHEMES, type SchemeInfo } from '../../src/core/schemes';
import type { Text } from '../../src/core/text';
import { loadMessages, placeholderCount, renderText } from '../fixtures/render-text';

/**
 * Every message key the catalog entry refers to, with the number of substitutions it is given
 * (parameter and value messages get the value as `$1`). Used by the tests that keep the catalog and
 * `_locales/en/messages.json` in step.
 */
function catalogKeys(scheme: SchemeInfo): { key: string; args: number }[] {
  const keys = Object.values(schemeKeys(scheme)).map((key) => ({ key, args: 0 }));
  for (const param of scheme.params) {
    const notes = [...Object.values(param.values ?? {}), ...(param.other ? [param.other] : [])];
    for (const key of [param.key, ...notes.map((note) => note.key)]) keys.push({ key, args: 1 });
  }
  if (scheme.token68) keys.push({ key: scheme.token68, args: 1 });
  if (scheme.browserNote) keys.push({ key: scheme.browserNote, args: 0 });
  return keys;
}

// The IANA HTTP Authentication Scheme Registry as of its 2025-02-18 update
// (https://www.iana.org/assignments/http-authschemes), with the reference it lists.
const IANA_REGISTRY: [name: string, rfc: string][] = [
  ['Basic', 'RFC 7617'],
  ['Bearer', 'RFC 6750'],
  ['Concealed', 'RFC 9729'],
  ['Digest', 'RFC 7616'],
  ['DPoP', 'RFC 9449'],
  ['GNAP', 'RFC 9635'],
  ['HOBA', 'RFC 7486'],
  ['Mutual', 'RFC 8120'],
  ['Negotiate', 'RFC 4559'],
  ['OAuth', 'RFC 5849'],
  ['PrivateToken', 'RFC 9577'],
  ['SCRAM-SHA-1', 'RFC 7804'],
  ['SCRAM-SHA-256', 'RFC 7804'],
  ['vapid', 'RFC 8292'],
];

const FIELDS: ChallengeFieldName[] = ['www-authenticate', 'proxy-authenticate'];

describe('scheme catalog', () => {
  it.each(IANA_REGISTRY)('lists registered scheme %s with its RFC', (name, rfc) => {
    const scheme = findScheme(name);
    expect(scheme?.name).toBe(name);
    expect(scheme?.registered).toBe(true);
    expect(scheme?.specRef).toContain(rfc);
    expect(scheme?.specUrl).toContain(rfc.replace('RFC ', 'rfc'));
  });

  it('marks exactly the IANA schemes as registered', () => {
    const registered = SCHEMES.filter((scheme) => scheme.registered).map((scheme) => scheme.name);
    expect(registered.sort()).toEqual(IANA_REGISTRY.map(([name]) => name).sort());
  });

  it.each([
    ['basic', 'Basic'],
    ['BASIC', 'Basic'],
    [' Bearer ', 'Bearer'],
    ['dpop', 'DPoP'],
    ['VAPID', 'vapid'],
    ['scram-sha-256', 'SCRAM-SHA-256'],
    ['ntlm', 'NTLM'],
    ['nEgOtIaTe', 'Negotiate'],
    ['x-api-key', 'ApiKey'],
    ['formsauthentication', 'FormBased'],
    ['aws4-hmac-sha256', 'AWS4-HMAC-SHA256'],
  ])('finds %j case-insensitively as %s', (asSent, canonical) => {
    expect(findScheme(asSent)?.name).toBe(canonical);
  });

  it.each(['FooAuth', 'Basic2', '', 'SCRAM-SHA-512'])('knows nothing of %j', (name) => {
    expect(findScheme(name)).toBeUndefined();
  });

  it('gives every name and alias to exactly one scheme', () => {
    const seen = new Map<string, string>();
    for (const scheme of SCHEMES) {
      for (const name of [scheme.name, ...(scheme.aliases ?? [])]) {
        expect(seen.get(name.toLowerCase()), name).toBeUndefined();
        seen.set(name.toLowerCase(), scheme.name);
        expect(findScheme(name)).toBe(scheme);
      }
    }
    expect(new Set(SCHEMES.map((scheme) => scheme.id)).size).toBe(SCHEMES.length);
  });

  it('names parameters in lower case, once per scheme', () => {
    for (const scheme of SCHEMES) {
      const names = scheme.params.map((param) => param.name);
      expect(
        names.every((name) => name === name.toLowerCase()),
        scheme.name,
      ).toBe(true);
      expect(new Set(names).size, scheme.name).toBe(names.length);
    }
  });
});

describe('catalog text', () => {
  const messages = loadMessages();

  it.each(SCHEMES.map((scheme) => [scheme.name, scheme] as const))(
    '%s: every key it refers to has English text and enough arguments',
    (_name, scheme) => {
      for (const { key, args } of catalogKeys(scheme)) {
        expect(key, key).toMatch(/^(scheme|param|explain)_[a-z0-9_]+$/);
        expect(messages[key]?.message.trim(), key).toBeTruthy();
        expect(placeholderCount(key), key).toBeLessThanOrEqual(args);
      }
    },
  );

  it('renders every text of every explanation the catalog can produce', () => {
    for (const text of everyExplanationText()) expect(() => renderText(text), text.key).not.toThrow();
  });

  it('has no scheme_/param_/explain_ message that nothing produces', () => {
    const produced = new Set(everyExplanationText().map((text) => text.key));
    for (const scheme of SCHEMES) for (const { key } of catalogKeys(scheme)) produced.add(key);
    const ours = Object.keys(messages).filter((key) => /^(scheme|param|explain)_/.test(key));
    expect(ours.filter((key) => !produced.has(key))).toEqual([]);
  });
});

/** Challenges that exercise every parameter, listed value, catch-all and missing-parameter path. */
function challengesFor(scheme: SchemeInfo): Challenge[] {
  const challenges: Challenge[] = [{ scheme: scheme.name, params: {} }];
  const variants = new Set<string>(['zzz-not-listed']);
  for (const param of scheme.params) for (const value of Object.keys(param.values ?? {})) variants.add(value);
  for (const value of variants) {
    const params: Record<string, string> = { 'x-vendor-extension': 'on' };
    for (const param of scheme.params) params[param.name] = param.values?.[value] ? value : 'SHA-256';
    challenges.push({ scheme: scheme.name, params, token68: 'dG9rZW4=' });
  }
  return challenges;
}

function everyExplanationText(): Text[] {
  const challenges = [
    ...SCHEMES.flatMap(challengesFor),
    { scheme: 'FooAuth', params: { foo: 'bar' }, token68: 'abc=' },
    { scheme: 'Digest', params: { nonce: 'n', qop: 'auth-int' } },
  ];
  return challenges.flatMap((challenge) =>
    FIELDS.flatMap((field) => {
      const explanation = explainChallenge(challenge, field);
      const { title, summary, developer, context, browser, params } = explanation;
      return [
        title,
        summary,
        developer,
        ...(context ? [context] : []),
        ...browser,
        ...params.map((p) => p.meaning),
      ];
    }),
  );
}
