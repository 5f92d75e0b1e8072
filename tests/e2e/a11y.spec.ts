// Accessibility: axe-core on the popup and the panel (as plain pages) in every state a user meets —
// empty, full, details open, settings open, the tab gone — in light and dark, in English and Russian.
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import {
  authEvent,
  basicAdmin,
  bearerExpired,
  malformedBasic,
  proxyBasic,
  tabLog,
} from '../fixtures/auth-events';
import { PanelPage } from './pages/panel-page';
import { openTargetTab, PopupPage, seedLog } from './pages/popup-page';

type Scheme = 'light' | 'dark';
const SCHEMES: Scheme[] = ['light', 'dark'];

/** axe's violations as short lines (rule, impact, first target), so a failure says what to fix. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`,
    ),
  );
}

async function setLanguage(worker: Worker, lang: 'auto' | 'ru'): Promise<void> {
  await worker.evaluate(`chrome.storage.local.set({ uiLanguage: ${JSON.stringify(lang)} })`);
}

/** Four events over two origins, one malformed, one 407: every kind of row and finding. */
async function seedFull(worker: Worker, tabId: number): Promise<void> {
  const events = [
    authEvent(tabId, { ...basicAdmin, at: 0 }),
    authEvent(tabId, { ...bearerExpired, at: 10 }),
    authEvent(tabId, { ...malformedBasic, at: 20 }),
    authEvent(tabId, { ...proxyBasic, at: 30 }),
  ];
  await seedLog(worker, tabLog(tabId, events, 2));
}

/** Switches the system colour scheme and waits until the page's theme follows (src/ui/theme.ts). */
async function emulateScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
}

for (const lang of ['auto', 'ru'] as const) {
  for (const scheme of SCHEMES) {
    test.describe(`${lang === 'ru' ? 'Russian' : 'English'}, ${scheme}`, () => {
      test.beforeEach(async ({ worker }) => setLanguage(worker, lang));

      test('popup: empty, settings open, then the tab closed', async ({ context, worker, extensionId }) => {
        const [target, tabId] = await openTargetTab(context, worker, 'a11y-empty');
        const popup = await PopupPage.open(context, extensionId, tabId);
        await emulateScheme(popup.page, scheme);
        await expect(popup.emptyState).toBeVisible();
        await expect(popup.page.locator('html')).toHaveAttribute('lang', lang === 'ru' ? 'ru' : /^en/);
        expect(await violations(popup.page)).toEqual([]);
        await popup.page.getByTestId('settings-toggle').click();
        await expect(popup.page.getByTestId('settings')).toBeVisible();
        expect(await violations(popup.page)).toEqual([]);
        await target.close();
        const gone = await PopupPage.open(context, extensionId, tabId);
        await emulateScheme(gone.page, scheme);
        await expect(gone.notice('tab-gone')).toBeVisible();
        expect(await violations(gone.page)).toEqual([]);
      });

      test('popup: full, with details and clear-site open', async ({ context, worker, extensionId }) => {
        const [, tabId] = await openTargetTab(context, worker, 'a11y-full');
        await seedFull(worker, tabId);
        const popup = await PopupPage.open(context, extensionId, tabId);
        await emulateScheme(popup.page, scheme);
        await expect(popup.events).toHaveCount(4);
        expect(await violations(popup.page)).toEqual([]);
        await popup.expand(0);
        await popup.expand(1);
        await popup.page.getByTestId('clear-site-open').first().click();
        await popup.page.getByTestId('clear-scope').first().waitFor();
        expect(await violations(popup.page)).toEqual([]);
      });

      test('panel: empty, full with details, and the tab closed', async ({
        context,
        worker,
        extensionId,
      }) => {
        const [target, tabId] = await openTargetTab(context, worker, 'a11y-panel');
        const empty = await PanelPage.open(context, extensionId, tabId);
        await emulateScheme(empty.page, scheme);
        await expect(empty.emptyState).toBeVisible();
        expect(await violations(empty.page)).toEqual([]);
        await seedFull(worker, tabId);
        await expect(empty.rows).toHaveCount(4);
        expect(await violations(empty.page)).toEqual([]);
        await empty.rows.first().click();
        await expect(empty.details).toBeVisible();
        expect(await violations(empty.page)).toEqual([]);
        await target.close();
        const gone = await PanelPage.open(context, extensionId, tabId);
        await emulateScheme(gone.page, scheme);
        await expect(gone.page.getByTestId('tab-gone')).toBeVisible();
        expect(await violations(gone.page)).toEqual([]);
      });
    });
  }
}

test('a bad ?tabId shows the no-tab notice without violations', async ({ context, extensionId }) => {
  const popup = await PopupPage.open(context, extensionId, 'nope');
  await expect(popup.notice('no-tab')).toBeVisible();
  expect(await violations(popup.page)).toEqual([]);
});

/**
 * Presses Tab through the page and checks each focused element shows a ring (outline ≥ 2 px); returns
 * how many distinct elements were reached and how many focusable ones are visible.
 */
async function tabWalk(page: Page): Promise<{ reached: number; focusable: number }> {
  const focusable = await page
    .locator(
      'button:visible, select:visible, input:visible, summary:visible, a[href]:visible, [tabindex="0"]:visible',
    )
    .count();
  const reached = new Set<string>();
  for (let i = 0; i < focusable + 2; i++) {
    await page.keyboard.press('Tab');
    const got = (await page.evaluate(`(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { key: el.outerHTML.slice(0, 80) + '#' + [...document.querySelectorAll('*')].indexOf(el),
        ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    })()`)) as { key: string; ring: boolean } | null;
    if (!got) continue;
    expect(got.ring, `focus ring on ${got.key}`).toBe(true);
    reached.add(got.key);
  }
  return { reached: reached.size, focusable };
}

test('popup: every control is reachable by Tab and shows a visible focus ring', async ({
  context,
  worker,
  extensionId,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'a11y-keys');
  await seedFull(worker, tabId);
  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.events).toHaveCount(4);
  await popup.page.getByTestId('settings-toggle').click();
  await popup.expand(0);
  await popup.page.locator('body').click({ position: { x: 1, y: 1 } });
  const { reached, focusable } = await tabWalk(popup.page);
  expect(reached).toBeGreaterThanOrEqual(focusable);
});

test('panel: controls and the table are reachable by Tab, Enter opens details', async ({
  context,
  worker,
  extensionId,
}) => {
  const [, tabId] = await openTargetTab(context, worker, 'a11y-panel-keys');
  await seedFull(worker, tabId);
  const panel = await PanelPage.open(context, extensionId, tabId);
  await expect(panel.rows).toHaveCount(4);
  const { reached, focusable } = await tabWalk(panel.page);
  expect(reached).toBeGreaterThanOrEqual(focusable);
  await panel.table.focus();
  await panel.page.keyboard.press('ArrowDown');
  await panel.page.keyboard.press('Enter');
  await expect(panel.details).toBeVisible();
  await panel.page.getByTestId('close-details').focus();
  await panel.page.keyboard.press('Enter');
  await expect(panel.details).toHaveCount(0);
});
