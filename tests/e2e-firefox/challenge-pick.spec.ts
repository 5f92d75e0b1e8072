// Firefox: what the popup says Firefox does with several challenges is what Firefox does. The server
// sends Basic and Digest on ONE header line (Chromium reads only Basic there); an XHR with a user name
// and password makes Firefox answer by itself, and the server records which schemes came, in order.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Firefox, until } from './harness';
import { FxPopup } from './popup';

const ONE_LINE = 'Basic realm="files", Digest realm="files", nonce="n-1", qop="auth"';
let firefox: Firefox;
let server: Server;
let origin = '';
/** The scheme word of each Authorization the server received for /files/ ('-' for none). */
let answered: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/page')
      return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>page</p>');
    if (req.url === '/files/') answered.push(req.headers.authorization?.split(' ')[0] ?? '-');
    res.writeHead(401, { 'Content-Type': 'text/plain', 'WWW-Authenticate': ONE_LINE }).end('no');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  firefox = await Firefox.launch();
});
afterAll(async () => {
  await firefox?.close();
  server?.close();
});
beforeEach(async () => {
  answered = [];
  await firefox.reset();
  await firefox.clearAuthCache();
});

test('one header line with Basic and Digest: the popup says Firefox tries Digest, then Basic, and it does', async () => {
  const { page, tabId } = await firefox.openTab(`${origin}/page`);
  const status = await page.evaluate(
    (u: string) =>
      new Promise<number>((ok) => {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', u, true, 'reader', 'not-the-password');
        xhr.onloadend = () => ok(xhr.status);
        xhr.send();
      }),
    `${origin}/files/`,
  );
  expect(status).toBe(401);
  // The browser's own answers, as the server saw them: none first, then Digest, then Basic.
  expect(answered).toEqual(['-', 'Digest', 'Basic']);

  await until('the 401s are stored', async () =>
    Object.values(await firefox.logs()).some((log) => log.events.length >= 3),
  );
  const popup = await FxPopup.open(firefox, tabId);
  // Firefox puts the XHR's user name and password into the request URL; the record keeps it masked.
  await popup.openCard(`${origin.replace('//', '//***@')}/files/`);
  await popup.waitForText(
    'firefox-pick',
    'Firefox tries Digest first, then Basic if that fails: it reads every challenge, several on one line too, and prefers Negotiate, then NTLM, Digest, Basic.',
  );
  // Chromium reads the first challenge of the line only: Basic, and never sees the Digest.
  await popup.waitForText(
    'chromium-pick',
    'Chromium answers with Basic by itself: it prefers Negotiate, then NTLM, Digest, Basic, whatever order the server sent.',
  );
  await popup.waitForText('chromium-ignored', 'never sees Digest');
  await popup.page.close();
  await page.close();
});
