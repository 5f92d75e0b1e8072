// bench:har — opening a 50 MB, 20,000-entry HAR. (1) In Node: the core import alone (scan + parse +
// events), in one go and in 1 MB slices. (2) In real Chromium, in the DevTools panel page: time from
// choosing the file to the listed events, and the main thread's long tasks meanwhile (a long task is
// anything over 50 ms the page cannot answer input during; the goal is none over 100 ms but the read).
import { chromium } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, findChromium, NO_CHROMIUM_HELP } from '../demo/chromium';
import { HarImport, importHarText } from '../src/core/har-import';

const DIST = resolve(import.meta.dirname, '../dist');
const ENTRIES = 20_000;

/** A HAR of ENTRIES requests, about `bytes` long; every 10th a Bearer 401. */
function har(bytes: number): string {
  const pad = 'x'.repeat(Math.max(0, Math.floor(bytes / ENTRIES) - 560));
  const entries = Array.from({ length: ENTRIES }, (_, i) => {
    const status = i % 10 === 9 ? 401 : 200;
    return {
      startedDateTime: new Date(Date.UTC(2026, 0, 1) + i * 10).toISOString(),
      time: 3,
      request: {
        method: 'GET',
        url: `https://api.example.test/item/${i}`,
        httpVersion: 'HTTP/1.1',
        headers: [],
        cookies: [],
        queryString: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        headers:
          status === 401
            ? [{ name: 'WWW-Authenticate', value: 'Bearer realm="api", error="invalid_token"' }]
            : [],
        cookies: [],
        content: { size: pad.length, mimeType: 'text/plain', text: pad },
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 0, wait: 2, receive: 1 },
    };
  });
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'bench', version: '1' }, entries } });
}

function nodeFigures(text: string): void {
  const t0 = performance.now();
  const whole = importHarText(text);
  const t1 = performance.now();
  const run = new HarImport(text);
  const times: number[] = [];
  for (;;) {
    const s = performance.now();
    const done = run.step(1 << 20);
    times.push(performance.now() - s);
    if (done) break;
  }
  const slices = times.length;
  const sorted = [...times].sort((a, b) => a - b);
  const longest = sorted.at(-1)!;
  const median = sorted[slices >> 1]!;
  const s = performance.now();
  run.outcome();
  const outcomeMs = performance.now() - s;
  const t2 = performance.now();
  const json = performance.now();
  JSON.parse(text);
  const jsonMs = performance.now() - json;
  console.log(
    `Node, core import of ${(text.length / 1e6).toFixed(1)} MB / ${ENTRIES} entries (${whole.ok ? whole.result.events.length : 0} 401s):`,
  );
  console.log(
    `  in one go ${(t1 - t0).toFixed(0)} ms; in ${slices} slices of 1 MB ${(t2 - t1).toFixed(0)} ms, median slice ${median.toFixed(1)} ms, longest ${longest.toFixed(1)} ms, building events ${outcomeMs.toFixed(1)} ms`,
  );
  console.log(
    `  (one JSON.parse of the whole text, for comparison: ${jsonMs.toFixed(0)} ms — the time a page would freeze)`,
  );
}

async function browserFigures(text: string): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_HELP);
  const profile = mkdtempSync(join(tmpdir(), 'i401-bench-har-'));
  const extension = join(profile, 'extension');
  cpSync(DIST, extension, { recursive: true });
  // The page fetches the file from a loopback server (the extension page's host access allows it).
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(text),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/big.har`;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: chromiumArgs(extension),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/src/devtools/panel.html?tabId=1`);
    await page.getByTestId('panel').waitFor();
    await page.evaluate(`(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); })
        .observe({ type: 'longtask', buffered: false });
    })()`);
    for (let round = 0; round < 3; round++) {
      // The file is built in the page first (not timed); then the input's change starts the import.
      await page.evaluate(
        `(async () => {
          const text = await (await fetch(${JSON.stringify(url)})).text();
          window.harFile = new File([text], 'big.har', { type: 'application/json' });
        })()`,
      );
      await page.evaluate(`(() => {
        window.longTasks.length = 0;
        window.t0 = performance.now();
        const input = document.querySelector('[data-testid=har-input]');
        const dt = new DataTransfer();
        dt.items.add(window.harFile);
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      })()`);
      await page.getByTestId('har-summary').waitFor({ timeout: 120_000 });
      const [total, tasks] = (await page.evaluate('[performance.now() - window.t0, window.longTasks]')) as [
        number,
        number[],
      ];
      const sorted = [...tasks].sort((a, b) => b - a);
      console.log(
        `Chromium panel, round ${round + 1}: file chosen → events listed ${total.toFixed(0)} ms; long tasks ${tasks.length}, longest ${sorted
          .slice(0, 3)
          .map((d) => d.toFixed(0))
          .join(', ')} ms`,
      );
      await page.getByTestId('har-close').click();
    }
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const text = har(Number(process.env.BENCH_HAR_BYTES ?? 48 * 1000 * 1000));
nodeFigures(text);
await browserFigures(text);
