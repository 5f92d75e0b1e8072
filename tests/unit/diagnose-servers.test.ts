import { describe, it } from 'vitest';
import { ch, checkCase, type DiagnosisCase, makeEvent, www } from './fixtures/events';

const iis = { server: 'Microsoft-IIS/10.0', poweredBy: 'ASP.NET' };
const owa = { url: 'https://mail.example.com/owa/', type: 'main_frame', initiator: undefined };

const iisCases: DiagnosisCase[] = [
  {
    name: 'iis-401-2-no-matching-auth-method (body code from the panel)',
    event: makeEvent({ ...owa, response: { ...iis, bodyCode: '401.2' } }),
    expect: [{ id: 'iis-substatus', kind: 'cause', detail: 'detail_2', args: ['401.2'] }],
    absent: ['served-by'],
  },
  {
    name: 'iis-401-1-logon-failed-in-status-line',
    event: makeEvent({
      ...owa,
      statusLine: 'HTTP/1.1 401.1 Unauthorized',
      ...www(ch('NTLM')),
      response: iis,
    }),
    expect: [{ id: 'iis-substatus', kind: 'cause', detail: 'detail_1', args: ['401.1'] }],
  },
  {
    name: 'iis-401-3-acl',
    event: makeEvent({
      ...owa,
      response: { ...iis, extra: { 'x-error': 'HTTP Error 401.3 - Unauthorized' } },
    }),
    expect: [{ id: 'iis-substatus', kind: 'cause', detail: 'detail_3' }],
  },
  {
    name: 'iis-dynamic-ip-restriction-401-502',
    event: makeEvent({ ...owa, response: { ...iis, bodyCode: '401.502' } }),
    expect: [{ id: 'iis-substatus', kind: 'cause', detail: 'detail_502', args: ['401.502'] }],
  },
  {
    name: 'iis-unknown-substatus',
    event: makeEvent({ ...owa, response: { ...iis, bodyCode: '401.77' } }),
    expect: [{ id: 'iis-substatus', kind: 'cause', detail: 'detail', args: ['401.77'] }],
  },
  {
    name: 'iis-without-visible-substatus',
    event: makeEvent({ ...owa, ...www(ch('Negotiate'), ch('NTLM')), response: iis }),
    expect: [
      { id: 'served-by', kind: 'info', detail: 'detail_iis', args: ['Server: Microsoft-IIS/10.0'] },
    ],
    absent: ['iis-substatus'],
  },
];

const wpHeaders = {
  server: 'Apache',
  poweredBy: 'PHP/8.2.12',
  wpApiLink: true,
  contentType: 'application/json; charset=UTF-8',
};
const rest = {
  url: 'https://blog.example.com/wp-json/wp/v2/users/me',
  initiator: 'https://blog.example.com',
};

const wordpressCases: DiagnosisCase[] = [
  {
    name: 'wordpress-rest-not-logged-in',
    event: makeEvent({ ...rest, response: { ...wpHeaders, bodyCode: 'rest_not_logged_in' } }),
    expect: [{ id: 'wp-rest-not-logged-in', kind: 'cause', detail: 'detail' }],
  },
  {
    // WordPress sends 401 (not 403) only to logged-out users; the Link header proves it is WordPress.
    name: 'wordpress-rest-401-code-unseen',
    event: makeEvent({ ...rest, response: wpHeaders }),
    expect: [{ id: 'wp-rest-not-logged-in', kind: 'cause', detail: 'detail' }],
  },
  {
    name: 'wordpress-rest-route-query-form',
    event: makeEvent({
      url: 'https://blog.example.com/?rest_route=/wp/v2/posts',
      response: { server: 'nginx' },
    }),
    expect: [{ id: 'wp-rest-not-logged-in', kind: 'possible-cause' }],
  },
  {
    name: 'wordpress-application-password-stripped-by-fastcgi',
    event: makeEvent({
      ...rest,
      credentials: { authorizationScheme: 'Basic', cookieSent: false },
      response: { ...wpHeaders, extra: { 'wp-code': 'rest_not_logged_in' } },
    }),
    expect: [{ id: 'wp-rest-not-logged-in', kind: 'cause', detail: 'detail_auth_stripped' }],
    absent: ['credentials-rejected'],
  },
  {
    name: 'wordpress-rest-cookie-invalid-nonce',
    event: makeEvent({
      ...rest,
      credentials: { cookieSent: true, cookieNames: ['wordpress_logged_in_3f2a'] },
      response: { ...wpHeaders, bodyCode: 'rest_cookie_invalid_nonce' },
    }),
    expect: [{ id: 'wp-rest-cookie-nonce', kind: 'cause' }],
    absent: ['credentials-rejected', 'wp-rest-not-logged-in'],
  },
  {
    name: 'wordpress-wp-admin-security-plugin',
    event: makeEvent({
      url: 'https://blog.example.com/wp-admin/',
      type: 'main_frame',
      initiator: undefined,
      response: { server: 'nginx', poweredBy: 'PHP/8.1' },
    }),
    expect: [{ id: 'wp-admin-blocked', kind: 'possible-cause' }],
  },
  {
    name: 'wordpress-htaccess-basic-on-wp-admin',
    event: makeEvent({
      url: 'https://blog.example.com/wp-admin/',
      type: 'main_frame',
      ...www(ch('Basic', { realm: 'Restricted Area' })),
      response: { server: 'Apache/2.4.62 (Debian)' },
    }),
    expect: [{ id: 'wp-htaccess-basic', kind: 'cause', detail: 'detail' }],
    absent: ['wp-admin-blocked'],
  },
  {
    name: 'wordpress-admin-ajax-behind-basic',
    event: makeEvent({
      url: 'https://blog.example.com/wp-admin/admin-ajax.php',
      method: 'POST',
      ...www(ch('Basic', { realm: 'Admin' })),
      response: { server: 'Apache' },
    }),
    expect: [{ id: 'wp-htaccess-basic', kind: 'cause', detail: 'detail_admin_ajax' }],
  },
  {
    name: 'apache-php-basic-unknown-app',
    event: makeEvent({
      url: 'https://staging.example.com/',
      type: 'main_frame',
      ...www(ch('Basic', { realm: 'Staging' })),
      response: { server: 'Apache/2.4', poweredBy: 'PHP/8.3' },
    }),
    expect: [{ id: 'wp-htaccess-basic', kind: 'possible-cause' }],
  },
  {
    name: 'nginx-basic-is-not-wordpress',
    event: makeEvent({
      url: 'https://files.example.org/',
      type: 'main_frame',
      ...www(ch('Basic', { realm: 'Files' })),
      response: { server: 'nginx' },
    }),
    expect: [],
    absent: ['wp-htaccess-basic', 'wp-admin-blocked', 'wp-rest-not-logged-in'],
  },
];

describe('diagnose: IIS rules', () => it.each(iisCases)('$name', checkCase));
describe('diagnose: WordPress rules', () => it.each(wordpressCases)('$name', checkCase));
