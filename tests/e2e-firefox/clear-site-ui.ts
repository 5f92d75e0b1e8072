// The Firefox clear-site suites' shared pieces: every cookie Firefox holds in a comparable form, the
// app sign-in on a host of the clear-site server, and the popup's clear UI of one origin group.
import { expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { Firefox } from './harness';
import type { FxPopup } from './popup';

export interface FxCookie {
  name: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string;
  session: boolean;
  expirationDate?: number;
  firstPartyDomain?: string;
  partitionKey?: { topLevelSite?: string } | null;
  storeId: string;
  value: string;
}

/** Every cookie Firefox holds, of every partition and first-party domain, in a comparable form. */
export async function cookies(firefox: Firefox): Promise<string[]> {
  const all = await firefox.inExtension<FxCookie[]>(
    'browser.cookies.getAll({ partitionKey: {}, firstPartyDomain: null })',
  );
  return all
    .map((c) =>
      JSON.stringify({
        ...c,
        expirationDate: c.expirationDate === undefined ? undefined : Math.round(c.expirationDate),
        partitionKey: c.partitionKey?.topLevelSite ?? null,
      }),
    )
    .sort();
}
export const inA = (json: string) => /"domain":"\.?([a-z.]*\.)?a\.test"/.test(json);

/** Signs in on `host` (the server's cookies), then opens the app page, which calls /api. */
export async function openApp(
  firefox: Firefox,
  origin: (host: string) => string,
  host: string,
): Promise<{ page: Page; tabId: number }> {
  await firefox.openTab(`${origin(host)}/setup`).then(({ page }) => page.close());
  const tab = await firefox.openTab(`${origin(host)}/app`);
  await tab.page.waitForFunction(() => /api \d+/.test(document.title));
  return tab;
}

/** The clear UI of the popup's group for `groupOrigin`: scoped selectors and actions. */
export function clearUi(popup: FxPopup, groupOrigin: string) {
  const scope = `[data-testid="event-group"][data-group="${groupOrigin}"] [data-testid="clear-site"]`;
  const sel = (id: string) => `${scope} [data-testid="${id}"]`;
  const text = (id: string) =>
    popup.page.$$eval(sel(id), (els) => els.map((e) => e.textContent ?? '').join('\n')).catch(() => '');
  return {
    sel,
    text,
    async click(id: string) {
      await popup.page.waitForSelector(sel(id));
      await popup.page.click(sel(id));
    },
    /** Ticks exactly these kinds of data. */
    async choose(kinds: string[]) {
      await popup.page.$$eval(
        `${scope} [data-testid^="clear-kind-"]`,
        (boxes, wanted) => {
          for (const box of boxes as HTMLInputElement[]) {
            const kind = box.getAttribute('data-testid')!.slice('clear-kind-'.length);
            if (box.checked !== wanted.includes(kind)) box.click();
          }
        },
        kinds,
      );
    },
    async setReload(on: boolean) {
      await popup.page.$eval(
        sel('clear-reload'),
        (box, want) => {
          if ((box as HTMLInputElement).checked !== want) (box as HTMLInputElement).click();
        },
        on,
      );
    },
    async phase(wanted: string) {
      await popup.page.waitForSelector(`${scope} [data-testid="clear-result"][data-phase="${wanted}"]`, {
        timeout: 20_000,
      });
    },
    /** Clears exactly these kinds, without the reload, and waits until it is done. */
    async clearNow(kinds: string[]) {
      await this.choose(kinds);
      await this.setReload(false);
      await this.click('clear-site-confirm');
      await this.phase('done');
    },
    /** Presses Undo and waits for its report of `count` cookies put back, with no failure listed. */
    async undo(count: number) {
      await this.click('clear-undo');
      await expect
        .poll(() => text('clear-undo-result'), { timeout: 10_000 })
        .toContain(`Restored ${count} cookies`);
      expect(await popup.page.$$(sel('clear-undo-failures'))).toHaveLength(0);
    },
  };
}

/** After a clear of a.test: none of its cookies are left, and every other cookie is as it was. */
export function expectOnlyAGone(before: string[], after: string[]): void {
  expect(after.filter(inA)).toEqual([]);
  expect(after).toEqual(before.filter((c) => !inA(c)));
}
