import { describe, expect, it } from 'vitest';
import { decodeJwtFacts } from '../../src/core/diagnose';

const b64url = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const jwt = (header: unknown, claims: unknown, signature = 'c2lnbmF0dXJl') =>
  `${b64url(header)}.${b64url(claims)}.${signature}`;

// Claims shaped like real issuers' access tokens (values made up).
const keycloak = jwt(
  { alg: 'RS256', typ: 'JWT', kid: 'x1' },
  {
    exp: 1_795_000_000,
    iat: 1_794_999_700,
    nbf: 1_794_999_700,
    iss: 'https://sso.example.com/realms/shop',
    aud: 'account',
    sub: 'f1e2d3c4-user-id',
    email: 'ada@example.com',
    scope: 'openid profile orders:read',
  },
);
const entra = jwt(
  { alg: 'RS256', typ: 'JWT' },
  {
    aud: ['api://orders', 'https://graph.example.com'],
    iss: 'https://login.example.net/tenant/v2.0',
    scp: ['Orders.Read', 'Orders.Write'],
    exp: 1_795_000_000,
  },
);

describe('decodeJwtFacts', () => {
  it.each([
    [
      'keycloak access token',
      keycloak,
      {
        exp: 1_795_000_000,
        iat: 1_794_999_700,
        nbf: 1_794_999_700,
        iss: 'https://sso.example.com/realms/shop',
        aud: ['account'],
        scope: 'openid profile orders:read',
        alg: 'RS256',
      },
    ],
    [
      'entra-style token with aud list and scp array',
      entra,
      {
        exp: 1_795_000_000,
        iss: 'https://login.example.net/tenant/v2.0',
        aud: ['api://orders', 'https://graph.example.com'],
        scope: 'Orders.Read Orders.Write',
        alg: 'RS256',
      },
    ],
    [
      'an Authorization value with the scheme word',
      `Bearer ${keycloak}`,
      expect.objectContaining({ alg: 'RS256' }),
    ],
    ['alg none, no signature', `${b64url({ alg: 'none' })}.${b64url({ exp: 1 })}.`, { alg: 'none', exp: 1 }],
    ['padded base64', `${b64url({ alg: 'HS256' })}==.${b64url({ iss: 'é' })}.x`, { alg: 'HS256', iss: 'é' }],
  ])('reads the claims of %s', (_name, token, facts) => {
    expect(decodeJwtFacts(token)).toEqual(facts);
  });

  it('keeps only the allowed claims: no subject, e-mail or token text', () => {
    const facts = decodeJwtFacts(keycloak)!;
    expect(Object.keys(facts).sort()).toEqual(['alg', 'aud', 'exp', 'iat', 'iss', 'nbf', 'scope']);
    expect(JSON.stringify(facts)).not.toMatch(/ada@example\.com|f1e2d3c4|c2lnbmF0dXJl/);
  });

  it.each([
    ['an opaque token', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['an encrypted JWE (5 parts)', 'a.b.c.d.e'],
    ['bad base64', '***.***.sig'],
    ['a payload that is not JSON', `${b64url({ alg: 'RS256' })}.${b64url('hello')}.sig`],
    ['a payload that is an array', `${b64url({ alg: 'RS256' })}.${b64url([1, 2])}.sig`],
    ['invalid UTF-8', `${b64url({ alg: 'RS256' })}.${Buffer.from([0xff, 0xfe]).toString('base64url')}.sig`],
    ['an empty string', ''],
  ])('returns undefined for %s', (_name, token) => {
    expect(decodeJwtFacts(token)).toBeUndefined();
  });

  it('drops claims of the wrong type and caps long strings', () => {
    const facts = decodeJwtFacts(
      jwt({ alg: 'RS256' }, { exp: '1795000000', iat: Number.NaN, iss: 'i'.repeat(10_000), aud: [1, 'ok'] }),
    );
    expect(facts).toEqual({ alg: 'RS256', iss: 'i'.repeat(200), aud: ['ok'] });
  });
});
