// Who wrote a 401/407 body: recorded and documented bodies (tests/fixtures/response-bodies.ts) through
// fingerprintBody. Expected products and evidence are written by hand from the pages themselves.
import { describe, expect, it } from 'vitest';
import { fingerprintBody, isTextLike, type BodyFingerprint } from '../../src/core/servers';
import { RESPONSE_BODIES as B, type ResponseBody } from '../fixtures/response-bodies';

const of = (b: ResponseBody) => fingerprintBody(b.body, b.mimeType, b.url);

describe('fingerprintBody names who wrote the page', () => {
  it.each([
    // [fixture, expected fingerprint]
    [
      'tomcatManager',
      {
        product: 'tomcat',
        certainty: 'seen',
        evidence: 'conf/tomcat-users.xml … rolename="manager-gui"',
        app: 'manager',
        appRole: 'manager-gui',
      },
    ],
    [
      'tomcatManagerText',
      {
        product: 'tomcat',
        certainty: 'seen',
        evidence: 'conf/tomcat-users.xml … rolename="manager-gui"',
        app: 'manager',
        appRole: 'manager-script',
      },
    ],
    [
      'tomcatHostManager',
      {
        product: 'tomcat',
        certainty: 'seen',
        evidence: 'conf/tomcat-users.xml … rolename="admin-gui"',
        app: 'host-manager',
        appRole: 'admin-gui',
      },
    ],
    [
      'tomcatDefault',
      { product: 'tomcat', certainty: 'seen', evidence: '<h3>Apache Tomcat/10.1.60 (Debian)</h3>' },
    ],
    ['nginxAuthRequest', { product: 'nginx', certainty: 'seen', evidence: '<center>nginx/1.22.1</center>' }],
    [
      'tomcatNoServerInfo',
      { product: 'tomcat', certainty: 'likely', evidence: '<title>HTTP Status 401 – …</title>' },
    ],
    ['nginx', { product: 'nginx', certainty: 'seen', evidence: '<center>nginx/1.22.1</center>' }],
    ['nginxTokensOff', { product: 'nginx', certainty: 'seen', evidence: '<center>nginx</center>' }],
    [
      'apacheSignature',
      {
        product: 'apache',
        certainty: 'seen',
        evidence: '<address>Apache/2.4.71 (Debian) Server at …</address>',
      },
    ],
    [
      'apacheBehindNginx',
      {
        product: 'apache',
        certainty: 'seen',
        evidence: '<address>Apache/2.4.71 (Debian) Server at …</address>',
      },
    ],
    [
      'apache',
      {
        product: 'apache',
        certainty: 'likely',
        evidence: 'This server could not verify that you …',
      },
    ],
    [
      'lighttpd',
      {
        product: 'lighttpd',
        certainty: 'likely',
        evidence: '<?xml … XHTML 1.0 Transitional … <h1>401 Unauthorized</h1>',
      },
    ],
    ['squid', { product: 'squid', certainty: 'seen', evidence: '(squid/5.7)' }],
    ['jetty', { product: 'jetty', certainty: 'seen', evidence: 'Powered by Jetty:// 9.4.57.v20241219' }],
    [
      'iisDetailed',
      { product: 'iis', certainty: 'seen', evidence: 'IIS 10.0 Detailed Error - 401.2', code: '401.2' },
    ],
    [
      'iisCustom',
      {
        product: 'iis',
        certainty: 'likely',
        evidence: '401 - Unauthorized: Access is denied due to invalid credentials.',
        code: '401.1',
      },
    ],
    [
      'springBoot',
      {
        product: 'spring-boot',
        certainty: 'likely',
        evidence: '{"timestamp", "status": 401, "error", "path"}',
      },
    ],
    [
      'aspNetCore',
      {
        product: 'aspnet-core',
        certainty: 'likely',
        evidence: '{"type": "https://tools.ietf.org/html/rfc9110#section-15.5.2", "traceId"}',
      },
    ],
    [
      'djangoRest',
      {
        product: 'django-rest-framework',
        certainty: 'likely',
        evidence: '{"detail": "Authentication credentials were not provided."}',
      },
    ],
    [
      'express',
      {
        product: 'express',
        certainty: 'likely',
        evidence: 'text/plain: Unauthorized',
      },
    ],
    [
      'apiGateway',
      {
        product: 'aws-api-gateway',
        certainty: 'likely',
        evidence: '{"message": "Unauthorized"}',
      },
    ],
    ['wordpress', undefined],
  ] as [keyof typeof B, BodyFingerprint | undefined][])('%s', (name, expected) => {
    expect(of(B[name])).toEqual(expected);
  });

  it('keeps no text of the page beyond the version: the Apache footer loses its host and port', () => {
    const hit = of(B.apacheSignature);
    expect(JSON.stringify(hit)).not.toContain('127.0.0.1');
    expect(JSON.stringify(of(B.squid))).not.toContain('example.test');
  });

  it.each([
    ['an image', 'image/png', B.nginx.body],
    ['JavaScript', 'application/javascript', B.nginx.body],
    ['an empty body', 'text/html', ''],
    ['a body over 64 K characters', 'text/html', B.nginx.body + ' '.repeat(64 * 1024)],
    ['a page that names nothing', 'text/html', '<html><body><h1>Please sign in</h1></body></html>'],
    ["Go's http.Error text (newline)", 'text/plain', 'Unauthorized\n'],
    ['bad JSON', 'application/json', '{"timestamp":'],
    ['a JSON array', 'application/json', '[{"detail":"Invalid token."}]'],
    [
      "Spring's shape with another status",
      'application/json',
      '{"timestamp":1,"status":500,"error":"x","path":"/"}',
    ],
  ])('gives nothing for %s', (_name, mimeType, body) => {
    expect(fingerprintBody(body, mimeType, 'https://site.example/')).toBeUndefined();
  });

  it('reads text-like media types only (an absent type counts: many 401s have none)', () => {
    const yes = [
      'text/html',
      'text/plain; charset=utf-8',
      'application/json',
      'application/problem+json',
      'application/xml',
      'text/xml',
      'application/xhtml+xml',
      '',
      'x-unknown',
      undefined,
    ];
    const no = ['image/svg', 'application/octet-stream', 'application/javascript', 'text/css', 'video/mp4'];
    expect(yes.map((t) => isTextLike(t))).toEqual(yes.map(() => true));
    expect(no.map((t) => isTextLike(t))).toEqual(no.map(() => false));
  });
});

describe('fingerprintBody on hostile bodies', () => {
  const K64 = 64 * 1024;
  it.each([
    [
      'a version that never ends',
      `<center>nginx/${'1'.repeat(K64 - 20)}`,
      '<center>nginx/' + '1'.repeat(40) + '</center>',
    ],
    ['Tomcat footers over and over', '<h3>Apache Tomcat/'.repeat(3000), '<h3>Apache Tomcat/</h3>'],
    ['an address that never says "Server at"', `<address>Apache/2 (${'x '.repeat(30000)}`, undefined],
    ['Jetty markers with spaces', `Powered by Jetty:// ${' '.repeat(K64 - 30)}`, 'Powered by Jetty://'],
  ])('%s: a capped answer, no throw', (_name, body, evidence) => {
    expect(body.length).toBeLessThanOrEqual(K64);
    expect(fingerprintBody(body, 'text/html', 'https://site.example/')?.evidence).toBe(evidence);
  });

  it('never throws on odd input', () => {
    const odd: unknown[] = [null, 42, {}, '\u0000'.repeat(1000), '{'.repeat(K64), '"'.repeat(K64)];
    for (const body of odd) expect(() => fingerprintBody(body as string, 'text/html')).not.toThrow();
  });
});
