// Which server, gateway or proxy asked: every recorded or documented response through the real
// record builder (buildAuthEvent), then identifyServer. Expected products are written by hand.
import { describe, expect, it } from 'vitest';
import { buildAuthEvent, type AuthEvent } from '../../src/core/record';
import { identifyServer, proxyNameOf } from '../../src/core/servers';
import { SERVER_RESPONSES, type ServerResponse } from '../fixtures/server-responses';

/** The stored record of a fixture response, as the worker would build it. */
export function eventOf(r: ServerResponse, url = 'https://site.example/area/'): AuthEvent {
  const event = buildAuthEvent(
    {
      requestId: '1',
      timeStamp: Date.UTC(2026, 11, 3),
      tabId: 1,
      frameId: 0,
      parentFrameId: -1,
      url,
      method: 'GET',
      type: 'main_frame',
      statusCode: r.status,
      statusLine: `HTTP/1.1 ${r.status}`,
      responseHeaders: r.headers,
    },
    [],
    { requestHeaders: 'unknown' },
  );
  if (r.challenger)
    event.credentials.browserAuth = { scheme: 'basic', isProxy: true, challenger: r.challenger };
  return event;
}

const R = SERVER_RESPONSES;
const cases: [ServerResponse, string | undefined, 'seen' | 'likely' | undefined, string | undefined][] = [
  [R.nginx, 'nginx', 'seen', 'Server: nginx/1.22.1'],
  [R.apacheHtaccess, 'apache', 'seen', 'Server: Apache/2.4.71 (Debian)'],
  [R.apacheDigest, 'apache', 'seen', 'Server: Apache/2.4.71 (Debian)'],
  [R.lighttpd, 'lighttpd', 'seen', 'Server: lighttpd/1.4.69'],
  [R.caddy, 'caddy', 'seen', 'Server: Caddy'],
  [R.tomcatManager, 'tomcat', 'likely', 'Basic realm="Tomcat Manager Application"'],
  [R.tomcatDefaultRealm, 'tomcat', 'likely', 'Basic realm="Authentication required"'],
  [R.tomcatCoyote, 'tomcat', 'seen', 'Server: Apache-Coyote/1.1'],
  [R.squid, 'squid', 'seen', 'Server: squid/5.7'],
  [R.squidDefaultRealm, 'squid', 'likely', 'Basic realm="Squid proxy-caching web server"'],
  [R.otherProxy, 'proxy', 'seen', 'Via: 1.1 gateway.corp.example:8080'],
  [R.iis, 'iis', 'seen', 'Server: Microsoft-IIS/10.0'],
  [R.jetty, 'jetty', 'seen', 'Server: Jetty(9.4.53.v20231009)'],
  [R.express, 'express', 'seen', 'X-Powered-By: Express'],
  [R.traefik, 'traefik', 'likely', 'Basic realm="traefik"'],
  [R.apiGateway, 'aws-api-gateway', 'seen', 'x-amzn-ErrorType: UnauthorizedException'],
  [R.alb, 'aws-alb', 'seen', 'Server: awselb/2.0'],
  [R.azure, 'azure-app-service', 'likely', 'Bearer realm="contoso-api.azurewebsites.net"'],
  [R.iap, 'google-iap', 'seen', 'X-Goog-IAP-Generated-Response: true'],
  [R.cloudflare, 'cloudflare-access', 'likely', 'Server: cloudflare'],
  [R.cloudflareOriginBasic, undefined, undefined, undefined],
  [R.unknownBearer, undefined, undefined, undefined],
];

describe('identifyServer names who asked, from recorded and documented responses', () => {
  it.each(cases.map((c) => [c[0].name, ...c] as const))(
    '%s',
    (_name, response, product, certainty, evidence) => {
      const who = identifyServer(eventOf(response));
      expect(who?.product).toBe(product);
      expect(who?.certainty).toBe(certainty);
      expect(who?.evidence).toBe(evidence);
    },
  );

  it('never names a web server for a 407, nor a proxy for a 401', () => {
    const asProxy = { ...R.nginx, status: 407, headers: [...R.nginx.headers] };
    expect(identifyServer(eventOf(asProxy))?.product).toBe('proxy');
    const asSite = { ...R.squid, status: 401, challenger: undefined };
    expect(identifyServer(eventOf(asSite))).toBeUndefined();
  });

  it('caps hostile header values in the evidence', () => {
    const long = { ...R.nginx, headers: [{ name: 'Server', value: `nginx/${'9'.repeat(5000)}` }] };
    expect(identifyServer(eventOf(long))?.evidence.length).toBeLessThanOrEqual(120);
  });
});

describe('proxyNameOf names the proxy, not the website', () => {
  it.each([
    ['the challenger the browser reports', R.squid, '127.0.0.1:3128'],
    ['the first Via host when the browser reported none', R.otherProxy, 'gateway.corp.example:8080'],
    ['nothing when neither shows', R.squidDefaultRealm, ''],
  ])('%s', (_name, response, expected) => {
    expect(proxyNameOf(eventOf(response))).toBe(expected);
  });
});
