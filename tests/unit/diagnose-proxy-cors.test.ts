import { describe, it } from 'vitest';
import { ch, challenges, checkCase, type DiagnosisCase, makeEvent, www } from './fixtures/events';

const page = {
  url: 'https://files.example.org/private/report.pdf',
  type: 'main_frame',
  initiator: undefined,
};

const squid = ch('Basic', { realm: 'Squid proxy-caching web server' });
const proxyCases: DiagnosisCase[] = [
  {
    name: 'corporate-ntlm-proxy',
    event: makeEvent({
      url: 'https://www.example.com/',
      type: 'main_frame',
      status: 407,
      ...challenges('proxy-authenticate', ch('Negotiate'), ch('NTLM')),
    }),
    expect: [{ id: 'proxy-credentials', kind: 'cause', detail: 'detail' }],
    absent: ['windows-integrated-auth', 'windows-negotiate-only'],
  },
  {
    name: 'squid-proxy-basic',
    event: makeEvent({
      url: 'https://news.example.com/',
      type: 'main_frame',
      status: 407,
      statusLine: 'HTTP/1.1 407 Proxy Authentication Required',
      ...challenges('proxy-authenticate', squid),
      credentials: {
        browserAuth: { scheme: 'basic', realm: 'Squid proxy-caching web server', isProxy: true },
      },
      response: { server: 'squid/6.10' },
    }),
    expect: [
      { id: 'proxy-credentials', kind: 'cause', detail: 'detail_prompt' },
      { id: 'status-meaning', kind: 'info', detail: 'detail_407' },
    ],
    absent: ['no-challenge', 'general-checklist', 'only-this-path', 'nothing-sent', 'not-signed-in'],
  },
  {
    name: 'proxy-password-refused',
    event: makeEvent({
      status: 407,
      ...challenges('proxy-authenticate', squid),
      credentials: { authorizationScheme: 'Basic' },
    }),
    expect: [{ id: 'proxy-credentials', kind: 'cause', detail: 'detail_rejected' }],
    // The refused Proxy-Authorization is the proxy account's, not the site's folder password.
    absent: ['credentials-rejected', 'basic-credentials-rejected'],
  },
  {
    name: 'proxy-407-without-proxy-authenticate',
    // A WWW-Authenticate on a 407 does not count: parse covers Proxy-Authenticate only (RFC 9110 §11.7.1).
    event: makeEvent({
      status: 407,
      challengeFields: [{ name: 'www-authenticate', value: 'Basic realm="wrong header"' }],
    }),
    expect: [
      { id: 'no-challenge', kind: 'server-bug', detail: 'detail_proxy' },
      { id: 'proxy-credentials', kind: 'cause', detail: 'detail' },
    ],
    absent: ['no-challenge-sign-in', 'nothing-sent'],
  },
  {
    name: 'forbidden-403-needs-no-challenge',
    event: makeEvent({ status: 403, credentials: { cookieSent: true } }),
    expect: [{ id: 'status-meaning', kind: 'info', detail: 'detail_403' }],
    absent: ['no-challenge', 'no-challenge-sign-in'],
  },
];

const preflight = {
  method: 'OPTIONS',
  url: 'https://api.example.com/v1/items',
  initiator: 'https://app.example.com',
};
const scriptCases: DiagnosisCase[] = [
  {
    name: 'spring-boot-httpbasic-default-on-spa-call',
    event: makeEvent({ ...www(ch('Basic', { realm: 'Realm' })), response: { server: 'Apache-Coyote/1.1' } }),
    expect: [{ id: 'basic-on-script', kind: 'info' }],
  },
  {
    name: 'basic-on-a-page-is-the-normal-prompt',
    event: makeEvent({ ...page, ...www(ch('Basic', { realm: 'Realm' })) }),
    expect: [],
    absent: ['basic-on-script'],
  },
];

const corsCases: DiagnosisCase[] = [
  {
    name: 'spring-security-preflight-401',
    event: makeEvent({ ...preflight, type: 'other', ...www(ch('Bearer', { realm: 'api' })) }),
    expect: [
      {
        id: 'cors-preflight',
        kind: 'server-bug',
        args: ['https://app.example.com', 'https://api.example.com'],
      },
    ],
    // Preflights never carry credentials: "nothing was sent" and "not signed in" would mislead.
    absent: ['nothing-sent', 'token-not-attached', 'no-challenge-sign-in', 'not-signed-in'],
  },
  {
    name: 'preflight-type-reported-by-firefox',
    event: makeEvent({ ...preflight, type: 'preflight' }),
    expect: [{ id: 'cors-preflight', kind: 'server-bug' }],
  },
  {
    name: 'same-origin-options-call',
    event: makeEvent({ method: 'OPTIONS', initiator: 'https://app.example.com' }),
    expect: [
      { id: 'cors-preflight', kind: 'possible-cause' },
      { id: 'nothing-sent', kind: 'cause' },
    ],
  },
  {
    name: 'get-is-not-a-preflight',
    event: makeEvent({ url: preflight.url, initiator: preflight.initiator }),
    expect: [{ id: 'status-meaning', kind: 'info', detail: 'detail_401' }],
    absent: ['cors-preflight'],
  },
];

describe('diagnose: proxy rules', () => it.each(proxyCases)('$name', checkCase));
describe('diagnose: challenges met by scripts', () => it.each(scriptCases)('$name', checkCase));
describe('diagnose: CORS preflight rule', () => it.each(corsCases)('$name', checkCase));
