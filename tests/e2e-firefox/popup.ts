// Page object for the popup (and the panel opened as a page, which shares the notices and settings) in Firefox, over puppeteer.
// Reads what the user sees: text, finding ids of the rendered cards, the badge.
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { Firefox } from './harness';

const testid = (id: string) => `[data-testid="${id}"]`;

export class FxPopup {
  constructor(readonly page: Page) {}

  /** Opens the popup for `tabId` as a page and waits for its first render. */
  static async open(firefox: Firefox, tabId: number): Promise<FxPopup> {
    const popup = new FxPopup(await firefox.openExtensionPage(`/src/popup/popup.html?tabId=${tabId}`));
    await popup.page.waitForSelector(testid('tab-view'));
    return popup;
  }

  /** The DevTools panel opened as a page for `tabId`, as the Chromium suite does (no DevTools needed). */
  static async openPanel(firefox: Firefox, tabId: number): Promise<FxPopup> {
    const panel = new FxPopup(await firefox.openExtensionPage(`/src/devtools/panel.html?tabId=${tabId}`));
    await panel.page.waitForSelector(testid('panel'));
    return panel;
  }

  /** The text content of every element with this data-testid, in document order. */
  texts(id: string): Promise<string[]> {
    return this.page.$$eval(testid(id), (els) => els.map((e) => (e.textContent ?? '').trim()));
  }

  /** Waits until some element with this data-testid contains `text`. */
  async waitForText(id: string, text: string, timeout = 10_000): Promise<void> {
    await expect
      .poll(async () => (await this.texts(id)).join('\n'), { timeout, interval: 100, message: id })
      .toContain(text);
  }

  /** Full URLs of the listed events, newest first (from the hover title). */
  eventUrls(): Promise<string[]> {
    return this.page.$$eval(testid('event-url'), (els) => els.map((e) => e.getAttribute('title') ?? ''));
  }

  /**
   * Opens the newest card whose URL is `url` and returns its finding ids and kind labels, top
   * first, and its text.
   * (The card is found in the page, so the whole step is one evaluate.)
   */
  async openCard(url: string): Promise<{ ids: string[]; kinds: string[]; text: string }> {
    await expect.poll(() => this.eventUrls(), { timeout: 10_000, message: url }).toContain(url);
    await this.page.evaluate((u: string) => {
      const card = [...document.querySelectorAll('[data-testid="event"]')].find(
        (c) => c.querySelector('[data-testid="event-url"]')?.getAttribute('title') === u,
      );
      const toggle = card?.querySelector<HTMLDetailsElement>('[data-testid="event-toggle"]');
      if (toggle && !toggle.open) toggle.querySelector('summary')?.click();
    }, url);
    const read = () =>
      this.page.evaluate((u: string) => {
        const card = [...document.querySelectorAll('[data-testid="event"]')].find(
          (c) => c.querySelector('[data-testid="event-url"]')?.getAttribute('title') === u,
        );
        const findings = [...(card?.querySelectorAll('[data-testid="finding"]') ?? [])];
        const ids = findings.map((f) => f.getAttribute('data-finding-id') ?? '');
        // The kind label as shown ("Cause", "Possible cause"…).
        const kinds = findings.map((f) => f.querySelector('.kind')?.textContent ?? '');
        return { ids, kinds, text: (card as HTMLElement | undefined)?.innerText ?? '' };
      }, url);
    await expect.poll(async () => (await read()).ids.length, { timeout: 10_000 }).toBeGreaterThan(0);
    return read();
  }

  async click(id: string): Promise<void> {
    await this.page.waitForSelector(testid(id));
    await this.page.click(testid(id));
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
