import { describe, expect, it } from 'vitest';
import { chromiumReading, parseChallenges } from '../../src/core/challenge';
import { serializeChallenges } from './fixtures/serialize-challenges';
import { ch } from './fixtures/challenge-headers';

describe('serializeChallenges writes RFC 9110 §11 syntax', () => {
  it.each([
    ['scheme alone', [ch('Negotiate')], 'Negotiate'],
    ['token68', [ch('NTLM', {}, 'TlRMTVNTUAAC==')], 'NTLM TlRMTVNTUAAC=='],
    ['realm always quoted, even when a token', [ch('Basic', { realm: 'foo' })], 'Basic realm="foo"'],
    [
      'quotes and backslashes escaped',
      [ch('Basic', { realm: 'say "hi" \\o/' })],
      'Basic realm="say \\"hi\\" \\\\o/"',
    ],
    [
      'Digest token params left bare',
      [ch('Digest', { realm: 'x', algorithm: 'SHA-256', stale: 'true' })],
      'Digest realm="x", algorithm=SHA-256, stale=true',
    ],
    [
      'Digest algorithm quoted when not a token',
      [ch('Digest', { algorithm: 'a b' })],
      'Digest algorithm="a b"',
    ],
    ['empty value quoted', [ch('Bearer', { realm: '' })], 'Bearer realm=""'],
    [
      'several challenges joined by ", "',
      [ch('Basic', { realm: 'a' }), ch('Bearer')],
      'Basic realm="a", Bearer',
    ],
    ['no challenges', [], ''],
  ])('%s', (_label, challenges, expected) => {
    expect(serializeChallenges(challenges)).toBe(expected);
  });

  it.each([
    'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"',
    'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf", opaque="FQhe"',
    'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
    'Negotiate, NTLM, Basic realm="corp"',
  ])('round-trips %s', (header) => {
    const parsed = parseChallenges(header).challenges;
    expect(parseChallenges(serializeChallenges(parsed))).toEqual({ challenges: parsed, problems: [] });
  });
});

describe('chromiumReading: one challenge per field line', () => {
  it.each([
    ['two lines', ['Negotiate', 'NTLM'], [ch('Negotiate'), ch('NTLM')]],
    [
      'second challenge on the same line is not offered',
      'Basic realm="a", Bearer realm="b"',
      [ch('Basic', { realm: 'a' })],
    ],
    [
      'first challenge of each line',
      ['Bearer, DPoP algs="ES256"', 'Basic realm="x", Digest realm="y"'],
      [ch('Bearer'), ch('Basic', { realm: 'x' })],
    ],
    [
      'empty and broken lines give nothing',
      ['', 'realm="x"', 'Basic realm="z"'],
      [ch('Basic', { realm: 'z' })],
    ],
    [
      'salvaged reading of a broken line',
      'Basic realm="My "special" realm"',
      [ch('Basic', { realm: 'My "special" realm' })],
    ],
    ['no lines', [], []],
  ])('%s', (_label, input, expected) => {
    expect(chromiumReading(input)).toEqual(expected);
  });

  it('differs from the standard reading exactly when a line holds several challenges', () => {
    const lines = ['Newauth realm="apps", Basic realm="simple"', 'Digest realm="d"'];
    expect(parseChallenges(lines).challenges.map((c) => c.scheme)).toEqual(['Newauth', 'Basic', 'Digest']);
    expect(chromiumReading(lines).map((c) => c.scheme)).toEqual(['Newauth', 'Digest']);
  });
});
