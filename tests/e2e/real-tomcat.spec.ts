// A real Apache Tomcat (Debian's tomcat10 + tomcat10-admin, its own CATALINA_BASE from
// tests/e2e/servers/tomcat/) asks for a password, and the popup names Tomcat — only as "probably",
// because the popup sees headers alone and a realm is a name anyone can choose (the DevTools panel
// reads the page and says it for sure: panel-body.spec.ts). Expected text is written here by hand.
import { test, expect, dumpLogs } from './fixtures';
import { eventsOf } from '../../demo/summary';
import { PopupPage, cardFor, expandCard, findingIds } from './pages/popup-page';
import { startTomcat, type RunningTomcat } from './servers/tomcat-server';

let tomcat: RunningTomcat;
test.beforeAll(async () => {
  // A JVM on a busy 2-core machine: Tomcat took up to 17 s to answer here (README "Real servers").
  test.setTimeout(120_000);
  tomcat = await startTomcat();
  test.info().annotations.push({ type: 'tomcat start-up', description: `${tomcat.startupMs} ms` });
});
test.afterAll(async () => {
  await tomcat?.stop();
});

const CASES = [
  {
    path: '/manager/html',
    challenge: 'Basic realm="Tomcat Manager Application"',
    says: ['Basic realm="Tomcat Manager Application"', 'manager-gui', 'conf/tomcat-users.xml'],
  },
  {
    path: '/app/',
    challenge: 'Basic realm="Authentication required"',
    says: ['Basic realm="Authentication required"', '<login-config>', 'WEB-INF/web.xml'],
  },
];

for (const c of CASES) {
  test(`Tomcat ${c.path}: the popup says it is probably Tomcat, with its settings`, async ({
    context,
    worker,
    ready,
    extensionId,
  }) => {
    await ready();
    const url = `${tomcat.origin}${c.path}`;
    const page = await context.newPage();
    // Headless Chromium cannot prompt: the navigation fails, the worker still records the 401.
    await page.goto(url).catch(() => undefined);
    const captured = async () =>
      eventsOf(await dumpLogs(worker)).find((e) => e.status === 401 && e.url === url);
    await expect.poll(captured, { timeout: 15_000 }).toBeDefined();
    expect((await captured())!.challengeFields[0]?.value).toBe(c.challenge);

    const popup = await PopupPage.open(context, extensionId, (await captured())!.tabId);
    const card = cardFor(popup, url);
    await expandCard(card);
    expect((await findingIds(card))[0]).toBe('server-setting');
    const top = card.getByTestId('finding').first();
    await expect(top.locator('h4')).toContainText('Who asked: probably Apache Tomcat');
    for (const phrase of c.says) await expect(top).toContainText(phrase);
    await page.close();
  });
}
