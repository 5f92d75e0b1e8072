// Firefox with first-party isolation on (privacy.firstparty.isolate, what Tor Browser and hardened
// profiles use): every cookie carries the first-party domain it was set under, and the cookies API
// refuses a call that does not name one. "Clear this site" and Undo must still take and give back
// exactly the site's cookies, first-party domain included.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { Firefox } from './harness';
import { FxPopup } from './popup';
import { clearUi, cookies as allCookies, expectOnlyAGone, inA, openApp as openAppOn } from './clear-site-ui';
import { startClearSiteServer, type ClearSiteServer } from '../e2e/clear-site-server';

let firefox: Firefox;
let server: ClearSiteServer;
beforeAll(async () => {
  firefox = await Firefox.launch({ prefs: { 'privacy.firstparty.isolate': true } });
});
afterAll(() => firefox?.close());
beforeEach(async () => {
  server = await startClearSiteServer();
  await firefox.reset();
});
afterEach(() => server.close());

const origin = (host: string) => `http://${host}:${server.port}`;
const cookies = () => allCookies(firefox);

test('first-party isolation: the clear takes a.test cookies only, Undo restores them under their first-party domain', async () => {
  const a = await openAppOn(firefox, origin, 'www.a.test');
  await openAppOn(firefox, origin, 'b.test');
  const before = await cookies();
  const aBefore = before.filter(inA);
  expect(aBefore.length).toBeGreaterThan(0);
  // Isolation is on: each cookie names the site it was set under.
  expect(new Set(aBefore.map((c) => JSON.parse(c).firstPartyDomain))).toEqual(new Set(['a.test']));

  const popup = await FxPopup.open(firefox, a.tabId);
  const clear = clearUi(popup, origin('www.a.test'));
  await clear.click('clear-site-open');
  await popup.page.waitForSelector(clear.sel('clear-scope'));
  expect(await clear.text('clear-scope-cookie-count')).toContain(String(aBefore.length));
  await clear.clearNow(['cookies']);

  expectOnlyAGone(before, await cookies());

  await clear.undo(aBefore.length);
  expect((await cookies()).filter(inA)).toEqual(aBefore);
});
