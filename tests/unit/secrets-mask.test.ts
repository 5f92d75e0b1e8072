// The secret policy's maskers on named, real-world values (the old report masker's cases, assertions kept).
import { describe, expect, it } from 'vitest';
import { maskHeader, maskText, maskUrl } from '../../src/core/secrets';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkZW1vIiwiZXhwIjoxNzAwMDAwMDAwfQ.ZGVtby1ub3Qtc2VjcmV0';

describe('maskUrl', () => {
  it.each([
    [
      'a plain URL is unchanged',
      'https://api.b.test/v1/me?fields=name,email',
      'https://api.b.test/v1/me?fields=name,email',
    ],
    [
      'userinfo password (the user name goes too)',
      'https://alice:hunter2@intranet.a.test/admin/',
      'https://***@intranet.a.test/admin/',
    ],
    [
      'userinfo without a colon is masked (ghp_…@github.com)',
      'ftp://alice@files.a.test/',
      'ftp://***@files.a.test/',
    ],
    [
      'OAuth code and state (state kept)',
      'https://app.a.test/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz',
      'https://app.a.test/callback?code=***&state=xyz',
    ],
    [
      'implicit-flow tokens in the fragment',
      'https://app.a.test/cb#access_token=2YotnFZFEjr1zCsicMWpAA&token_type=bearer&expires_in=3600',
      'https://app.a.test/cb#access_token=***&token_type=bearer&expires_in=3600',
    ],
    [
      'AWS SigV4 presigned URL',
      'https://b.s3.amazonaws.com/k.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20261123&X-Amz-Signature=abc',
      'https://b.s3.amazonaws.com/k.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=***&X-Amz-Signature=***',
    ],
    [
      'names are case-insensitive',
      'https://a.test/?API_KEY=k1&Sid=s1',
      'https://a.test/?API_KEY=***&Sid=***',
    ],
    ['a *_token suffix', 'https://a.test/?csrf_token=abc&page=2', 'https://a.test/?csrf_token=***&page=2'],
    ['a JWT in the path', `https://a.test/reset/${JWT}/confirm`, 'https://a.test/reset/***/confirm'],
    ['a JWT under an innocent name', `https://a.test/?next=${JWT}`, 'https://a.test/?next=***'],
    [
      'a path of words is kept',
      'https://a.test/wp-json/wp/v2/users/me-and-my-settings-2026',
      'https://a.test/wp-json/wp/v2/users/me-and-my-settings-2026',
    ],
    ['not a URL at all, holding a secret pair', 'token=abc def', '***'],
    ['not a URL at all', 'plain words', 'plain words'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(maskUrl(input)).toBe(expected);
  });
});

describe('maskHeader', () => {
  it.each([
    ['Authorization keeps the scheme word', 'Authorization', 'Bearer demo-token-not-secret', 'Bearer ***'],
    ['Basic credentials', 'authorization', 'Basic YWxhZGRpbjpvcGVuc2VzYW1l', 'Basic ***'],
    [
      'Digest with parameters',
      'Authorization',
      'Digest username="Mufasa", response="6629fae4"',
      'Digest ***',
    ],
    ['Proxy-Authorization', 'Proxy-Authorization', 'NTLM TlRMTVNTUAADAAAAGAAYAHgAAAA=', 'NTLM ***'],
    ['a bare credential without scheme', 'Authorization', '"quoted-secret"', '***'],
    [
      'Cookie keeps names',
      'Cookie',
      'session=abc; theme=dark; _ga=GA1.2.3',
      'session=***; theme=***; _ga=***',
    ],
    [
      'Set-Cookie keeps name and attributes',
      'Set-Cookie',
      'sid=31d4d96e407aad42; Path=/; Secure; HttpOnly',
      'sid=***; Path=/; Secure; HttpOnly',
    ],
    [
      'Set-Cookie lines joined by newline (Firefox)',
      'set-cookie',
      'a=1; Path=/\nb=2',
      'a=***; Path=/\nb=***',
    ],
    ['an API key header', 'X-API-Key', 'k-12345', '***'],
    ['a WordPress nonce', 'X-WP-Nonce', '0123456789', '***'],
    ['Location goes through maskUrl', 'Location', 'https://a.test/cb?code=abc', 'https://a.test/cb?code=***'],
    [
      'an ordinary header is kept',
      'Content-Type',
      'application/json; charset=utf-8',
      'application/json; charset=utf-8',
    ],
    ['a token echoed in another header', 'X-Debug', `got Bearer ${JWT}`, 'got Bearer ***'],
  ])('%s', (_name, header, value, expected) => {
    expect(maskHeader(header, value)).toBe(expected);
  });
});

describe('maskText', () => {
  it.each([
    ['a JWT', `Jwt ${JWT} expired`, 'Jwt *** expired'],
    [
      'a long hex session id',
      'sid 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 end',
      'sid *** end',
    ],
    ['a long base64 key', 'key=AKIAIOSFODNN7EXAMPLEwJalrXUtnFEMIK7MDENGbPxRfiCY', 'key=***'],
    ['a Bearer token in prose', 'sent Bearer demo-token-not-secret twice', 'sent Bearer *** twice'],
    [
      'a challenge line is left alone',
      'Bearer realm="api", error="invalid_token"',
      'Bearer realm="api", error="invalid_token"',
    ],
    [
      'ordinary prose is left alone',
      'Basic authentication failed for user alice',
      'Basic authentication failed for user alice',
    ],
    ['a short hex id is kept', 'request 4f2a9c', 'request 4f2a9c'],
  ])('%s', (_name, input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it('never throws on non-string input', () => {
    expect(maskText(undefined as unknown as string)).toBe('');
    expect(maskUrl(null as unknown as string)).toBe('');
    expect(maskHeader('Cookie', 42 as unknown as string)).toBe('');
  });
});
