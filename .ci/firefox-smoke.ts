// `npm run smoke:firefox` (optional, not in npm test): installs the packaged Firefox archive into a real
// headless Firefox over WebDriver BiDi (`webExtension.install`, Firefox >= 138; Playwright cannot drive
// Debian's firefox-esr) and checks that a Bearer 401 from a loopback server lands in storage.session.
// Bearer, not Basic: a fetch that meets Basic/Digest opens a modal prompt and hangs headless Firefox.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const ARCHIVE = process.argv[2] ?? join(ROOT, 'dist-zip', `401-inspector-${version}-firefox.zip`);
const ADDON_ID = '401-inspector@example.org';
// A fixed moz-extension:// host so the check can open an extension page (Firefox picks a random one).
const UUID = 'a401a401-0000-4000-8000-000000000401';
const BIDI_PORT = 9401;

type Json = Record<string, unknown>;
type Send = (method: string, params: Json) => Promise<Json>;

function serve(): Promise<{ origin: string; close: () => void }> {
  const server = createServer((req, res) => {
    if (req.url === '/api') {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="smoke", error="invalid_token"' });
      return res.end('no');
    }
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<title>smoke</title><script>setInterval(() => fetch("/api"), 300)</script>');
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({ origin: `http://127.0.0.1:${port}`, close: () => server.close() });
    }),
  );
}

function startFirefox(profile: string): Promise<() => void> {
  const prefs = {
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'app.update.disabledForTesting': true,
    'browser.safebrowsing.update.enabled': false,
  };
  const userJs = Object.entries(prefs).map(
    ([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`,
  );
  writeFileSync(join(profile, 'user.js'), userJs.join('\n') + '\n');
  const bin = process.env.FIREFOX ?? 'firefox-esr';
  const args = [
    '--headless',
    '--no-remote',
    '--profile',
    profile,
    `--remote-debugging-port=${BIDI_PORT}`,
    '--remote-allow-system-access',
  ];
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((ready, reject) => {
    child.on('error', (e) =>
      reject(new Error(`${bin}: ${e.message} (apt-get install firefox-esr, or FIREFOX=path)`)),
    );
    child.on('exit', (code) => reject(new Error(`${bin} exited (${code}) before WebDriver BiDi listened`)));
    child.stderr.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('WebDriver BiDi listening')) ready(() => child.kill());
    });
  });
}

/** A raw WebDriver BiDi client: commands only, events are ignored. */
async function connect(): Promise<{ send: Send; close: () => void }> {
  const ws = new WebSocket(`ws://127.0.0.1:${BIDI_PORT}/session`);
  await new Promise((open, fail) => ((ws.onopen = open), (ws.onerror = fail)));
  const waiting = new Map<number, { ok: (r: Json) => void; fail: (e: Error) => void }>();
  ws.onmessage = (m) => {
    const msg = JSON.parse(String(m.data)) as {
      id?: number;
      result?: Json;
      error?: string;
      message?: string;
    };
    const w = msg.id === undefined ? undefined : waiting.get(msg.id);
    if (w)
      w[msg.error ? 'fail' : 'ok'](
        msg.error ? (new Error(`${msg.error}: ${msg.message}`) as never) : msg.result!,
      );
  };
  let next = 0;
  const send: Send = (method, params) =>
    new Promise((ok, fail) => {
      waiting.set(++next, { ok, fail });
      ws.send(JSON.stringify({ id: next, method, params }));
    });
  return { send, close: () => ws.close() };
}

/** BiDi refuses to navigate to moz-extension:// URLs: open the extension page from the browser window
 * (system access, --remote-allow-system-access) and return its content context. */
async function openExtensionPage(send: Send): Promise<string> {
  const windows = (await send('browsingContext.getTree', { 'moz:scope': 'chrome' })).contexts as Json[];
  const url = `moz-extension://${UUID}/src/popup/popup.html`;
  const principal = 'Services.scriptSecurityManager.getSystemPrincipal()';
  await send('script.evaluate', {
    expression: `void gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: ${principal} })`,
    target: { context: windows[0]?.context },
    awaitPromise: false,
  });
  for (let tries = 0; tries < 50; tries++) {
    const tabs = (await send('browsingContext.getTree', {})).contexts as Json[];
    const tab = tabs.find((c) => c.url === url);
    if (tab) return tab.context as string;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the extension page did not open');
}

async function storedEvents(send: Send, context: string): Promise<Json[]> {
  const got = await send('script.evaluate', {
    expression: 'browser.storage.session.get(null).then(JSON.stringify)',
    target: { context },
    awaitPromise: true,
  });
  const logs = JSON.parse(((got.result as Json).value as string) ?? '{}') as Record<
    string,
    { events?: Json[] }
  >;
  return Object.values(logs).flatMap((log) => log.events ?? []);
}

async function main(): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'ff-smoke-'));
  const server = await serve();
  const stop = await startFirefox(profile);
  const bidi = await connect();
  try {
    await bidi.send('session.new', { capabilities: {} });
    const installed = await bidi.send('webExtension.install', {
      extensionData: { type: 'archivePath', path: ARCHIVE },
    });
    console.log(`installed ${String(installed.extension)} from ${ARCHIVE}`);
    const page = (await bidi.send('browsingContext.create', { type: 'tab' })).context as string;
    const ext = await openExtensionPage(bidi.send);
    // Firefox lets the user withdraw MV3 host permissions (extensions panel); without them nothing is seen.
    const granted = await bidi.send('script.evaluate', {
      expression: `browser.permissions.contains({ origins: ['<all_urls>'] })`,
      target: { context: ext },
      awaitPromise: true,
    });
    console.log(`<all_urls> granted: ${String((granted.result as Json).value)}`);
    await bidi.send('browsingContext.navigate', {
      context: page,
      url: `${server.origin}/`,
      wait: 'complete',
    });
    const deadline = Date.now() + 15_000;
    for (;;) {
      const hits = (await storedEvents(bidi.send, ext)).filter((e) => e.status === 401);
      if (hits.length > 0) {
        console.log(`ok: ${hits.length} captured 401(s), first: ${JSON.stringify(hits[0]).slice(0, 300)}`);
        break;
      }
      if (Date.now() > deadline) throw new Error('no 401 captured within 15 s');
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    bidi.close();
    stop();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`smoke:firefox failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
