import { describe, expect, it } from 'vitest';
import type { Challenge } from '../../src/core/challenge';
import type { ChallengeFieldName } from '../../src/core/record';
import { explainChallenge, rankForBrowser, rankForFirefox, type ParamLine } from '../../src/core/schemes';
import { renderText } from '../fixtures/render-text';

const WWW: ChallengeFieldName = 'www-authenticate';
const PROXY: ChallengeFieldName = 'proxy-authenticate';

/** Real challenges, written as the parser would hand them over (parameter names lower-cased). */
const FIXTURES = {
  // Docker Hub registry, a push to a repository the token does not cover.
  dockerRegistry: {
    scheme: 'Bearer',
    params: {
      realm: 'https://auth.docker.io/token',
      service: 'registry.docker.io',
      scope: 'repository:samalba/my-app:pull,push',
      error: 'insufficient_scope',
    },
  },
  // Spring Security OAuth2 resource server, expired JWT.
  springInvalidToken: {
    scheme: 'Bearer',
    params: {
      error: 'invalid_token',
      error_description: 'Jwt expired at 2024-05-01T10:00:00Z',
      error_uri: 'https://tools.ietf.org/html/rfc6750#section-3.1',
    },
  },
  // Microsoft Entra ID protecting Microsoft Graph.
  entra: {
    scheme: 'Bearer',
    params: {
      realm: '',
      authorization_uri: 'https://login.microsoftonline.com/common/oauth2/authorize',
      client_id: '00000003-0000-0000-c000-000000000000',
    },
  },
  // RFC 7616 §3.9.1, the SHA-256 challenge of the example.
  rfc7616Sha256: {
    scheme: 'Digest',
    params: {
      realm: 'http-auth@example.org',
      qop: 'auth, auth-int',
      algorithm: 'SHA-256',
      nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
      opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
    },
  },
  // RFC 7616 §3.9.2, SHA-512-256 with a hashed username.
  rfc7616Sha512: {
    scheme: 'Digest',
    params: {
      realm: 'api@example.org',
      qop: 'auth',
      algorithm: 'SHA-512-256',
      nonce: '5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK',
      opaque: 'HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS',
      charset: 'UTF-8',
      userhash: 'true',
    },
  },
  // Apache mod_auth_digest after the nonce lifetime ran out.
  apacheDigestStale: {
    scheme: 'Digest',
    params: { realm: 'private', nonce: 'NQaQ1LUNBgA=5c1b', algorithm: 'MD5', qop: 'auth', stale: 'true' },
  },
  nginxBasic: { scheme: 'Basic', params: { realm: 'Restricted' } },
  basicLatin1: { scheme: 'Basic', params: { realm: 'intranet', charset: 'ISO-8859-1' } },
  basicNoRealm: { scheme: 'basic', params: {} },
  iisNegotiate: { scheme: 'Negotiate', params: {} },
  iisNtlm: { scheme: 'NTLM', params: {} },
  ntlmType2: { scheme: 'NTLM', params: {}, token68: 'TlRMTVNTUAACAAAADAAMADAAAAA1goriESIzRFVmd4gAAAAA' },
  dpopNonce: {
    scheme: 'DPoP',
    params: {
      error: 'use_dpop_nonce',
      error_description: 'Resource server requires nonce in DPoP proof',
    },
  },
  dpopAlgs: { scheme: 'DPoP', params: { algs: 'ES256 PS256', error: 'invalid_dpop_proof' } },
  fooAuth: { scheme: 'FooAuth', params: { mode: 'strict' } },
  squidProxyBasic: { scheme: 'Basic', params: { realm: 'Squid proxy-caching web server' } },
  digestNoNonce: { scheme: 'Digest', params: { realm: 'x', qop: 'auth' } },
  digestAuthIntOnly: { scheme: 'Digest', params: { realm: 'x', nonce: 'abc', qop: 'auth-int' } },
  basicWithToken68: { scheme: 'Basic', params: {}, token68: 'cmVhbG0=' },
} satisfies Record<string, Challenge>;

type Fixture = keyof typeof FIXTURES;

function line(params: ParamLine[], name: string): ParamLine {
  const found = params.find((param) => param.name === name);
  if (!found) throw new Error(`no line for ${name}: ${params.map((param) => param.name).join(', ')}`);
  return found;
}

describe('explainChallenge: parameter lines', () => {
  it.each<[Fixture, string, string, ParamLine['severity'], string]>([
    ['dockerRegistry', 'error', 'param_oauth_error_insufficient_scope', 'warn', '403'],
    ['dockerRegistry', 'scope', 'param_oauth_scope', 'info', 'repository:samalba/my-app:pull,push'],
    ['dockerRegistry', 'service', 'param_unknown', 'info', 'registry.docker.io'],
    ['springInvalidToken', 'error', 'param_oauth_error_invalid_token', 'info', 'expired'],
    ['springInvalidToken', 'error_description', 'param_oauth_error_description', 'info', 'Jwt expired at'],
    ['springInvalidToken', 'error_uri', 'param_oauth_error_uri', 'info', 'rfc6750#section-3.1'],
    ['entra', 'authorization_uri', 'param_unknown', 'info', 'login.microsoftonline.com'],
    ['rfc7616Sha256', 'algorithm', 'param_digest_algorithm_sha_256', 'info', 'SHA-256'],
    ['rfc7616Sha256', 'qop', 'param_digest_qop_both', 'info', 'auth, auth-int'],
    [
      'rfc7616Sha256',
      'opaque',
      'param_digest_opaque',
      'info',
      'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
    ],
    ['rfc7616Sha512', 'algorithm', 'param_digest_algorithm_sha_512_256', 'warn', 'Chromium cannot answer'],
    ['rfc7616Sha512', 'userhash', 'param_digest_userhash_true', 'info', 'hash of the username'],
    ['rfc7616Sha512', 'charset', 'param_digest_charset', 'info', 'UTF-8'],
    ['apacheDigestStale', 'stale', 'param_digest_stale_true', 'info', 'retries silently'],
    ['apacheDigestStale', 'algorithm', 'param_digest_algorithm_md5', 'info', 'MD5'],
    ['nginxBasic', 'realm', 'param_basic_realm', 'info', '"Restricted"'],
    ['basicLatin1', 'charset', 'param_basic_charset_invalid', 'error', 'ISO-8859-1'],
    ['basicNoRealm', 'realm', 'param_missing', 'warn', 'RFC 7617'],
    ['ntlmType2', 'token68', 'param_ntlm_token68', 'info', '48 characters'],
    ['dpopNonce', 'error', 'param_dpop_error_use_dpop_nonce', 'info', 'DPoP-Nonce'],
    ['dpopAlgs', 'algs', 'param_dpop_algs', 'info', 'ES256 PS256'],
    ['dpopAlgs', 'error', 'param_dpop_error_invalid_dpop_proof', 'info', 'proof'],
    ['fooAuth', 'mode', 'param_generic', 'info', 'strict'],
    ['digestNoNonce', 'nonce', 'param_missing', 'error', '"nonce"'],
    ['digestAuthIntOnly', 'qop', 'param_digest_qop_auth_int', 'warn', 'auth-int'],
    ['basicWithToken68', 'token68', 'param_token68_unexpected', 'warn', '8 characters'],
  ])('%s: %s → %s (%s)', (fixture, name, key, severity, rendered) => {
    const result = line(explainChallenge(FIXTURES[fixture], WWW).params, name);
    expect(result.meaning.key).toBe(key);
    expect(result.severity).toBe(severity);
    expect(renderText(result.meaning)).toContain(rendered);
  });

  it('keeps the parameters in the order sent, with their values as sent', () => {
    const { params } = explainChallenge(FIXTURES.rfc7616Sha256, WWW);
    expect(params.map((param) => [param.name, param.value])).toEqual(
      Object.entries(FIXTURES.rfc7616Sha256.params),
    );
  });

  it('reads parameter names case-insensitively', () => {
    const { params } = explainChallenge(
      { scheme: 'Basic', params: { Realm: 'Office', CHARSET: 'utf-8' } },
      WWW,
    );
    expect(params.map((param) => [param.name, param.meaning.key, param.severity])).toEqual([
      ['realm', 'param_basic_realm', 'info'],
      ['charset', 'param_basic_charset', 'info'],
    ]);
  });

  it('reports no missing parameter when the spec has everything it requires', () => {
    for (const fixture of ['rfc7616Sha256', 'rfc7616Sha512', 'nginxBasic', 'springInvalidToken'] as const) {
      const missing = explainChallenge(FIXTURES[fixture], WWW).params.filter(
        (param) => param.meaning.key === 'param_missing',
      );
      expect(missing, fixture).toEqual([]);
    }
  });
});

describe('explainChallenge: hostile input', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'treats Digest algorithm=%s as an unknown algorithm',
    (value) => {
      const explanation = explainChallenge(
        { scheme: 'Digest', params: { nonce: 'n', algorithm: value } },
        WWW,
      );
      const algorithm = line(explanation.params, 'algorithm');
      expect([algorithm.meaning.key, algorithm.severity]).toEqual([
        'param_digest_algorithm_unknown',
        'error',
      ]);
      expect(explanation.browser[0]?.key).toBe('explain_browser_digest_algorithm');
    },
  );

  it('cuts huge values in the wording but keeps them whole in the line', () => {
    const description = 'x'.repeat(100_000);
    const scheme = 'Y'.repeat(5_000);
    const bearer = explainChallenge({ scheme: 'Bearer', params: { error_description: description } }, WWW);
    const unknown = explainChallenge({ scheme, params: {} }, WWW);
    expect(line(bearer.params, 'error_description').value).toBe(description);
    expect(renderText(line(bearer.params, 'error_description').meaning).length).toBeLessThan(500);
    expect(unknown.scheme).toBe(scheme);
    expect(renderText(unknown.title).length).toBeLessThan(500);
    expect(renderText(unknown.browser[0]!).length).toBeLessThan(1000);
  });
});

describe('explainChallenge: scheme and browser lines', () => {
  it.each<[Fixture, ChallengeFieldName, string, boolean, string[]]>([
    ['dockerRegistry', WWW, 'Bearer', true, ['explain_browser_app']],
    ['entra', WWW, 'Bearer', true, ['explain_browser_app']],
    ['rfc7616Sha256', WWW, 'Digest', true, ['explain_browser_prompt', 'explain_browser_chromium_order']],
    ['rfc7616Sha512', WWW, 'Digest', true, ['explain_browser_digest_algorithm']],
    ['digestNoNonce', WWW, 'Digest', true, ['explain_browser_digest_no_nonce']],
    [
      'digestAuthIntOnly',
      WWW,
      'Digest',
      true,
      ['explain_browser_prompt', 'explain_browser_digest_auth_int', 'explain_browser_chromium_order'],
    ],
    ['nginxBasic', WWW, 'Basic', true, ['explain_browser_prompt', 'explain_browser_chromium_order']],
    ['iisNegotiate', WWW, 'Negotiate', true, ['explain_browser_negotiate', 'explain_browser_chromium_order']],
    ['iisNtlm', WWW, 'NTLM', true, ['explain_browser_ntlm', 'explain_browser_chromium_order']],
    ['dpopNonce', WWW, 'DPoP', true, ['explain_browser_app']],
    ['fooAuth', WWW, 'FooAuth', false, ['explain_browser_unknown']],
    [
      'squidProxyBasic',
      PROXY,
      'Basic',
      true,
      ['explain_browser_prompt_proxy', 'explain_browser_chromium_order'],
    ],
    ['iisNtlm', PROXY, 'NTLM', true, ['explain_browser_ntlm_proxy', 'explain_browser_chromium_order']],
    ['springInvalidToken', PROXY, 'Bearer', true, ['explain_browser_app_proxy']],
    ['fooAuth', PROXY, 'FooAuth', false, ['explain_browser_unknown_proxy']],
  ])('%s in %s: %s (known %s) → %j', (fixture, field, scheme, known, browserKeys) => {
    const explanation = explainChallenge(FIXTURES[fixture], field);
    expect(explanation.scheme).toBe(scheme);
    expect(explanation.known).toBe(known);
    expect(explanation.browser.map((text) => text.key)).toEqual(browserKeys);
  });

  it('names the canonical scheme whatever the case sent', () => {
    for (const sent of ['bEaReR', 'BEARER', 'bearer']) {
      const explanation = explainChallenge({ scheme: sent, params: {} }, WWW);
      expect([explanation.scheme, explanation.title.key, explanation.summary.key]).toEqual([
        'Bearer',
        'scheme_bearer_title',
        'scheme_bearer_plain',
      ]);
    }
  });

  it('explains an unknown scheme generically, with its name, never as an error', () => {
    const explanation = explainChallenge(FIXTURES.fooAuth, WWW);
    for (const text of [
      explanation.title,
      explanation.summary,
      explanation.developer,
      ...explanation.browser,
    ]) {
      expect(renderText(text)).toContain('FooAuth');
    }
    expect(explanation.params.every((param) => param.severity === 'info')).toBe(true);
    expect(explanation.specUrl).toBeUndefined();
    expect(explanation.registered).toBeUndefined();
  });

  it('speaks of the proxy for Proxy-Authenticate, of the website otherwise', () => {
    const proxy = explainChallenge(FIXTURES.squidProxyBasic, PROXY);
    const site = explainChallenge(FIXTURES.nginxBasic, WWW);
    expect(renderText(proxy.title)).toMatch(/proxy/i);
    expect(renderText(proxy.context!)).toContain('407');
    expect(renderText(proxy.browser[0]!)).toMatch(/proxy/i);
    expect(renderText(site.title)).not.toMatch(/proxy/i);
    expect(renderText(site.context!)).toContain('401');
    expect(renderText(site.browser[0]!)).not.toMatch(/proxy/i);
  });

  it('links the spec and says whether the scheme is registered', () => {
    const dpop = explainChallenge(FIXTURES.dpopNonce, WWW);
    const ntlm = explainChallenge(FIXTURES.iisNtlm, WWW);
    expect([dpop.registered, dpop.specRef, dpop.specUrl]).toEqual([
      true,
      'RFC 9449 §7.1',
      'https://www.rfc-editor.org/rfc/rfc9449#section-7.1',
    ]);
    expect([ntlm.registered, ntlm.specRef]).toEqual([false, 'MS-NTHT']);
  });
});

describe('rankForBrowser: the challenge Chromium answers', () => {
  const c = (scheme: string, params: Record<string, string> = {}): Challenge => ({ scheme, params });
  it.each<[string, Challenge[], string[], number]>([
    ['IIS: Negotiate then NTLM', [c('Negotiate'), c('NTLM')], ['Negotiate', 'NTLM'], 0],
    [
      'server order ignored',
      [c('Basic', { realm: 'a' }), c('NTLM'), c('Negotiate')],
      ['Negotiate', 'NTLM', 'Basic'],
      2,
    ],
    ['Digest beats Basic', [c('Basic', { realm: 'a' }), FIXTURES.rfc7616Sha256], ['Digest', 'Basic'], 1],
    ['SHA-512-256 Digest is skipped', [FIXTURES.rfc7616Sha512, c('Basic', { realm: 'a' })], ['Basic'], 1],
    ['Digest without nonce is skipped', [FIXTURES.digestNoNonce], [], -1],
    ['Bearer only: no prompt', [FIXTURES.dockerRegistry, c('FooAuth')], [], -1],
    ['Bearer first, Basic second', [c('Bearer'), c('basic', { realm: 'a' })], ['Basic'], 1],
    [
      'ties keep the server order',
      [c('Basic', { realm: 'a' }), c('Basic', { realm: 'b' })],
      ['Basic', 'Basic'],
      0,
    ],
    ['lookalikes are not answered', [c('xBasic'), c('Kerberos'), c('FormBased')], [], -1],
    ['nothing offered', [], [], -1],
  ])('%s', (_name, challenges, order, pick) => {
    expect(rankForBrowser(challenges).map((ranked) => ranked.scheme)).toEqual(order);
    expect(rankForBrowser(challenges)[0]?.index ?? -1).toBe(pick);
  });
});

describe('rankForFirefox: the order Firefox tries challenges in (nsHttpChannelAuthProvider GetCredentials)', () => {
  const c = (scheme: string, params: Record<string, string> = {}): Challenge => ({ scheme, params });
  const digest = (algorithm?: string): Challenge =>
    c('Digest', { realm: 'r', nonce: 'n', ...(algorithm ? { algorithm } : {}) });
  it.each<[string, Challenge[], number[]]>([
    ['Basic after Digest, whatever the server order', [c('Basic', { realm: 'a' }), digest()], [1, 0]],
    ['Bearer is not answered, Basic is', [c('Bearer', { realm: 'a' }), c('Basic', { realm: 'b' })], [1]],
    ['Negotiate, NTLM, then Basic', [c('Basic', { realm: 'a' }), c('NTLM'), c('Negotiate')], [2, 1, 0]],
    ['SHA-256 Digest before MD5 Digest', [digest('MD5'), digest('SHA-256')], [1, 0]],
    ['no algorithm counts as MD5', [digest(), digest('SHA-256-sess'), digest('MD5-sess')], [1, 2, 0]],
    ['equal Digests keep the server order', [digest('SHA-256'), digest('SHA-256')], [0, 1]],
    ['a Digest without nonce is not answered', [c('Digest', { realm: 'r' }), c('Basic', { realm: 'b' })], [1]],
    ['nothing Firefox answers', [c('Bearer'), c('DPoP', { algs: 'ES256' })], []],
  ])('%s', (_name, challenges, order) => {
    expect(rankForFirefox(challenges).map((ranked) => ranked.index)).toEqual(order);
  });
});
