// The panel inside a real DevTools window lists the cookies the browser refused at Set-Cookie on any
// host of the inspected tab, watched by the worker or not (DevTools hands it every response's headers).
import { test, expect } from './fixtures';
import { DevtoolsPanel } from './pages/panel-page';
import { startCookieApp, type CookieApp } from '../fixtures/cookie-app';

let app: CookieApp;
test.beforeAll(async () => {
  app = await startCookieApp();
});
test.afterAll(async () => {
  await app.close();
});

test.describe('inside DevTools', () => {
  test.use({ chromiumFlags: ['--auto-open-devtools-for-tabs'] });

  test('refused Set-Cookie fields are listed with the reason, values never shown', async ({
    context,
    extensionId,
  }) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(app.at('a.test', '/page'));
    const panel = await DevtoolsPanel.open(await context.newCDPSession(page), extensionId);
    const items = `[...document.querySelectorAll('[data-testid=live-cookie-refusal]')].map((li) => li.textContent)`;
    // The panel starts listening once its page has run: send until DevTools hands it the response.
    await expect
      .poll(
        async () => {
          await page.evaluate(
            (u) => fetch(u, { credentials: 'include' }).catch(() => undefined),
            app.login(
              'a.test',
              'sid=LIVE-SECRET-1; Path=/; SameSite=None',
              'ok=1; Path=/',
              '__Host-x=LIVE-SECRET-2; Path=/',
            ),
          );
          return panel.evaluate<string[]>(items);
        },
        { timeout: 20_000, intervals: [500] },
      )
      .toEqual(
        expect.arrayContaining([
          'sid — SameSite=None without Secure (a.test)',
          '__Host-x — __Host- rules not met (Secure, Path=/, no Domain) (a.test)',
        ]),
      );
    // One line per cookie however often the sign-in ran; the accepted cookie is not listed.
    expect(await panel.evaluate<string[]>(items)).toEqual([
      'sid — SameSite=None without Secure (a.test)',
      '__Host-x — __Host- rules not met (Secure, Path=/, no Domain) (a.test)',
    ]);
    const text = await panel.evaluate<string>('document.body.innerText');
    expect(text).toContain(
      'Cookies the browser refused when a response set them (seen while DevTools is open)',
    );
    expect(text).not.toContain('LIVE-SECRET');
  });
});
