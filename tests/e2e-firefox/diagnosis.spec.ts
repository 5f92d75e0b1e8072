// Firefox: each demo scenario runs in its own tab with the shipped Firefox build, and the popup's top
// finding must be the expected rule — the parity table of tests/e2e/diagnosis.spec.ts, in Firefox.
import { expect, test } from 'vitest';
import { until } from './harness';
import { FxPopup } from './popup';
import { demoSuite } from './demo-suite';
import { scenarioById } from '../../demo/scenarios';
import type { AuthEvent } from '../../src/core/record';

const suite = demoSuite();

interface Row {
  scenario: string;
  /** The rule id the popup must show first. */
  top: string;
  /** The top finding's kind label, where Firefox makes it certain. */
  kind?: string;
  /** Rules that must be listed too. */
  also?: string[];
  /** Load the scenario page a second time and read the second 401. */
  retry?: boolean;
  /** Load the scenario page from this host name (network.dns.localDomains maps it to 127.0.0.1). */
  host?: string;
}

// digest-stale is left out on purpose: a server that always answers stale=true makes Firefox retry
// in a tight loop (INTERNALS.md "Browser facts").
const ROWS: Row[] = [
  { scenario: 'no-challenge', top: 'not-signed-in', also: ['no-challenge'] },
  { scenario: 'json-api-bearer', top: 'token-not-attached', kind: 'Cause', also: ['status-meaning'] },
  { scenario: 'bearer-rejected', top: 'credentials-rejected' },
  { scenario: 'bearer-invalid-token', top: 'bearer-invalid-token' },
  { scenario: 'bearer-invalid-request', top: 'bearer-invalid-request' },
  { scenario: 'bearer-insufficient-scope', top: 'bearer-insufficient-scope', also: ['bearer-scope-on-401'] },
  { scenario: 'digest-sha512', top: 'digest-unsupported-algorithm' },
  { scenario: 'iis-negotiate-ntlm', top: 'windows-integrated-auth', also: ['served-by'] },
  { scenario: 'redirect-drops-auth', top: 'redirect-dropped-credentials' },
  { scenario: 'login-loop', top: 'auth-loop' },
  { scenario: 'rate-limited', top: 'retry-after' },
  { scenario: 'wp-rest-not-logged-in', top: 'wp-rest-not-logged-in' },
  { scenario: 'wp-admin-htaccess', top: 'wp-htaccess-basic' },
  { scenario: 'malformed-header', top: 'bearer-invalid-token', also: ['challenge-malformed'] },
  // A host's first 401 is observed without its request headers (README "What is known, when"): the
  // user's retry is the one that shows the token went out.
  {
    scenario: 'served-by-ip',
    top: 'credentials-rejected',
    also: ['served-by-ip'],
    host: 'shop.example.net',
    retry: true,
  },
  { scenario: 'cors-preflight', top: 'cors-preflight' },
  // Frames meeting Basic and Digest (no prompt in headless Firefox: subresource-http-auth-allow = 0):
  // nothing went out yet, the normal first step of the browser's own handshake.
  { scenario: 'basic-utf8', top: 'nothing-sent', kind: 'Note' },
  { scenario: 'digest', top: 'nothing-sent', kind: 'Note' },
  { scenario: 'hostile-realm', top: 'nothing-sent', kind: 'Note' },
  // A Bearer 401 in a frame: Firefox shows every request header of a frame, so on the retry (the frame's
  // host is a capture host by then) "no token went out" is a cause, not a possible one.
  { scenario: 'iframe-embed', top: 'token-not-attached', kind: 'Cause', retry: true },
  // Last: the cookie it deletes would be "a cookie gone just before" for every later row on this host.
  { scenario: 'session-expired', top: 'session-cleared' },
];

const pathOf = (url: string) => new URL(url).pathname;

async function runScenario(row: Row): Promise<AuthEvent> {
  const scenario = scenarioById(row.scenario);
  if (!scenario) throw new Error(`no scenario ${row.scenario}`);
  const origin = row.host ? suite.server.origin.replace('127.0.0.1', row.host) : suite.server.origin;
  if (row.retry) {
    const first = await suite.firefox.openTab(`${origin}/s/${scenario.id}?first`, false);
    await until(`${row.scenario} first 401`, async () =>
      (await suite.firefox.logs())[`tab:${first.tabId}`]?.events.some((e) => pathOf(e.url) === scenario.path),
    );
  }
  const { tabId } = await suite.firefox.openTab(`${origin}/s/${scenario.id}`, false);
  let found: AuthEvent[] = [];
  await expect
    .poll(
      async () => {
        found =
          (await suite.firefox.logs())[`tab:${tabId}`]?.events.filter(
            (e) => pathOf(e.url) === scenario.path,
          ) ?? [];
        return found.length;
      },
      { timeout: 10_000, message: `${row.scenario} captured` },
    )
    .toBeGreaterThanOrEqual(scenario.expect.count ?? 1);
  return found.at(-1)!;
}

test('each rule family: the popup shows the expected top finding for its demo scenario', async () => {
  const seen: Record<string, string[]> = {};
  const kinds: Record<string, string | undefined> = {};
  const texts: Record<string, string> = {};
  for (const row of ROWS) {
    const event = await runScenario(row);
    const popup = await FxPopup.open(suite.firefox, event.tabId);
    const card = await popup.openCard(event.url);
    seen[row.scenario] = card.ids;
    texts[row.scenario] = card.text;
    if (row.kind) kinds[row.scenario] = card.kinds[0];
    await popup.close();
    await suite.firefox.clearAuthCache();
  }
  const tops = Object.fromEntries(Object.entries(seen).map(([id, ids]) => [id, ids[0]]));
  expect(tops).toEqual(Object.fromEntries(ROWS.map((r) => [r.scenario, r.top])));
  expect(kinds).toEqual(Object.fromEntries(ROWS.filter((r) => r.kind).map((r) => [r.scenario, r.kind])));
  for (const row of ROWS)
    for (const id of row.also ?? []) expect(seen[row.scenario], row.scenario).toContain(id);
  // Firefox users are sent to Firefox's own settings, never to Chromium's pages or "incognito".
  for (const row of ROWS) expect(texts[row.scenario], row.scenario).not.toMatch(/incognito|chrome:\/\//i);
  expect(texts['iis-negotiate-ntlm']).toContain(
    'Firefox signs you in automatically only on hosts listed in network.negotiate-auth.trusted-uris',
  );
  expect(texts['iis-negotiate-ntlm']).toContain('Open about:policies (the Authentication policy)');
}, 180_000);
