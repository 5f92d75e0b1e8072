// The server-setting and proxy-credentials findings on recorded and documented responses: who asked,
// the setting behind it, and that the visitor's steps and the owner's steps are told apart.
import { describe, expect, it } from 'vitest';
import { diagnose, type Finding } from '../../src/core/diagnose';
import { SERVER_RESPONSES as R, type ServerResponse } from '../fixtures/server-responses';
import { renderFindings } from './fixtures/events';
import { eventOf } from './server-identify.test';

const find = (r: ServerResponse, id: string): Finding | undefined =>
  diagnose(eventOf(r), []).find((f) => f.id === id);

const keys = (f: Finding | undefined, audience: 'visitor' | 'owner') =>
  (f?.steps ?? [])
    .filter((s) => s.audience === audience)
    .map((s) => s.key.replace('diag_server_setting_step_', ''));

describe('server-setting: who asked and what to change', () => {
  it.each([
    // [case, kind, title key suffix, visitor steps, owner steps]
    [R.nginx, 'cause', 'title', ['folder_password'], ['nginx_config', 'nginx_users']],
    [R.apacheHtaccess, 'cause', 'title', ['folder_password'], ['apache_config', 'apache_users']],
    [R.apacheDigest, 'cause', 'title', ['folder_password'], ['apache_config', 'apache_users']],
    [R.lighttpd, 'cause', 'title', ['folder_password'], ['lighttpd']],
    [R.caddy, 'cause', 'title', ['folder_password'], ['caddy']],
    // A realm is a name anyone can pick: only the body (the panel) makes Tomcat's Manager 'seen'.
    [
      R.tomcatManager,
      'possible-cause',
      'title_likely',
      ['folder_password'],
      ['tomcat_users', 'tomcat_web_xml'],
    ],
    [
      R.tomcatDefaultRealm,
      'possible-cause',
      'title_likely',
      ['folder_password'],
      ['tomcat_users', 'tomcat_web_xml'],
    ],
    [R.jetty, 'cause', 'title', ['folder_password'], ['jetty']],
    [R.traefik, 'possible-cause', 'title_likely', ['folder_password'], ['traefik']],
    [R.apiGateway, 'cause', 'title', ['gateway_sign_in', 'diag_step_contact_admin'], ['aws_api_gateway']],
    [R.alb, 'cause', 'title', ['gateway_sign_in', 'diag_step_contact_admin'], ['aws_alb']],
    [
      R.azure,
      'possible-cause',
      'title_likely',
      ['gateway_sign_in', 'diag_step_contact_admin'],
      ['azure_app_service'],
    ],
    [R.iap, 'cause', 'title', ['gateway_sign_in', 'diag_step_contact_admin'], ['google_iap']],
    [
      R.cloudflare,
      'possible-cause',
      'title_likely',
      ['gateway_sign_in', 'diag_step_contact_admin'],
      ['cloudflare_access'],
    ],
  ] as const)('%#: %o', async (response, kind, title, visitor, owner) => {
    const f = find(response, 'server-setting');
    expect(f?.kind).toBe(kind);
    expect(f?.title.key).toBe(`diag_server_setting_${title}`);
    expect(keys(f, 'visitor')).toEqual(visitor);
    expect(keys(f, 'owner')).toEqual(owner);
    await renderFindings(f ? [f] : []);
  });

  it.each([
    [R.iis, 'iis'],
    [R.express, 'express'],
  ] as const)('served-by: the application answered (%#)', async (response, product) => {
    const f = find(response, 'served-by');
    expect(f?.kind).toBe('info');
    expect(f?.detail.key).toBe(`diag_served_by_detail_${product}`);
    expect(f?.steps.map((s) => [s.key, s.audience])).toEqual([
      ['diag_step_contact_admin', 'visitor'],
      [`diag_served_by_step_${product}`, 'owner'],
    ]);
    expect(find(response, 'server-setting')).toBeUndefined();
    await renderFindings([f!]);
  });

  it('names the realm in the visitor step: it is the AuthName / auth_basic text the owner chose', () => {
    const f = find(R.apacheHtaccess, 'server-setting');
    expect(f?.steps[0]).toEqual({
      key: 'diag_server_setting_step_folder_password',
      args: ['Members area'],
      audience: 'visitor',
    });
    expect(f?.detail.args).toEqual(['Server: Apache/2.4.71 (Debian)']);
  });

  it('is the top finding for a plain folder password nobody answered yet', () => {
    expect(diagnose(eventOf(R.nginx), [])[0]?.id).toBe('server-setting');
  });

  it.each([
    [
      'a Bearer 401 behind nginx comes from the app, not auth_basic',
      {
        ...R.nginx,
        headers: [
          { name: 'Server', value: 'nginx' },
          { name: 'WWW-Authenticate', value: 'Bearer' },
        ],
      },
    ],
    ['an origin realm behind Cloudflare names nobody', R.cloudflareOriginBasic],
    ['a 407 is the proxy rule’s', R.squid],
  ])('stays quiet: %s', (_name, response) => {
    expect(find(response, 'server-setting')).toBeUndefined();
  });
});

describe('proxy-credentials: your proxy asks, not the website', () => {
  it('names the proxy by host:port and Squid by its headers, and sends the visitor to the network admin', async () => {
    const f = find(R.squid, 'proxy-credentials');
    expect(f?.kind).toBe('cause');
    expect(
      f?.steps.map((s) => [s.key.replace('diag_proxy_credentials_step_', ''), s.args ?? [], s.audience]),
    ).toEqual([
      ['which_proxy', ['127.0.0.1:3128', 'site.example'], 'visitor'],
      ['proxy_product', ['Squid', 'Server: squid/5.7'], 'visitor'],
      ['enter', [], 'visitor'],
      ['settings', [], 'visitor'],
      ['pac', [], 'visitor'],
      ['ask_network_admin', ['127.0.0.1:3128'], 'visitor'],
      ['squid_auth_param', [], 'owner'],
      ['squid_http_access', [], 'owner'],
    ]);
    await renderFindings([f!]);
  });

  it('never tells the visitor to ask the website’s administrator about a proxy', () => {
    for (const r of [R.squid, R.otherProxy, R.squidDefaultRealm]) {
      const all = diagnose(eventOf(r), []).flatMap((f) => f.steps);
      expect(all.some((s) => s.key === 'diag_step_contact_admin')).toBe(false);
    }
  });

  it('names an unknown proxy by its Via host, and says so without one', () => {
    const via = find(R.otherProxy, 'proxy-credentials');
    expect(via?.steps.at(-1)).toMatchObject({
      key: 'diag_proxy_credentials_step_ask_network_admin',
      args: ['gateway.corp.example:8080'],
    });
    const none = find(R.squidDefaultRealm, 'proxy-credentials');
    expect(none?.steps.map((s) => s.key)).toContain('diag_proxy_credentials_step_ask_network_admin_unnamed');
  });
});
