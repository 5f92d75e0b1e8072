import { describe, expect, it } from 'vitest';
import { credentialScheme, NO_SCHEME } from '../../src/core/record';
import { maskedAuthorization, maskHeader } from '../../src/core/secrets';

// What may be stored of an Authorization value: the scheme word, never a credential.
const cases: [label: string, value: string, scheme: string | undefined][] = [
  ['bearer token', 'Bearer SECRET-TOKEN-123', 'Bearer'],
  ['basic, lower-case scheme canonicalised', 'basic dXNlcjpwYXNz', 'Basic'],
  ['digest with params', 'Digest username="u", realm="r"', 'Digest'],
  ['negotiate alone (known scheme)', 'Negotiate', 'Negotiate'],
  ['aws sigv4 with leading space', '  AWS4-HMAC-SHA256 Credential=AKIA/2026', 'AWS4-HMAC-SHA256'],
  ['unknown plain scheme word before a short part: may be the secret', 'Custom-Auth abc', '(no scheme)'],
  ['unknown but plain scheme word before a token68', 'Custom-Scheme abc123def456', 'Custom-Scheme'],
  ['unknown plain word before auth-params', 'Custom realm=x, sig=y', 'Custom'],
  ['a password as the first word is never kept', 'MySecretPassword x', '(no scheme)'],
  ['a secret word as the first word is never kept', 'MySecretPassword abcdefgh1234', '(no scheme)'],
  ['empty', '', undefined],
  ['bare API key', 'abc123SECRET', NO_SCHEME],
  ['bare key with underscore and a second word', 'sk_live_SECRET other', NO_SCHEME],
  ['long word first', 'Abcdefghijklmnopqrstuvwxyz token', NO_SCHEME],
  ['quoted', '"quoted" token', NO_SCHEME],
  ['digits in the first word', 'a1b2c3 d4', NO_SCHEME],
];

describe('credentialScheme', () => {
  it.each(cases)('%s', (_label, value, scheme) => {
    expect(credentialScheme(value)).toBe(scheme);
  });

  it.each(cases.filter(([, v]) => v))('never returns part of the credentials: %s', (_label, value) => {
    const got = credentialScheme(value) ?? '';
    const secretPart = value.trim().split(/\s+/).slice(1).join(' ');
    if (secretPart) expect(got).not.toContain(secretPart);
    if (got === NO_SCHEME) expect(value).not.toContain(NO_SCHEME);
  });
});

describe('maskHeader(Authorization) uses the same reading', () => {
  it.each([
    ['Bearer SECRET-TOKEN-123', 'Bearer ***'],
    ['abc123SECRET', '***'],
    ['sk_live_SECRET other', '***'],
  ])('%s → %s', (value, masked) => {
    expect(maskHeader('Authorization', value)).toBe(masked);
  });
});

describe('maskedAuthorization', () => {
  it.each([
    ['Bearer', 'Bearer ***'],
    [NO_SCHEME, '***'],
  ])('%s is shown as %s', (scheme, shown) => {
    expect(maskedAuthorization(scheme)).toBe(shown);
  });
});
