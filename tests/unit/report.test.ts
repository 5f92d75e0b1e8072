import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/core/diagnose';
import type { AuthEvent } from '../../src/core/record';
import { explainChallenge } from '../../src/core/schemes';
import { parseChallenges } from '../../src/core/challenge';
import { buildReport, buildTabReport, safeRender, type EventReportInput } from '../../src/core/export';
import { code, codeBlock, inline } from '../../src/core/export';
import { renderText } from '../fixtures/render-text';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6MTcwMDAwMDAwMH0.c2lnbmF0dXJlLW5vdC1yZWFs';
/** Every secret the seeded record carries somewhere; none may reach the report. */
const SECRETS = {
  password: 'hunter2-userinfo',
  accessToken: 'at-9Kq2mZ7xWv',
  code: 'oauth-code-55aa',
  fragmentToken: 'frag-id-token-77',
  redirectSig: 'sig-abc-123-xyz',
  jwt: JWT,
  hex: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  apiKey: 'k-live-4242',
};
const ENV = {
  browser: 'Chromium 156.0.7000.1',
  extensionVersion: '0.4.0',
  generatedAt: Date.UTC(2026, 10, 23, 12, 5),
};
const TIME = Date.UTC(2026, 10, 23, 12, 0, 0);

function event(overrides: Partial<AuthEvent> & Pick<AuthEvent, 'url' | 'challengeFields'>): AuthEvent {
  return {
    id: '42:1',
    time: TIME,
    tabId: 3,
    frameId: 0,
    parentFrameId: -1,
    pageId: 'p1',
    method: 'GET',
    type: 'xmlhttprequest',
    status: 401,
    statusLine: 'HTTP/1.1 401 Unauthorized',
    ip: '203.0.113.7',
    parse: parseChallenges(overrides.challengeFields.map((f) => f.value)),
    redirects: [],
    credentials: { requestHeaders: 'unknown' },
    response: { setCookieNames: [], setCookieCleared: [] },
    ...overrides,
  };
}

/** An expired-token API call reached through a signed redirect, with secrets in every free-text field. */
const seeded = event({
  url: `https://alice:${SECRETS.password}@api.b.test/v1/me?access_token=${SECRETS.accessToken}&code=${SECRETS.code}&view=full#id_token=${SECRETS.fragmentToken}`,
  challengeFields: [
    {
      name: 'www-authenticate',
      value: `Bearer realm="api", error="invalid_token", error_description="Jwt ${JWT} expired; session ${SECRETS.hex}"`,
    },
  ],
  redirects: [
    {
      url: `https://login.b.test/authorize?signature=${SECRETS.redirectSig}`,
      status: 302,
      redirectUrl: `https://api.b.test/v1/me?access_token=${SECRETS.accessToken}`,
    },
  ],
  credentials: {
    requestHeaders: 'seen',
    authorizationScheme: 'Bearer',
    cookieSent: true,
    cookieNames: ['session', 'csrf'],
  },
  response: {
    server: 'nginx',
    contentType: 'application/json',
    setCookieNames: ['session'],
    setCookieCleared: ['session'],
    extra: { 'x-api-key': SECRETS.apiKey, 'x-request-id': 'r-1' },
  },
});

function reportOf(e: AuthEvent): string {
  const input: EventReportInput = {
    event: e,
    findings: diagnose(e, [e], { now: TIME }),
    explanations: e.parse.challenges.map((c) => explainChallenge(c, 'www-authenticate')),
  };
  return buildReport(input, renderText, ENV);
}

describe('buildReport', () => {
  const report = reportOf(seeded);

  it.each(Object.entries(SECRETS))('leaves out the seeded secret %s', (_name, secret) => {
    expect(report).not.toContain(secret);
  });

  it.each([
    [
      'the masked URL with parameter names kept',
      'https://***@api.b.test/v1/me?access_token=***&code=***&view=full#id_token=***',
    ],
    ['status and status line', '401 `HTTP/1.1 401 Unauthorized`'],
    ['the time in ISO 8601', '2026-11-23T12:00:00.000Z'],
    ['the server IP', '`203.0.113.7`'],
    ['the Authorization scheme word only', '`Bearer ***`'],
    ['cookie names without values', '`session=***`, `csrf=***`'],
    [
      'the raw challenge line, token masked',
      'WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="Jwt *** expired; session ***"',
    ],
    ['the parsed scheme', '- `Bearer`'],
    ['a masked credential response header', '**x-api-key:** `***`'],
    ['the redirect hop, masked', '302 `https://login.b.test/authorize?signature=***`'],
    ['the browser', '`Chromium 156.0.7000.1`'],
    ['the extension version', '`0.4.0`'],
  ])('shows %s', (_name, fragment) => {
    expect(report).toContain(fragment);
  });

  it('puts the top finding, rendered in the catalog language, first with its steps', () => {
    const [top] = diagnose(seeded, [seeded], { now: TIME });
    const title = renderText(top!.title);
    const findings = report.slice(report.indexOf(renderText({ key: 'report_findings' })));
    expect(findings).toMatch(new RegExp(`^1\\. \\*\\*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    // Steps may quote the server (error_description): the report shows them with secrets masked.
    for (const step of top!.steps) expect(report).toContain(`   - ${inline(safeRender(renderText)(step))}`);
  });

  it('renders parse problems through the catalog with the offending name', () => {
    const broken = event({
      url: 'https://legacy.b.test/login',
      challengeFields: [{ name: 'www-authenticate', value: 'Basic realm="a", realm="b"' }],
    });
    const problem = broken.parse.problems.find((p) => p.code === 'duplicate-param');
    expect(problem).toBeDefined();
    expect(reportOf(broken)).toContain(
      renderText({ key: 'parse_duplicate_param', args: [problem!.name ?? ''] }),
    );
  });

  it('says when there was no challenge and when headers were not observable', () => {
    const bare = reportOf(event({ url: 'https://app.a.test/api/me', challengeFields: [] }));
    expect(bare).toContain(renderText({ key: 'report_no_challenge' }));
    expect(bare).toContain(renderText({ key: 'report_not_observable' }));
  });

  it('a tab report holds every event and one environment footer', () => {
    const other = event({
      url: 'https://intranet.a.test/',
      challengeFields: [{ name: 'www-authenticate', value: 'Negotiate' }],
    });
    const tab = buildTabReport(
      [seeded, other].map((e) => ({ event: e, findings: diagnose(e, []) })),
      renderText,
      ENV,
    );
    expect(tab).toContain('https://intranet.a.test/');
    expect(tab).toContain('https://***@api.b.test/');
    expect(tab.split(renderText({ key: 'report_environment' })).length).toBe(2);
    for (const secret of Object.values(SECRETS)) expect(tab).not.toContain(secret);
  });
});

describe('Markdown escaping', () => {
  it.each([
    ['plain', 'abc', '`abc`'],
    ['a backtick inside', 'a`b', '``a`b``'],
    ['a leading backtick', '`x', '`` `x ``'],
    ['a newline', 'a\nb', '`a b`'],
  ])('code span: %s', (_name, input, expected) => {
    expect(code(input)).toBe(expected);
  });

  it('a code block fence outgrows backticks in the content', () => {
    expect(codeBlock(['x ```` y']).startsWith('`````text')).toBe(true);
  });
});
