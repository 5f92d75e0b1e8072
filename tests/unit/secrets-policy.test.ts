// The one secret policy, rule by rule: which names are secret, which values look secret, what each
// header keeps, how URLs, chains and oversized inputs are masked. Expected values are written out.
import { describe, expect, it } from 'vitest';
import {
  isSecretName,
  looksSecret,
  maskChain,
  maskHeader,
  maskText,
  maskEchoedCredentials,
  maskUrl,
  MAX_MASK_INPUT,
} from '../../src/core/secrets';
import { SECRET_PARAM_NAMES } from '../fixtures/secrets-corpus';

describe('isSecretName: the vocabulary, matched inside the normalized name', () => {
  it.each(SECRET_PARAM_NAMES)('%s is secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    'state',
    'client_id',
    'redirect_uri',
    'response_type',
    'token_type',
    'code_challenge_method',
    'scope',
    'page',
    'author',
    'SigAlg',
    'X-Amz-SignedHeaders',
    'X-Amz-Algorithm',
    'rest_route',
    'error_description',
  ])('%s is not (diagnosis reads it)', (name) => {
    expect(isSecretName(name)).toBe(false);
  });

  it.each([
    ['URL-encoded brackets', 'user%5Bpassword%5D'],
    ['camelCase', 'myRefreshTokenV2'],
    ['upper case with dashes', 'X-CSRF-TOKEN'],
  ])('%s: %s', (_why, name) => {
    expect(isSecretName(name)).toBe(true);
  });
});

describe('looksSecret: value shapes', () => {
  it.each([
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
    ['a bare JOSE header', 'eyJhbGciOiJub25lIn0'],
    ['a Stripe key', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
    ['an AWS access key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['a GitHub token', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['a hex digest', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b'],
    ['a random base64url run', 'Zk3qP9xLm2VbT7wQeR4yUaC8'],
    ['a UUID session id', '550e8400-e29b-41d4-a716-446655440000'],
  ])('%s is secret', (_name, value) => {
    expect(looksSecret(value)).toBe(true);
  });

  it.each([
    ['a slug', 'me-and-my-settings-2026'],
    ['a camelCase identifier', 'AbstractSingletonProxyFactoryBean'],
    ['an API method name', 'getUserProfileV2'],
    ['a host name', 'login.microsoftonline.com'],
    ['a version', 'v1.2.3'],
    ['a short id', 'a1b2c3'],
    ['a word', 'Unauthorized'],
  ])('%s is not', (_name, value) => {
    expect(looksSecret(value)).toBe(false);
  });
});

describe('maskHeader: raw only on the allow-list, scheme words and cookie names kept', () => {
  it.each([
    ['Content-Type', 'application/json; charset=utf-8', 'application/json; charset=utf-8'],
    ['Server', 'nginx/1.26', 'nginx/1.26'],
    ['Cache-Control', 'no-store', 'no-store'],
    ['Access-Control-Allow-Origin', 'https://app.a.test', 'https://app.a.test'],
    [
      'WWW-Authenticate',
      'Bearer realm="api", error="invalid_token"',
      'Bearer realm="api", error="invalid_token"',
    ],
    ['Authorization', 'Bearer abc.def.ghi', 'Bearer ***'],
    ['Authorization', 'MySecretPassword x', '***'],
    ['Authorization', 'zqBareKey123', '***'],
    ['Proxy-Authorization', 'Negotiate YIIGhgYJKoZIhvcSAQICAQBuggZ1', 'Negotiate ***'],
    ['Cookie', 's3cr3t; sid=x; theme=dark', ' ***; sid=***; theme=***'],
    ['Set-Cookie', 'sid=x; Path=/; HttpOnly', 'sid=***; Path=/; HttpOnly'],
    ['Set-Cookie', 'nameless-value; Path=/', '***; Path=/'],
    ['Set-Cookie', 'a=1; Path=/; Custom=zz', 'a=***; Path=/; Custom=***'],
    [':path', '/oauth/cb?code=zq1&state=s', '/oauth/cb?code=***&state=s'],
    [':authority', 'zquser:zqpass@api.a.test:8443', '***@api.a.test:8443'],
    [':method', 'GET', 'GET'],
    [
      'Location',
      'https://a.test/cb#access_token=zq1&token_type=bearer',
      'https://a.test/cb#access_token=***&token_type=bearer',
    ],
    ['Referer', 'https://a.test/p?session_id=zq1', 'https://a.test/p?session_id=***'],
    ['x-amzn-Remapped-Authorization', 'Basic QWxhZGRpbkFsYWRkaW4', '***'],
    ['x-auth-user', 'alice', '***'],
    ['x-api-key', 'k', '***'],
    ['x-amzn-ErrorType', 'UnauthorizedException', 'UnauthorizedException'],
    ['X-MyApp-Session', 'abc', '***'],
    ['DPoP', 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln', '***'],
    ['X-Debug', 'login failed for token=zq1 at step 2', 'login failed for token=*** at step 2'],
  ])('%s: %s → %s', (name, value, expected) => {
    expect(maskHeader(name, value)).toBe(expected);
  });
});

describe('maskUrl and chains', () => {
  it.each([
    ['userinfo without a colon', 'https://ghp_x1@github.com/o/r.git', 'https://***@github.com/o/r.git'],
    ['an opaque fragment', 'https://a.test/docs#opaque-fragment', 'https://a.test/docs#***'],
    [
      'a specification section anchor',
      'https://datatracker.ietf.org/doc/html/rfc6750#section-3.1',
      'https://datatracker.ietf.org/doc/html/rfc6750#section-3.1',
    ],
    ['an anchor-shaped token', 'https://a.test/cb#section-zq1x9k', 'https://a.test/cb#***'],
    ['an app route in the fragment', 'https://a.test/#/cb?code=zq1&x=1', 'https://a.test/#/cb?code=***&x=1'],
    [
      'a ;jsessionid path parameter',
      'https://a.test/app;jsessionid=zq1?x=1',
      'https://a.test/app;jsessionid=***?x=1',
    ],
    ['a bare key in the query', 'https://a.test/?zq9Kx2Lm4Pq7', 'https://a.test/?***'],
    ['a plain flag in the query', 'https://a.test/?debug&page=2', 'https://a.test/?debug&page=2'],
    [
      'a URL-encoded URL holding a code',
      'https://idp.a.test/login?next=https%3A%2F%2Fapp.a.test%2Fcb%3Fcode%3Dzq1',
      'https://idp.a.test/login?next=***',
    ],
    [
      'an encoded URL without secrets stays',
      'https://idp.a.test/login?next=%2Fhome',
      'https://idp.a.test/login?next=%2Fhome',
    ],
  ])('%s', (_name, url, expected) => {
    expect(maskUrl(url)).toBe(expected);
  });

  it('masks every hop of a chain on its own', () => {
    expect(
      maskChain([
        'https://idp.a.test/authorize?client_id=app&state=s1',
        'https://app.a.test/callback?code=zqmiddle&state=s1',
        'https://app.a.test/home',
      ]),
    ).toEqual([
      'https://idp.a.test/authorize?client_id=app&state=s1',
      'https://app.a.test/callback?code=***&state=s1',
      'https://app.a.test/home',
    ]);
    expect(
      maskText(
        'https://idp.a.test/a?x=1 → https://app.a.test/cb?code=zqmiddle&state=s1 → https://app.a.test/',
      ),
    ).toBe('https://idp.a.test/a?x=1 → https://app.a.test/cb?code=***&state=s1 → https://app.a.test/');
  });
});

describe('oversized input is cut before masking, and the cut is shown', () => {
  it('a 1 MB query: the tail is dropped, the half value at the cut masked, the count shown', () => {
    const url = `https://a.test/?${'p=zqvalue&'.repeat(100_000)}`;
    const masked = maskUrl(url);
    expect(masked.length).toBeLessThanOrEqual(MAX_MASK_INPUT + 20);
    expect(masked).toMatch(/&\*\*\*\[…\+\d+\]$/);
    const dropped = Number(/\[…\+(\d+)\]$/.exec(masked)![1]);
    expect(dropped).toBeGreaterThan(url.length - MAX_MASK_INPUT - 1);
    expect(maskUrl(masked) === masked).toBe(true); // idempotent (compared as a boolean: 256 KB strings)
  });

  it('a huge header value keeps its marker after masking', () => {
    const masked = maskHeader('X-Debug', 'a'.repeat(MAX_MASK_INPUT + 5000));
    expect(masked).toMatch(/\[…\+\d+\]$/);
  });
});

describe('maskEchoedCredentials: challenge lines keep everything but an echoed credential', () => {
  it.each([
    [
      'a JWT echoed in error_description',
      'Bearer realm="api", error_description="token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln expired"',
      'Bearer realm="api", error_description="token *** expired"',
    ],
    [
      'a Digest nonce and opaque stay',
      'Digest realm="x", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
      'Digest realm="x", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    ],
    [
      'a Negotiate token stays',
      'Negotiate oYH1MIHyoAMKAQChCwYJKoZIgvcSAQICooHd',
      'Negotiate oYH1MIHyoAMKAQChCwYJKoZIgvcSAQICooHd',
    ],
    [
      'a provider key',
      'Newauth realm="a", hint="ghp_16C7e42F292c6912E7710c838347Ae178B4a"',
      'Newauth realm="a", hint="***"',
    ],
  ])('%s', (_name, value, expected) => {
    expect(maskEchoedCredentials(value)).toBe(expected);
  });
});
