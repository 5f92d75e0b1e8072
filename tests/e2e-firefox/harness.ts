// The Firefox e2e harness (the counterpart of tests/e2e/fixtures.ts): Debian's firefox-esr, headless,
// driven over WebDriver BiDi by puppeteer-core, with the shipped build (dist-firefox/) installed as a
// temporary add-on. One browser per spec file; `reset()` between tests.
//
// BiDi refuses to navigate a tab to moz-extension:// ("not allowed in this context"), so extension pages
// are opened from the browser window itself (system access, --remote-allow-system-access) at a host
// fixed by the pref extensions.webextensions.uuids. The same privileged context clears Firefox's HTTP
// auth cache and suspends the event page (what about:debugging's "Terminate background script" does).
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TabLog } from '../../src/core/record';

export const DIST_FIREFOX = resolve(import.meta.dirname, '../../dist-firefox');
export const ADDON_ID = '401-inspector@example.org';
/** The moz-extension:// host, pinned by pref (Firefox picks a random one per profile otherwise). */
export const UUID = 'a401a401-0000-4000-8000-000000000401';
export const EXT = `moz-extension://${UUID}`;
/** Host names Firefox resolves to 127.0.0.1 (network.dns.localDomains). */
export const TEST_HOSTS = ['a.test', 'www.a.test', 'sub.a.test', 'b.test', 'shop.example.net'];
/**
 * One pair of sites per cookie test (`app<i>.test` with www./sub., and `embed<i>.test`), so tests that
 * share a browser never see each other's cookies, removals or Set-Cookie verdicts.
 */
export const COOKIE_SITES = 16;
const cookieHosts = Array.from({ length: COOKIE_SITES }, (_, i) => [
  `app${i}.test`,
  `www.app${i}.test`,
  `sub.app${i}.test`,
  `embed${i}.test`,
]).flat();

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

export interface LaunchOptions {
  /** Send every http:// request (loopback included) through this proxy port. */
  proxyPort?: number;
  /** Extra prefs for this spec file. */
  prefs?: Record<string, string | number | boolean>;
}

type Json = Record<string, unknown>;
interface BidiConnection {
  send(method: string, params: Json): Promise<{ result: Json }>;
}

function prefsFor(options: LaunchOptions): Record<string, string | number | boolean> {
  const proxy: Record<string, string | number | boolean> =
    options.proxyPort === undefined
      ? {}
      : {
          'network.proxy.type': 1,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': options.proxyPort,
          'network.proxy.no_proxies_on': '',
          'network.proxy.allow_hijacking_localhost': true,
        };
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
    // Headless Firefox has no one to answer a Basic/Digest prompt: with 0, a frame or fetch that meets
    // one gets the 401 page instead of waiting for ever (XHR still prompts; the tests use fetch).
    'network.auth.subresource-http-auth-allow': 0,
    'network.dns.localDomains': [...TEST_HOSTS, ...cookieHosts].join(','),
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'app.update.disabledForTesting': true,
    'browser.safebrowsing.update.enabled': false,
    ...proxy,
    ...options.prefs,
  };
}

function startCanary(): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="canary"', 'Access-Control-Allow-Origin': '*' });
    res.end('canary');
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

export class Firefox {
  private constructor(
    readonly browser: Browser,
    private readonly canary: Server,
    private readonly profile: string,
    /** An extension page kept open to call the extension's APIs (storage, tabs, action). */
    public ext: Page,
  ) {}

  static async launch(options: LaunchOptions = {}): Promise<Firefox> {
    if (!existsSync(join(DIST_FIREFOX, 'manifest.json')))
      throw new Error('dist-firefox/ is missing: run `npm run build:firefox` first.');
    if (!existsSync(FIREFOX))
      throw new Error(`${FIREFOX} not found: apt-get install firefox-esr (or set FIREFOX=path)`);
    const profile = mkdtempSync(join(tmpdir(), 'i401-ff-'));
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: prefsFor(options),
    });
    await browser.installExtension(DIST_FIREFOX);
    const canary = await startCanary();
    const firefox = new Firefox(browser, canary, profile, undefined as unknown as Page);
    firefox.ext = await firefox.openExtensionPage('/src/popup/popup.html?tabId=-1');
    await until('the extension page has loaded', () =>
      firefox.ext.evaluate('document.readyState === "complete" && typeof browser === "object"'),
    );
    return firefox;
  }

  private get bidi(): BidiConnection {
    return (this.browser as unknown as { connection: BidiConnection }).connection;
  }

  /** Runs `expression` in the browser window (privileged: gBrowser, Services, WebExtensionPolicy). */
  async chrome(expression: string): Promise<unknown> {
    const tree = await this.bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const window = (tree.result.contexts as Json[])[0]?.context as string;
    const got = await this.bidi.send('script.evaluate', {
      expression,
      target: { context: window },
      awaitPromise: true,
    });
    const outcome = got.result as { type: string; result?: { value?: unknown }; exceptionDetails?: Json };
    if (outcome.type === 'exception') throw new Error(`chrome: ${JSON.stringify(outcome.exceptionDetails)}`);
    return outcome.result?.value;
  }

  /**
   * Opens `path` of the extension (e.g. `/src/popup/popup.html?tabId=3`) in a new tab: puppeteer
   * opens the tab (so it tracks it), the browser window loads the extension page into it.
   */
  async openExtensionPage(path: string): Promise<Page> {
    const url = `${EXT}${path}`;
    const page = await this.browser.newPage();
    await page.bringToFront();
    await this.chrome(
      `gBrowser.selectedBrowser.loadURI(Services.io.newURI(${JSON.stringify(url)}), ` +
        `{ triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() })`,
    );
    await until(`${url} loads`, async () => {
      const href = await page.evaluate('location.href').catch(() => '');
      return href === url;
    });
    return page;
  }

  /** Evaluates `expression` (a promise is awaited) in the extension's own page. */
  async inExtension<T>(expression: string): Promise<T> {
    return (await this.ext.evaluate(expression)) as T;
  }

  async logs(): Promise<Record<string, TabLog>> {
    const all = await this.inExtension<Record<string, unknown>>('browser.storage.session.get(null)');
    return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('tab:'))) as Record<
      string,
      TabLog
    >;
  }

  /** Opens a web page in a new tab and returns it with its tab id; `load: false` does not wait. */
  async openTab(url: string, load = true): Promise<{ page: Page; tabId: number }> {
    const page = await this.browser.newPage();
    if (load) await page.goto(url, { waitUntil: 'load' });
    else void page.goto(url).catch(() => undefined);
    const tabId = await until(`a tab shows ${url}`, async () => {
      const id = await this.inExtension<number>(
        `browser.tabs.query({}).then(ts => (ts.find(t => t.url === ${JSON.stringify(url)}) || {}).id ?? -2)`,
      );
      return id >= 0 && id;
    });
    return { page, tabId };
  }

  /** The toolbar badge text of a tab, as Firefox shows it. */
  badge(tabId: number): Promise<string> {
    return this.inExtension<string>(`browser.action.getBadgeText({ tabId: ${tabId} })`);
  }

  /** Makes Firefox forget every identity it tried (it re-sends them unasked to the same directory). */
  async clearAuthCache(): Promise<void> {
    await this.chrome(
      'Cc["@mozilla.org/network/http-auth-manager;1"].getService(Ci.nsIHttpAuthManager).clearAll()',
    );
  }

  /** Suspends the event page as Firefox does when it idles (about:debugging's "Terminate"). */
  async suspendBackground(): Promise<void> {
    const extension = `WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension`;
    await this.chrome(`${extension}.terminateBackground()`);
    await until('the event page is stopped', async () => {
      return (await this.chrome(`${extension}.backgroundState`)) === 'stopped';
    });
  }

  /** Waits until the event page captures 401s, then empties the store, closes test tabs and the auth cache. */
  async reset(): Promise<void> {
    for (const page of await this.browser.pages())
      if (page !== this.ext) await page.close().catch(() => undefined);
    await this.clearAuthCache();
    const canary = `http://127.0.0.1:${(this.canary.address() as AddressInfo).port}`;
    await until(
      'the event page captures the canary',
      async () => {
        await this.inExtension(`fetch(${JSON.stringify(`${canary}/canary`)}).catch(() => 0)`);
        return Object.keys(await this.logs()).length > 0;
      },
      15_000,
      200,
    );
    // Earlier canaries may still be in their write batch. Batches land in order, so once a last,
    // distinct canary is stored every earlier one is too: then one clear leaves nothing behind.
    const marker = `${canary}/canary?last=${Date.now()}`;
    await this.inExtension(`fetch(${JSON.stringify(marker)}).catch(() => 0)`);
    await until('the last canary is stored', async () => JSON.stringify(await this.logs()).includes(marker));
    await this.inExtension('browser.storage.session.clear()');
  }

  async close(): Promise<void> {
    this.canary.close();
    await this.browser.close();
    rmSync(this.profile, { recursive: true, force: true });
  }
}

/**
 * Calls `probe` until it returns something other than undefined/false (hooks run outside a test, where
 * vitest's expect.poll is not allowed). Throws `what` after `timeout` ms.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeout = 10_000,
  interval = 100,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}
