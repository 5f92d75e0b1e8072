// Page object for the "401" DevTools panel (src/devtools/panel.html), opened as a plain extension page
// with ?tabId=N (platform-notes: opening the real panel needs DevTools internals).
import { expect, type BrowserContext, type CDPSession, type Locator, type Page } from '@playwright/test';

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

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/**
 * The real panel inside a DevTools window (Chromium with --auto-open-devtools-for-tabs), driven over
 * CDP: DevTools' own front end is asked to show the extension's panel (its internals: may change with
 * Chromium versions), then scripts run in the panel's frame.
 */
export class DevtoolsPanel {
  private nextId = 0;

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {}

  private static async targets(cdp: CDPSession): Promise<TargetInfo[]> {
    return ((await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] }).targetInfos;
  }

  private static async attach(cdp: CDPSession, target: TargetInfo): Promise<DevtoolsPanel> {
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId })) as {
      sessionId: string;
    };
    return new DevtoolsPanel(cdp, sessionId);
  }

  /** Runs `expression` (awaited) in the attached target and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const id = ++this.nextId;
    const reply = new Promise<string>((resolve) =>
      this.cdp.on('Target.receivedMessageFromTarget', (m: { message: string }) => {
        if ((JSON.parse(m.message) as { id?: number }).id === id) resolve(m.message);
      }),
    );
    const params = { expression, awaitPromise: true, returnByValue: true };
    const message = JSON.stringify({ id, method: 'Runtime.evaluate', params });
    await this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message });
    const parsed = JSON.parse(await reply) as { result?: { result?: { value?: T } } };
    return parsed.result?.result?.value as T;
  }

  /** Waits until `selector` matches in the attached target (the panel renders asynchronously). */
  async waitForSelector(selector: string, timeout = 10_000): Promise<void> {
    const probe = `document.querySelector(${JSON.stringify(selector)}) !== null`;
    await expect.poll(() => this.evaluate<boolean>(probe), { timeout, message: `${selector} never appeared` }).toBe(true);
  }

  /** Shows the "401" panel in the only DevTools window and attaches to the panel's frame. */
  static async open(cdp: CDPSession, extensionId: string): Promise<DevtoolsPanel> {
    // DevTools' targets appear a little after the browser starts: wait for each with expect.poll.
    const find = async (test: (t: TargetInfo) => boolean): Promise<TargetInfo> => {
      let hit: TargetInfo | undefined;
      await expect
        .poll(async () => (hit = (await DevtoolsPanel.targets(cdp)).find(test)) !== undefined, {
          timeout: 10_000,
          message: 'DevTools target not found',
        })
        .toBe(true);
      return hit!;
    };
    await find((t) => t.url.endsWith(`${extensionId}/src/devtools/devtools.html`));
    const front = await DevtoolsPanel.attach(cdp, await find((t) => t.url.startsWith('devtools://')));
    // The devtools page's panels.create reaches DevTools' front end a little after its target exists:
    // ask the front end for the tab until it is listed (up to 10 s), then show it.
    const tabId = `(async () => {
      const UI = await import('./ui/legacy/legacy.js');
      const view = UI.InspectorView.InspectorView.instance();
      return view.tabbedPane.tabs.map((t) => t.id).find((i) => i.startsWith('chrome-extension://${extensionId}')) ?? 'none';
    })()`;
    let shown = 'none';
    await expect
      .poll(async () => (shown = await front.evaluate<string>(tabId)), { timeout: 10_000 })
      .not.toBe('none')
      .catch(() => undefined);
    if (shown !== 'none')
      await front.evaluate(`import('./ui/legacy/legacy.js').then((UI) => UI.InspectorView.InspectorView.instance().showPanel(${JSON.stringify(shown)}))`);
    if (shown === 'none') throw new Error('the 401 panel is not registered in DevTools');
    return DevtoolsPanel.attach(
      cdp,
      await find((t) => t.url.includes(`${extensionId}/src/devtools/panel.html`)),
    );
  }
}
