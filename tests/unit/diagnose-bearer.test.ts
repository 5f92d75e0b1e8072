import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/core/diagnose';
import { ch, checkCase, type DiagnosisCase, makeEvent, renderFindings, www } from './fixtures/events';

const T = Date.UTC(2026, 10, 23, 12, 0, 0);
const sec = (ms: number) => ms / 1000;
const sent = { authorizationScheme: 'Bearer', cookieSent: false };

const cases: DiagnosisCase[] = [
  {
    name: 'spring-boot-expired-jwt',
    event: makeEvent({
      time: T,
      url: 'https://orders.example.com/api/orders',
      ...www(
        ch('Bearer', {
          error: 'invalid_token',
          error_description: 'Jwt expired at 2026-11-23T11:48:00Z',
          error_uri: 'https://tools.ietf.org/html/rfc6750#section-3.1',
        }),
      ),
      credentials: sent,
    }),
    context: { jwt: { exp: sec(T - 12 * 60_000), iat: sec(T - 72 * 60_000), alg: 'RS256' } },
    expect: [
      {
        id: 'bearer-jwt-expired',
        kind: 'cause',
        detail: 'detail_minutes',
        args: ['12', '2026-11-23T11:48:00Z'],
      },
      { id: 'bearer-invalid-token', kind: 'cause', detail: 'detail_expired' },
    ],
    absent: ['credentials-rejected', 'general-checklist', 'bearer-jwt-not-yet-valid'],
  },
  {
    name: 'azure-ad-signature-invalid',
    event: makeEvent({
      ...www(
        ch('Bearer', { error: 'invalid_token', error_description: 'IDX10511: Signature validation failed.' }),
      ),
      credentials: sent,
    }),
    expect: [{ id: 'bearer-invalid-token', kind: 'cause', detail: 'detail' }],
    absent: ['bearer-jwt-expired'],
  },
  {
    name: 'token-in-header-and-query-invalid-request',
    event: makeEvent({ ...www(ch('Bearer', { error: 'invalid_request' })), credentials: sent }),
    expect: [{ id: 'bearer-invalid-request', kind: 'cause' }],
  },
  {
    name: 'keycloak-insufficient-scope-on-401',
    event: makeEvent({
      ...www(ch('Bearer', { realm: 'shop', error: 'insufficient_scope', scope: 'orders:write' })),
      credentials: sent,
    }),
    expect: [
      { id: 'bearer-insufficient-scope', kind: 'cause', detail: 'detail', args: ['orders:write'] },
      { id: 'bearer-scope-on-401', kind: 'server-bug' },
    ],
    absent: ['credentials-rejected'],
  },
  {
    name: 'insufficient-scope-without-scope-on-403',
    event: makeEvent({
      status: 403,
      ...www(ch('Bearer', { error: 'insufficient_scope' })),
      credentials: sent,
    }),
    expect: [
      { id: 'bearer-insufficient-scope', kind: 'cause', detail: 'detail_no_scope' },
      { id: 'status-meaning', kind: 'info', detail: 'detail_403' },
    ],
    absent: ['bearer-scope-on-401'],
  },
  {
    name: 'vendor-error-code-token-revoked',
    event: makeEvent({
      ...www(ch('Bearer', { error: 'token_revoked', error_description: 'Token was revoked by the user' })),
      credentials: sent,
    }),
    expect: [{ id: 'bearer-error-other', kind: 'possible-cause', args: ['token_revoked'] }],
  },
  {
    name: 'jwt-issued-in-the-future-clock-skew',
    event: makeEvent({ time: T, ...www(ch('Bearer', { error: 'invalid_token' })), credentials: sent }),
    context: { jwt: { nbf: sec(T + 10 * 60_000), exp: sec(T + 70 * 60_000) } },
    expect: [
      {
        id: 'bearer-jwt-not-yet-valid',
        kind: 'cause',
        detail: 'detail_minutes',
        args: ['10', '2026-11-23T12:10:00Z'],
      },
    ],
    absent: ['bearer-jwt-expired'],
  },
  {
    name: 'jwt-nbf-within-tolerated-skew',
    event: makeEvent({ time: T, ...www(ch('Bearer', { error: 'invalid_token' })), credentials: sent }),
    context: { jwt: { nbf: sec(T + 30_000) } },
    expect: [{ id: 'bearer-invalid-token', kind: 'cause' }],
    absent: ['bearer-jwt-not-yet-valid'],
  },
  {
    name: 'token-for-another-api (audience)',
    event: makeEvent({
      ...www(ch('Bearer', { error: 'invalid_token', resource: 'https://api.example.com' })),
      credentials: sent,
    }),
    context: { jwt: { aud: ['https://graph.example.com'], exp: sec(T + 3_600_000) } },
    expect: [
      {
        id: 'bearer-jwt-audience',
        kind: 'possible-cause',
        args: ['https://api.example.com', 'https://graph.example.com'],
      },
    ],
  },
  {
    name: 'audience-matches-up-to-trailing-slash',
    event: makeEvent({ ...www(ch('Bearer', { resource: 'https://api.example.com/' })), credentials: sent }),
    context: { jwt: { aud: ['https://API.example.com'] } },
    expect: [{ id: 'credentials-rejected', kind: 'cause', detail: 'detail_authorization', args: ['Bearer'] }],
    absent: ['bearer-jwt-audience'],
  },
  {
    name: 'judged-at-request-time-not-when-the-popup-opens',
    event: makeEvent({ time: T, credentials: sent }),
    context: { now: T + 3 * 3_600_000, jwt: { exp: sec(T + 3_600_000) } },
    expect: [{ id: 'credentials-rejected', kind: 'cause' }],
    absent: ['bearer-jwt-expired'],
  },
];

describe('diagnose: bearer and JWT rules', () => {
  it.each(cases)('$name', checkCase);

  it('shows the server error_description and error_uri as steps', async () => {
    const [spring] = cases;
    const findings = diagnose(spring!.event, [], spring!.context);
    const text = (await renderFindings(findings.filter((f) => f.id === 'bearer-invalid-token'))).join('\n');
    expect(text).toContain('Jwt expired at 2026-11-23T11:48:00Z');
    expect(text).toContain('https://tools.ietf.org/html/rfc6750#section-3.1');
  });

  it('puts the decoded expiry before the server code when both explain the 401', () => {
    const [spring] = cases;
    const ids = diagnose(spring!.event, [], spring!.context).map((f) => f.id);
    expect(ids.indexOf('bearer-jwt-expired')).toBeLessThan(ids.indexOf('bearer-invalid-token'));
  });

  it.each([
    ['seconds', 90_000, '90'],
    ['minutes', 12 * 60_000, '12'],
    ['hours', 5 * 3_600_000, '5'],
    ['days', 3 * 86_400_000, '3'],
  ])('words an expiry %s ago with the matching unit', (unit, ago, n) => {
    const findings = diagnose(makeEvent({ time: T, credentials: sent }), [], { jwt: { exp: sec(T - ago) } });
    const f = findings.find((x) => x.id === 'bearer-jwt-expired');
    expect(f?.detail.key).toBe(`diag_bearer_jwt_expired_detail_${unit}`);
    expect(f?.detail.args?.[0]).toBe(n);
  });
});
