// The one body read (live/body-facts.ts) and what it changes downstream: the record as diagnosis sees
// it (enrichEvent), who asked (identifyServer) and the server findings, plus HAR import's use of the
// same read. Recorded responses: tests/fixtures/server-responses.ts and response-bodies.ts.
import { describe, expect, it } from 'vitest';
import { diagnose, type Finding } from '../../src/core/diagnose';
import { buildReport } from '../../src/core/export';
import { importEntry, type FileHarEntry } from '../../src/core/har-import';
import { applyBodyFacts, bodyFactsOf, enrichEvent, type LiveFacts } from '../../src/core/live';
import type { AuthEvent } from '../../src/core/record';
import { identifyServer } from '../../src/core/servers';
import { RESPONSE_BODIES as B, type ResponseBody } from '../fixtures/response-bodies';
import { SERVER_RESPONSES as R, type ServerResponse } from '../fixtures/server-responses';
import { renderText } from '../fixtures/render-text';
import { renderFindings } from './fixtures/events';
import { eventOf } from './server-identify.test';

/** The stored event of a response, seen again by the panel with the body's facts. */
function withBody(r: ServerResponse, b: ResponseBody): AuthEvent {
  const event = eventOf(r, b.url);
  const facts = { method: 'GET', url: b.url, status: r.status, start: 0, end: 0 } as LiveFacts;
  applyBodyFacts(facts, bodyFactsOf(b.body, b.mimeType, b.url));
  return enrichEvent(event, facts);
}

const finding = (event: AuthEvent, id: string): Finding | undefined =>
  diagnose(event, []).find((f) => f.id === id);

describe('bodyFactsOf: one read, two facts', () => {
  it('keeps the WordPress code and names no server for a WordPress body', () => {
    expect(bodyFactsOf(B.wordpress.body, B.wordpress.mimeType, B.wordpress.url)).toEqual({
      code: 'rest_not_logged_in',
    });
  });

  it('gives the IIS substatus as the code, for the iis-substatus rule', () => {
    expect(bodyFactsOf(B.iisDetailed.body, B.iisDetailed.mimeType, B.iisDetailed.url)).toEqual({
      code: '401.2',
      server: {
        product: 'iis',
        certainty: 'seen',
        evidence: 'IIS 10.0 Detailed Error - 401.2',
        code: '401.2',
      },
    });
  });

  it.each([
    ['a binary type', B.nginx.body, 'image/png'],
    ['no text', undefined, 'text/html'],
    ['a number', 401, 'text/html'],
  ])('gives nothing for %s', (_name, body, type) => {
    expect(bodyFactsOf(body, type, 'https://site.example/')).toEqual({});
  });
});

describe('who asked, once the panel has read the body', () => {
  it("Tomcat's Manager: 'likely' by realm alone, 'seen' with its page, and the role to add", async () => {
    expect(identifyServer(eventOf(R.tomcatManager))?.certainty).toBe('likely');
    const event = withBody(R.tomcatManager, B.tomcatManager);
    expect(identifyServer(event)).toEqual({
      product: 'tomcat',
      name: 'Apache Tomcat',
      role: 'server',
      certainty: 'seen',
      evidence: 'conf/tomcat-users.xml … rolename="manager-gui"',
      app: 'manager',
      appRole: 'manager-gui',
      fromBody: true,
    });
    const f = finding(event, 'server-setting');
    expect(f?.kind).toBe('cause');
    expect(f?.title).toEqual({ key: 'diag_server_setting_title', args: ['Apache Tomcat'] });
    expect(f?.detail).toEqual({
      key: 'diag_server_setting_detail_tomcat_app',
      args: ['conf/tomcat-users.xml … rolename="manager-gui"', 'Manager', 'manager-gui'],
    });
    expect(f?.steps.map((s) => [s.key, s.args, s.audience])).toEqual([
      ['diag_server_setting_step_tomcat_admin_app', ['Manager', 'manager-gui'], 'visitor'],
      ['diag_server_setting_step_tomcat_app_role', ['manager-gui', 'Manager'], 'owner'],
    ]);
    expect((await renderFindings([f!]))[1]).toBe(
      `Apache Tomcat's Manager app asked (conf/tomcat-users.xml … rolename="manager-gui"): its web.xml lets in only users with the role manager-gui, and Tomcat reads those users from conf/tomcat-users.xml. The page it sent names that file itself.`,
    );
  });

  it("a webapp's <login-config>: Tomcat seen from its version footer, the web.xml advice", () => {
    const f = finding(withBody(R.tomcatDefaultRealm, B.tomcatDefault), 'server-setting');
    expect(f?.kind).toBe('cause');
    expect(f?.detail).toEqual({
      key: 'diag_server_setting_detail_tomcat',
      args: ['<h3>Apache Tomcat/10.1.60 (Debian)</h3>'],
    });
    expect(f?.steps.filter((s) => s.audience === 'owner').map((s) => s.key)).toEqual([
      'diag_server_setting_step_tomcat_users',
      'diag_server_setting_step_tomcat_web_xml',
    ]);
  });

  it('Apache behind nginx: the Server header says nginx, the page says Apache, the page wins', () => {
    const front: ServerResponse = {
      name: 'Apache through nginx proxy_pass',
      source: 'recorded: tests/e2e/servers/nginx-front.conf in front of apache2.conf /signed/',
      status: 401,
      headers: [
        { name: 'Server', value: 'nginx' },
        { name: 'Content-Type', value: 'text/html; charset=iso-8859-1' },
        { name: 'WWW-Authenticate', value: 'Basic realm="Signed area"' },
      ],
    };
    expect(identifyServer(eventOf(front))?.product).toBe('nginx');
    const f = finding(withBody(front, B.apacheBehindNginx), 'server-setting');
    expect(f?.title).toEqual({ key: 'diag_server_setting_title', args: ['Apache httpd'] });
    expect(f?.detail.args).toEqual(['<address>Apache/2.4.71 (Debian) Server at …</address>']);
  });

  it('nginx auth_request: its own page and no challenge; only the page shows nginx answered itself', async () => {
    const sso: ServerResponse = {
      name: 'nginx auth_request',
      source: 'recorded: tests/e2e/servers/nginx.conf /sso/ (nginx 1.22.1)',
      status: 401,
      headers: [
        { name: 'Server', value: 'nginx/1.22.1' },
        { name: 'Content-Type', value: 'text/html' },
      ],
    };
    expect(finding(eventOf(sso), 'server-setting')).toBeUndefined();
    const f = finding(withBody(sso, B.nginxAuthRequest), 'server-setting');
    expect(f?.kind).toBe('possible-cause');
    expect(f?.detail).toEqual({
      key: 'diag_server_setting_detail_nginx_auth_request',
      args: ['<center>nginx/1.22.1</center>'],
    });
    expect(f?.steps.map((s) => [s.key, s.audience])).toEqual([
      ['diag_server_setting_step_nginx_auth_request_visitor', 'visitor'],
      ['diag_server_setting_step_nginx_auth_request', 'owner'],
    ]);
    await renderFindings([f!]);
    // With nginx's own Basic challenge it is auth_basic, as before.
    expect(finding(withBody(R.nginx, B.nginx), 'server-setting')?.detail.key).toBe(
      'diag_server_setting_detail_nginx',
    );
  });

  it('a shape-only body never beats a header that proves the product', () => {
    const event = withBody(R.nginx, { ...B.apache, url: 'https://site.example/staff/' });
    expect(identifyServer(event)).toMatchObject({ product: 'nginx', evidence: 'Server: nginx/1.22.1' });
  });

  it("a 407 page is read as the proxy's; a web server's page on a 407 names nothing", () => {
    expect(identifyServer(withBody(R.squid, B.squid))?.product).toBe('squid');
    const other = withBody(R.otherProxy, B.nginx);
    expect(identifyServer(other)).toMatchObject({ product: 'proxy' });
  });

  it.each([
    [B.springBoot, 'spring_boot'],
    [B.aspNetCore, 'aspnet_core'],
    [B.djangoRest, 'django_rest_framework'],
  ] as const)('an app framework named by its body has its own words (%#)', async (body, key) => {
    const f = finding(withBody(R.unknownBearer, body), 'served-by');
    expect(f?.detail.key).toBe(`diag_served_by_detail_${key}`);
    await renderFindings([f!]);
  });

  it('Spring Boot behind a Bearer 401: the application answered (served-by)', () => {
    const f = finding(withBody(R.unknownBearer, B.springBoot), 'served-by');
    expect(f?.kind).toBe('info');
    expect(f?.title).toEqual({ key: 'diag_served_by_title_likely', args: ['Spring Boot'] });
    expect(f?.steps.map((s) => s.key)).toEqual([
      'diag_step_contact_admin',
      'diag_served_by_step_spring_boot',
    ]);
  });

  it('an IIS detailed error page: the substatus rule explains 401.2 from the body', () => {
    const f = finding(withBody(R.unknownBearer, B.iisDetailed), 'iis-substatus');
    expect(f?.title.args).toEqual(['401.2']);
    expect(f?.detail.key).toBe('diag_iis_substatus_detail_2');
  });
});

describe('HAR import reads the same body facts', () => {
  it('an entry with the Manager page: the event names Tomcat and the role, the body is not kept', () => {
    const entry = {
      startedDateTime: '2026-12-03T12:00:00.000Z',
      time: 5,
      request: { method: 'GET', url: B.tomcatManager.url, httpVersion: 'HTTP/1.1', headers: [] },
      response: {
        status: 401,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'WWW-Authenticate', value: 'Basic realm="Tomcat Manager Application"' }],
        content: {
          size: B.tomcatManager.body.length,
          mimeType: B.tomcatManager.mimeType,
          text: B.tomcatManager.body,
        },
      },
    } as unknown as FileHarEntry;
    const imported = importEntry(entry, 0, [], false)!;
    expect(imported.event.response.bodyServer).toEqual({
      product: 'tomcat',
      certainty: 'seen',
      evidence: 'conf/tomcat-users.xml … rolename="manager-gui"',
      app: 'manager',
      appRole: 'manager-gui',
    });
    expect(JSON.stringify(imported)).not.toContain('s3cret');
  });
});

describe('the support report says who wrote the page, never the page', () => {
  const env = { browser: 'Chromium 156', extensionVersion: '0.4.0', generatedAt: Date.UTC(2026, 11, 3) };
  it.each([
    [
      R.tomcatManager,
      B.tomcatManager,
      '- **Page written by:** Apache Tomcat `conf/tomcat-users.xml … rolename="manager-gui"`',
    ],
    [
      R.unknownBearer,
      B.springBoot,
      '- **Page written by:** probably Spring Boot `{"timestamp", "status": 401, "error", "path"}`',
    ],
  ] as const)('%#', (response, body, line) => {
    const event = withBody(response, body);
    const report = buildReport({ event, findings: diagnose(event, []) }, renderText, env);
    expect(report.split('\n')).toContain(line);
    expect(report).not.toContain('s3cret');
    expect(report).not.toContain('/api/orders"');
  });
});
