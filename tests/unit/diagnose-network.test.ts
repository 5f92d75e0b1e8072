import { describe, it } from 'vitest';
import { ch, checkCase, type DiagnosisCase, makeEvent, www } from './fixtures/events';

const networkCases: DiagnosisCase[] = [
  {
    name: 'different-endpoints-on-different-versions-are-no-typo',
    event: makeEvent({ url: 'https://app.example.com/api/v1/users' }),
    history: [makeEvent({ url: 'https://app.example.com/api/v2/orders' })],
    expect: [],
    absent: ['wrong-url'],
  },
  {
    name: 'public-name-served-from-private-address',
    event: makeEvent({ url: 'https://www.example.com/account', type: 'main_frame', ip: '192.168.1.20' }),
    expect: [
      {
        id: 'served-by-ip',
        kind: 'possible-cause',
        detail: 'detail_unexpected_private',
        args: ['www.example.com', '192.168.1.20'],
      },
    ],
  },
  {
    name: 'hosts-file-points-to-loopback',
    event: makeEvent({ url: 'https://portal.example.com/', type: 'main_frame', ip: '127.0.0.1' }),
    expect: [{ id: 'served-by-ip', kind: 'possible-cause', detail: 'detail_unexpected_loopback' }],
  },
  {
    name: 'intranet-name-on-private-address-is-expected',
    event: makeEvent({ url: 'http://intranet/', type: 'main_frame', ip: '10.1.2.3' }),
    expect: [{ id: 'served-by-ip', kind: 'info', detail: 'detail', args: ['intranet', '10.1.2.3'] }],
  },
  {
    name: 'public-ipv6',
    event: makeEvent({ url: 'https://www.example.com/', ip: '2001:db8::1' }),
    expect: [{ id: 'served-by-ip', kind: 'info', detail: 'detail' }],
  },
  {
    name: 'ip-literal-url-needs-no-dns-advice',
    event: makeEvent({ url: 'http://203.0.113.9:8080/admin', ip: '203.0.113.9' }),
    expect: [],
    absent: ['served-by-ip'],
  },
  {
    name: 'double-slash-in-path',
    event: makeEvent({ url: 'https://app.example.com/api//users' }),
    expect: [{ id: 'wrong-url', kind: 'possible-cause', args: ['//', 'https://app.example.com/api//users'] }],
    absent: ['only-this-path'],
  },
  {
    name: 'api-v1-while-the-app-uses-v2',
    event: makeEvent({ url: 'https://app.example.com/api/v1/orders' }),
    history: [makeEvent({ url: 'https://app.example.com/api/v2/orders' })],
    expect: [
      {
        id: 'wrong-url',
        kind: 'possible-cause',
        args: ['/v1 ≠ /v2', 'https://app.example.com/api/v1/orders'],
      },
    ],
  },
  {
    name: 'only-this-path-fails-on-a-working-site',
    event: makeEvent({
      url: 'https://app.example.com/reports/export.csv',
      ...www(ch('Bearer', { realm: 'reports' })),
      credentials: { requestHeaders: 'unknown', cookieSent: undefined },
    }),
    expect: [
      { id: 'only-this-path', kind: 'info', args: ['/reports/export.csv', 'https://app.example.com'] },
    ],
  },
  {
    name: 'only-this-path-stays-quiet-next-to-a-cause',
    event: makeEvent({ url: 'https://app.example.com/reports/export.csv' }),
    expect: [{ id: 'nothing-sent', kind: 'cause' }],
    absent: ['only-this-path'],
  },
];

describe('diagnose: network and URL rules', () => it.each(networkCases)('$name', checkCase));
