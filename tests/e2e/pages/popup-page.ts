// Page object for the popup view (src/popup/popup.html), opened as a plain extension page with
// ?tabId=N, plus the helpers that seed and read the worker's store directly.
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import type { TabLog } from '../../../src/core/record';

/** Writes a tab's log into storage.session as the worker would. */
export async function seedLog(worker: Worker, log: TabLog): Promise<void> {
  await worker.evaluate(`chrome.storage.session.set(${JSON.stringify({ [`tab:${log.tabId}`]: log })})`);
}

/** Opens a page the worker sees no traffic from and returns it with its tab id. */
export async function openTargetTab(
  context: BrowserContext,
  worker: Worker,
  name: string,
): Promise<[Page, number]> {
  const page = await context.newPage();
  const url = `data:text/html,<title>${name}</title>`;
  await page.goto(url);
  const id = (await worker.evaluate(
    `chrome.tabs.query({}).then(ts => (ts.find(t => t.url === ${JSON.stringify(url)}) || {}).id ?? -2)`,
  )) as number;
  return [page, id];
}

export class PopupPage {
  constructor(readonly page: Page) {}

  static url(extensionId: string, tabId: number | string): string {
    return `chrome-extension://${extensionId}/src/popup/popup.html?tabId=${tabId}`;
  }

  /** Opens the popup for `tabId` in a new page and waits for its first render. */
  static async open(
    context: BrowserContext,
    extensionId: string,
    tabId: number | string,
  ): Promise<PopupPage> {
    const popup = new PopupPage(await context.newPage());
    await popup.page.goto(PopupPage.url(extensionId, tabId));
    await popup.view.waitFor();
    return popup;
  }

  get view(): Locator {
    return this.page.getByTestId('tab-view');
  }
  get emptyState(): Locator {
    return this.page.getByTestId('empty-state');
  }
  get events(): Locator {
    return this.page.getByTestId('event');
  }
  get groups(): Locator {
    return this.page.getByTestId('event-group');
  }
  get clearButton(): Locator {
    return this.page.getByTestId('clear');
  }
  notice(
    testid: 'tab-gone' | 'not-inspectable' | 'no-tab' | 'storage-error' | 'dropped' | 'action-error',
  ): Locator {
    return this.page.getByTestId(testid);
  }

  /** The n-th event card as shown (0 = newest). */
  event(n: number): Locator {
    return this.events.nth(n);
  }

  /** Full URLs of the listed events, in display order (from the hover title). */
  async eventUrls(): Promise<string[]> {
    return this.page
      .getByTestId('event-url')
      .evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
  }

  async groupLabels(): Promise<string[]> {
    return this.page.getByTestId('group-label').allTextContents();
  }

  /** Opens an event card's details (a <summary> click) unless already open. */
  async expand(n: number): Promise<Locator> {
    const card = this.event(n);
    const toggle = card.getByTestId('event-toggle');
    if (!(await toggle.evaluate((d) => (d as HTMLDetailsElement).open)))
      await toggle.locator('summary').first().click();
    await card.getByTestId('event-details').waitFor();
    return card;
  }
}

/** The event card showing `url` (full URL, from the hover title); the newest when several match. */
export function cardFor(popup: PopupPage, url: string): Locator {
  return popup.events
    .filter({ has: popup.page.locator(`[data-testid="event-url"][title="${url.replace(/"/g, '\\"')}"]`) })
    .first();
}

/** Ids of the findings of an opened card, top first (`data-finding-id`). */
export async function findingIds(card: Locator): Promise<string[]> {
  await card.getByTestId('finding').first().waitFor();
  return card
    .getByTestId('finding')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-finding-id') ?? ''));
}

/** Opens a card's details unless already open. */
export async function expandCard(card: Locator): Promise<void> {
  const toggle = card.getByTestId('event-toggle');
  if (!(await toggle.evaluate((d) => (d as HTMLDetailsElement).open)))
    await toggle.locator('summary').first().click();
  await card.getByTestId('event-details').waitFor();
}
