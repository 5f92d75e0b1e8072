// Page object for the "clear this site" UI (src/ui/ClearSite.tsx) inside the popup, and worker-side
// cookie helpers for the clear-site e2e.
import type { Locator, Page, Worker } from '@playwright/test';
import type { SavedCookie } from '../../../src/core/clear-site';

export class ClearSitePage {
  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {}

  /** The clear UI under the origin group of `origin`. */
  static inGroup(page: Page, origin: string): ClearSitePage {
    return new ClearSitePage(
      page,
      page.locator(`[data-testid="event-group"][data-group="${origin}"]`).getByTestId('clear-site'),
    );
  }

  /** The shortcut's confirmation view. */
  static shortcut(page: Page): ClearSitePage {
    return new ClearSitePage(page, page.getByTestId('clear-shortcut'));
  }

  get(testid: string): Locator {
    return this.root.getByTestId(testid);
  }

  async open(): Promise<void> {
    await this.get('clear-site-open').click();
    await this.get('clear-scope').waitFor();
  }

  /** Ticks exactly these kinds. */
  async choose(kinds: string[]): Promise<void> {
    for (const kind of ['cookies', 'cache', 'localStorage', 'indexedDB', 'cacheStorage', 'serviceWorkers'])
      await this.get(`clear-kind-${kind}`).setChecked(kinds.includes(kind));
  }

  async setReload(on: boolean): Promise<void> {
    await this.get('clear-reload').setChecked(on);
  }

  /** Clicks the confirm button and waits for the worker's state to reach `phase`. */
  async confirm(phase: 'reloading' | 'done' = 'done'): Promise<void> {
    await this.get('clear-site-confirm').click();
    await this.root.locator(`[data-testid="clear-result"][data-phase="${phase}"]`).waitFor();
  }
}

/** Every cookie of every partition the worker's browser holds. */
export async function allCookies(worker: Worker): Promise<SavedCookie[]> {
  return (await worker.evaluate('chrome.cookies.getAll({ partitionKey: {} })')) as SavedCookie[];
}

/** Sets cookies from the worker (https URLs need no server: the browser accepts them directly). */
export async function setCookies(worker: Worker, details: object[]): Promise<void> {
  const result = await worker.evaluate(
    `Promise.all(${JSON.stringify(details)}.map((d) => chrome.cookies.set(d).then((c) => !!c, (e) => String(e))))`,
  );
  if ((result as unknown[]).some((r) => r !== true))
    throw new Error(`cookies.set failed: ${JSON.stringify(result)}`);
}

/** A comparable form of a cookie: everything but creation time, expiry to the second. */
export const comparable = (c: SavedCookie): string =>
  JSON.stringify({
    ...c,
    expirationDate: c.expirationDate === undefined ? undefined : Math.round(c.expirationDate),
    partitionKey: c.partitionKey?.topLevelSite ?? null,
  });

export const inA = (c: SavedCookie): boolean => /(^|\.)a\.test$/.test(c.domain.replace(/^\./, ''));
