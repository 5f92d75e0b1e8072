import { describe, it } from 'vitest';
import { ch, checkCase, type DiagnosisCase, makeEvent, www } from './fixtures/events';

const T = Date.UTC(2026, 10, 23, 12, 0, 0);

const cases: DiagnosisCase[] = [
  {
    name: 'github-pages-neighbours-are-different-sites',
    event: makeEvent({
      url: 'https://bob.github.io/api/data.json',
      initiator: 'https://alice.github.io',
      credentials: { cookieSent: false, cookieNames: ['pref'] },
    }),
    expect: [{ id: 'cookie-withheld-cross-site', kind: 'cause' }],
    absent: ['cookie-not-attached-cross-origin'],
  },
  {
    name: 'basic-after-an-unrelated-bearer-401-is-not-a-retry',
    event: makeEvent({
      time: T,
      url: 'https://intranet.example.org/docs/',
      type: 'sub_frame',
      ...www(ch('Basic', { realm: 'Docs' })),
    }),
    history: [
      makeEvent({ time: T - 10_000, url: 'https://intranet.example.org/api/me', ...www(ch('Bearer')) }),
    ],
    expect: [{ id: 'nothing-sent', kind: 'info', detail: 'detail_handshake' }],
    absent: ['basic-credentials-rejected'],
  },
  {
    name: 'nginx-basic-wrong-password',
    event: makeEvent({
      url: 'https://files.example.org/private/',
      type: 'main_frame',
      initiator: undefined,
      ...www(ch('Basic', { realm: 'Restricted' })),
      credentials: { authorizationScheme: 'Basic', cookieSent: false },
      response: { server: 'nginx/1.24.0' },
    }),
    expect: [{ id: 'basic-credentials-rejected', kind: 'cause', detail: 'detail', args: ['Restricted'] }],
    absent: ['credentials-rejected', 'nothing-sent', 'general-checklist'],
  },
  {
    name: 'nginx-basic-first-visit (the normal first round)',
    event: makeEvent({
      url: 'https://files.example.org/private/',
      type: 'main_frame',
      ...www(ch('Basic', { realm: 'Restricted' })),
    }),
    expect: [
      { id: 'nothing-sent', kind: 'info', detail: 'detail_handshake' },
      { id: 'general-checklist', kind: 'info', detail: 'detail' },
    ],
    absent: ['not-signed-in', 'basic-credentials-rejected'],
  },
  {
    name: 'apache-basic-remembered-password-retried',
    event: makeEvent({
      time: T,
      url: 'https://intranet.example.org/docs/',
      type: 'sub_frame',
      ...www(ch('Basic', { realm: 'Docs' })),
    }),
    history: [
      makeEvent({
        time: T - 10_000,
        url: 'https://intranet.example.org/docs/',
        ...www(ch('Basic', { realm: 'Docs' })),
      }),
    ],
    expect: [
      { id: 'basic-credentials-rejected', kind: 'possible-cause', detail: 'detail_repeated', args: ['Docs'] },
    ],
  },
  {
    name: 'spa-session-cookie-expired (cookie sent, no challenge)',
    event: makeEvent({ credentials: { cookieSent: true, cookieNames: ['sessionid'] } }),
    expect: [
      { id: 'credentials-rejected', kind: 'cause', detail: 'detail_cookie' },
      { id: 'no-challenge', kind: 'server-bug', detail: 'detail' },
    ],
    absent: ['nothing-sent', 'general-checklist', 'no-challenge-sign-in'],
  },
  {
    name: 'embedded-widget-third-party-cookies',
    event: makeEvent({
      url: 'https://widgets.vendor.example/api/state',
      initiator: 'https://blog.example.net',
      credentials: { cookieSent: false, cookieNames: ['vendor_session'] },
    }),
    expect: [
      {
        id: 'cookie-withheld-cross-site',
        kind: 'cause',
        detail: 'detail',
        args: ['https://blog.example.net', 'https://widgets.vendor.example', 'vendor_session'],
      },
    ],
    absent: ['nothing-sent', 'cookie-not-sent', 'not-signed-in'],
  },
  {
    name: 'iframe-cross-site-headers-unknown',
    event: makeEvent({
      url: 'https://portal.partner.example/embed',
      type: 'sub_frame',
      initiator: 'https://www.example.com',
      credentials: { requestHeaders: 'unknown', cookieSent: undefined, cookieNames: ['sid'] },
    }),
    expect: [{ id: 'cookie-withheld-cross-site', kind: 'possible-cause', detail: 'detail' }],
    absent: ['nothing-sent'],
  },
  {
    name: 'cross-site-navigation-samesite-strict',
    event: makeEvent({
      url: 'https://bank.example/account',
      type: 'main_frame',
      initiator: 'https://mail.example.org',
      credentials: { cookieSent: false, cookieNames: ['__Host-session'] },
    }),
    expect: [{ id: 'cookie-withheld-cross-site', kind: 'cause', detail: 'detail_navigation' }],
  },
  {
    name: 'api-subdomain-fetch-without-credentials',
    event: makeEvent({
      url: 'https://api.shop.example/cart',
      initiator: 'https://www.shop.example',
      credentials: { cookieSent: false, cookieNames: ['session'] },
    }),
    expect: [{ id: 'cookie-not-attached-cross-origin', kind: 'cause', detail: 'detail' }],
    absent: ['cookie-withheld-cross-site', 'cookie-not-sent', 'nothing-sent'],
  },
  {
    name: 'secure-cookie-over-plain-http',
    event: makeEvent({
      url: 'http://crm.example.com/api/contacts',
      initiator: 'http://crm.example.com',
      credentials: { cookieSent: false, cookieNames: ['SID'] },
    }),
    expect: [{ id: 'cookie-not-sent', kind: 'possible-cause', detail: 'detail_http', args: ['SID'] }],
  },
  {
    name: 'fresh-visitor-no-cookies',
    event: makeEvent({
      url: 'https://app.example.com/dashboard',
      type: 'main_frame',
      initiator: undefined,
      credentials: { cookieNames: [] },
    }),
    expect: [{ id: 'not-signed-in', kind: 'cause', args: ['app.example.com'] }],
    absent: ['nothing-sent', 'cookie-not-sent'],
  },
  {
    name: 'cookie-set-by-the-401-itself-is-not-evidence',
    event: makeEvent({
      url: 'https://app.example.com/login-required',
      type: 'main_frame',
      credentials: { cookieNames: ['csrftoken'] },
      response: { setCookieNames: ['csrftoken'] },
    }),
    expect: [{ id: 'not-signed-in', kind: 'cause' }],
    absent: ['cookie-not-sent'],
  },
  {
    name: 'spa-bearer-token-missing',
    event: makeEvent({ ...www(ch('Bearer', { realm: 'api' })) }),
    expect: [{ id: 'token-not-attached', kind: 'cause', detail: 'detail' }],
    absent: ['nothing-sent', 'not-signed-in'],
  },
  {
    name: 'docker-registry-anonymous',
    event: makeEvent({
      url: 'https://registry-1.docker.io/v2/library/ubuntu/manifests/latest',
      initiator: 'https://hub-mirror.example.com',
      ...www(
        ch('Bearer', {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/ubuntu:pull',
        }),
      ),
      response: {
        contentType: 'application/json',
        extra: { 'docker-distribution-api-version': 'registry/2.0' },
      },
    }),
    expect: [{ id: 'token-not-attached', kind: 'cause' }],
    absent: ['bearer-invalid-token', 'bearer-jwt-audience', 'credentials-rejected'],
  },
  {
    name: 'bearer-request-headers-unknown',
    event: makeEvent({
      ...www(ch('Bearer', {})),
      credentials: { requestHeaders: 'unknown', cookieSent: undefined },
    }),
    expect: [{ id: 'token-not-attached', kind: 'possible-cause', detail: 'detail_unknown' }],
  },
  {
    name: 'page-401-without-challenge-headers-unseen',
    event: makeEvent({
      url: 'https://portal.example.com/home',
      type: 'main_frame',
      initiator: undefined,
      credentials: { requestHeaders: 'unknown', cookieSent: undefined },
    }),
    expect: [
      { id: 'no-challenge-sign-in', kind: 'cause', detail: 'detail' },
      { id: 'no-challenge', kind: 'server-bug' },
      { id: 'nothing-sent', kind: 'possible-cause', detail: 'detail_unknown' },
    ],
  },
  {
    name: 'api-401-without-challenge-headers-unseen',
    event: makeEvent({ credentials: { requestHeaders: 'unknown', cookieSent: undefined } }),
    expect: [{ id: 'no-challenge-sign-in', kind: 'cause', detail: 'detail_api' }],
  },
  {
    name: 'headers-not-observable-no-challenge',
    event: makeEvent({ credentials: { requestHeaders: 'unknown', cookieSent: undefined } }),
    expect: [{ id: 'nothing-sent', kind: 'possible-cause', detail: 'detail_unknown' }],
    absent: ['not-signed-in', 'credentials-rejected'],
  },
  {
    name: 'api-nothing-sent-cookies-unknown-held',
    event: makeEvent({ url: 'https://app.example.com/api/orders' }),
    expect: [{ id: 'nothing-sent', kind: 'cause', detail: 'detail_api' }],
  },
];

describe('diagnose: credential rules', () => {
  it.each(cases)('$name', checkCase);
});
