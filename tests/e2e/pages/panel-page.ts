// Page object for the "401" DevTools panel (src/devtools/panel.html), opened as a plain extension page
// with ?tabId=N (platform-notes: opening the real panel needs DevTools internals).
import type { BrowserContext, Locator, Page } from '@playwright/test';

export class PanelPage {
  constructor(readonly page: Page) {}

  static url(extensionId: string, tabId: number | string): string {
    return `chrome-extension://${extensionId}/src/devtools/panel.html?tabId=${tabId}`;
  }

  /** Opens the panel for `tabId` in a new page and waits for it to render. */
  static async open(
    context: BrowserContext,
    extensionId: string,
    tabId: number | string,
  ): Promise<PanelPage> {
    const panel = new PanelPage(await context.newPage());
    await panel.page.goto(PanelPage.url(extensionId, tabId));
    await panel.root.waitFor();
    return panel;
  }

  get root(): Locator {
    return this.page.getByTestId('panel');
  }
  get table(): Locator {
    return this.page.getByTestId('panel-table');
  }
  get rows(): Locator {
    return this.page.getByTestId('panel-row');
  }
  get details(): Locator {
    return this.page.getByTestId('panel-details');
  }
  get textFilter(): Locator {
    return this.page.getByTestId('filter-text');
  }
  get statusFilter(): Locator {
    return this.page.getByTestId('filter-status');
  }
  get schemeFilter(): Locator {
    return this.page.getByTestId('filter-scheme');
  }
  get preserveLog(): Locator {
    return this.page.getByTestId('preserve-log');
  }
  get clearButton(): Locator {
    return this.page.getByTestId('clear');
  }
  get emptyState(): Locator {
    return this.page.getByTestId('empty-state');
  }

  /** Row for an event id. */
  row(eventId: string): Locator {
    return this.page.locator(`[data-testid="panel-row"][data-event-id="${eventId}"]`);
  }

  /** URLs of the rendered rows, top to bottom (the full URL is the cell's title). */
  async urls(): Promise<string[]> {
    return this.page
      .getByTestId('row-url')
      .evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
  }

  /** Number of events that pass the filters (the grid's data-count, not just the rendered rows). */
  async count(): Promise<number> {
    return Number(await this.table.getAttribute('data-count'));
  }

  /** The event id of the row the keyboard points at (aria-activedescendant). */
  async activeEventId(): Promise<string | null> {
    const id = await this.table.getAttribute('aria-activedescendant');
    return id ? this.page.locator(`#${id}`).getAttribute('data-event-id') : null;
  }

  /** Export bar of the details pane ('export-one') or of the shown list ('export-shown'). */
  exportBar(scope: 'export-one' | 'export-shown'): {
    format: Locator;
    copy: Locator;
    save: Locator;
    status: Locator;
  } {
    return {
      format: this.page.getByTestId(`${scope}-format`),
      copy: this.page.getByTestId(`${scope}-copy`),
      save: this.page.getByTestId(`${scope}-save`),
      status: this.page.getByTestId(`${scope}-status`),
    };
  }
}
