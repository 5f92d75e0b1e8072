// Host access in Chromium: granted at install, so no warning. A user can withhold it ("site access:
// on click" in the extension's details), which an API cannot do (permissions.remove refuses required
// permissions), so the withheld state is simulated in the popup page alone: the browser's answer to
// permissions.contains is replaced before the page runs. The real withdrawal is tested in Firefox
// (tests/e2e-firefox/host-access.spec.ts).
import { test, expect } from './fixtures';
import { PopupPage, openTargetTab } from './pages/popup-page';

test('with host access granted at install the popup shows no warning', async ({
  context,
  worker,
  extensionId,
}) => {
  expect(await worker.evaluate(`chrome.permissions.contains({ origins: ['<all_urls>'] })`)).toBe(true);
  const [, tabId] = await openTargetTab(context, worker, 'granted');
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.emptyState).toBeVisible();
  await expect(popup.page.getByTestId('host-access')).toHaveCount(0);
});

test('withheld host access: the popup says capture is off in Chromium words and asks for <all_urls> from the click', async ({
  context,
  worker,
  extensionId,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'withheld');
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { asked: unknown[]; chrome: { permissions: Record<string, unknown> } };
    w.asked = [];
    const answer = <T>(value: T, callback?: (v: T) => void) => {
      callback?.(value);
      return Promise.resolve(value);
    };
    w.chrome.permissions.contains = (_q: unknown, cb?: (v: boolean) => void) => answer(false, cb);
    w.chrome.permissions.request = (q: unknown, cb?: (v: boolean) => void) => {
      w.asked.push(q);
      return answer(false, cb);
    };
  });
  await page.goto(PopupPage.url(extensionId, tabId));
  const notice = page.getByTestId('host-access');
  await expect(notice).toContainText(
    "401 Inspector may not read sites' requests (site access is limited in the browser's extension settings)",
  );
  await notice.getByTestId('host-access-allow').click();
  expect(await page.evaluate('window.asked')).toEqual([{ origins: ['<all_urls>'] }]);
  // The user said no: the warning stays and says capture stays off.
  await expect(page.getByTestId('host-access-refused')).toContainText('Not allowed: capture stays off.');
});
