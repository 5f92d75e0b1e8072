// The command line against real loopback servers: the demo site, a node:http origin (redirects,
// Basic sign-in, query secrets), a closed port, and 407s from a proxy for plain HTTP (absolute-form
// request) and for HTTPS (CONNECT). Exit 2 for a final 401/407, 0 otherwise, 1 for network errors.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../demo/server';
import { startProxy } from '../../e2e/capture-server';
import { runCli } from './run-cli';

// Each test starts Node with tsx; on a loaded 2-core machine that alone can take seconds.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const listen = (server: Server): Promise<number> =>
  new Promise((ok) => server.listen(0, '127.0.0.1', () => ok((server.address() as AddressInfo).port)));

let demo: DemoServer;
let origin: string;
let other: Server;
let otherOrigin: string;
let connectProxy: Server;
let connectPort: number;
let proxy: { port: number; close: () => void };
const seen: { url?: string; authorization?: string; cookie?: string; method?: string }[] = [];

beforeAll(async () => {
  demo = await startDemoServer();
  // A second origin: /to-other redirects here from `origin`; /basic checks alice:right.
  other = createServer((req, res) => {
    seen.push({
      url: req.url,
      authorization: req.headers.authorization,
      cookie: req.headers.cookie,
      method: req.method,
    });
    if (req.url === '/basic') {
      const ok = req.headers.authorization === `Basic ${Buffer.from('alice:right').toString('base64')}`;
      res.writeHead(ok ? 200 : 401, ok ? {} : { 'WWW-Authenticate': 'Basic realm="staff"' }).end();
    } else if (req.url?.startsWith('/hop')) {
      res.writeHead(303, { Location: `${origin}/api/v1/me` }).end();
    } else if (req.url === '/loop') {
      res.writeHead(302, { Location: '/loop' }).end();
    } else res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="other"' }).end();
  });
  otherOrigin = `http://127.0.0.1:${await listen(other)}`;
  origin = demo.origin;
  // A proxy that refuses every CONNECT tunnel with a 407 (RFC 9110 §15.5.8).
  connectProxy = createServer();
  connectProxy.on('connect', (_req, socket) => {
    socket.end(
      'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="tunnel"\r\nContent-Length: 0\r\n\r\n',
    );
  });
  connectPort = await listen(connectProxy);
  proxy = await startProxy();
});

afterAll(async () => {
  await demo.close();
  other.close();
  connectProxy.close();
  proxy.close();
});

describe('a URL', () => {
  it("the demo's expired JWT: status, challenge explained, findings with steps, masked request; exit 2", async () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkZW1vIiwiZXhwIjoxNzAwMDAwMDAwfQ.ZGVtby1ub3Qtc2VjcmV0';
    const run = await runCli([`${origin}/api/bearer/invalid-token`, '-H', `Authorization: Bearer ${jwt}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      `HTTP/1.1 401 Unauthorized  GET ${origin}/api/bearer/invalid-token  (127.0.0.1)`,
    );
    expect(run.stdout).toContain('What the server asks for (WWW-Authenticate)');
    expect(run.stdout).toContain('  Bearer token (OAuth 2.0)');
    expect(run.stdout).toContain('  1. The access token has expired (cause)');
    expect(run.stdout).toContain('     • Sign in to the site again, then retry.');
    expect(run.stdout).toContain('Request (credentials masked)\n');
    expect(run.stdout).toContain('  Authorization: Bearer ***\n');
    expect(run.stdout).not.toContain(jwt);
  });

  it('--json: the same facts as JSON', async () => {
    const run = await runCli([`${origin}/api/v1/me`, '--json']);
    expect(run.code).toBe(2);
    const view = JSON.parse(run.stdout) as {
      status: number;
      challenges: { scheme: string }[];
      findings: { id: string; steps: string[] }[];
    };
    expect(view.status).toBe(401);
    expect(view.challenges.map((c) => c.scheme)).toEqual(['Bearer']);
    expect(view.findings[0]!.id).toBe('token-not-attached');
    expect(view.findings[0]!.steps.length).toBeGreaterThan(0);
  });

  it('a final 200 exits 0', async () => {
    const run = await runCli([`${origin}/`]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      `HTTP/1.1 200 OK  ${origin}/\nThe final answer is 200, not 401 or 407: nothing to diagnose.\n`,
    );
  });

  it('follows a cross-origin redirect by hand, drops Authorization and Cookie, and says so', async () => {
    seen.length = 0;
    const run = await runCli([
      `${origin}/api/redirect/start`,
      '-H',
      'Authorization: Bearer tok-123',
      '--cookie',
      'sid=abc',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Redirects before this response\n  302 ');
    expect(run.stdout).toContain('  1. The sign-in was lost on a redirect to another origin (cause)');
    expect(run.stdout).not.toContain('tok-123');
  });

  it('a 303 continues as GET without the body', async () => {
    seen.length = 0;
    const run = await runCli([`${otherOrigin}/hop`, '-d', 'a=1']);
    expect(run.code).toBe(2);
    expect(seen).toEqual([{ url: '/hop', method: 'POST', authorization: undefined, cookie: undefined }]);
    expect(run.stdout).toContain(`  303 ${otherOrigin}/hop → ${origin}/api/v1/me`);
  });

  it('-u with INSPECTOR_PASSWORD: sent as Basic, never printed; a wrong one is diagnosed', async () => {
    const wrong = await runCli([`${otherOrigin}/basic`, '-u', 'alice'], { INSPECTOR_PASSWORD: 'wrong-pw' });
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain('  1. The user name or password was refused (cause)');
    expect(wrong.stdout).toContain('  Authorization: Basic ***\n');
    expect(wrong.stdout + wrong.stderr).not.toContain('wrong-pw');
    expect(wrong.stdout).not.toContain(Buffer.from('alice:wrong-pw').toString('base64'));
    const right = await runCli([`${otherOrigin}/basic`, '-u', 'alice'], { INSPECTOR_PASSWORD: 'right' });
    expect(right.code).toBe(0);
  });

  it('-u without a password and without a terminal is an error', async () => {
    const run = await runCli([`${otherOrigin}/basic`, '-u', 'alice']);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        '401-inspector: No password for alice: set INSPECTOR_PASSWORD or run in a terminal to be asked.\n',
    });
  });

  it('query secrets are masked in everything printed', async () => {
    const run = await runCli([
      `${origin}/api/bearer/invalid-request?access_token=SECRET-QUERY-TOKEN`,
      '--json',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).not.toContain('SECRET-QUERY-TOKEN');
    expect(run.stdout).toContain('access_token=***');
  });

  it('a redirect loop stops with a one-line error', async () => {
    const run = await runCli([`${otherOrigin}/loop`, '--max-redirs', '3']);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: '401-inspector: More than 3 redirects: the server sends the request in a loop.\n',
    });
  });

  it('an unreachable host (a closed loopback port) exits 1 with one line', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((ok) => closed.close(ok));
    const run = await runCli([`http://127.0.0.1:${port}/api`]);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `401-inspector: Could not get an answer from http://127.0.0.1:${port}/api (ECONNREFUSED).\n`,
    });
  });
});

describe('through a proxy', () => {
  it("HTTP_PROXY: the proxy's 407 is diagnosed as a proxy sign-in", async () => {
    const run = await runCli([`${otherOrigin}/proxy-auth`], { HTTP_PROXY: `http://127.0.0.1:${proxy.port}` });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('HTTP/1.1 407 Proxy Authentication Required');
    expect(run.stdout).toContain('What the proxy asks for (Proxy-Authenticate)');
    expect(run.stdout).toContain('  1. The proxy needs you to sign in (cause)');
  });

  it('HTTP_PROXY relays other requests, and NO_PROXY bypasses it', async () => {
    const relayed = await runCli([`${otherOrigin}/anything`], {
      HTTP_PROXY: `http://127.0.0.1:${proxy.port}`,
    });
    expect(relayed.stdout).toContain('Bearer realm="other"');
    const direct = await runCli([`${otherOrigin}/proxy-auth`], {
      HTTP_PROXY: `http://127.0.0.1:${proxy.port}`,
      NO_PROXY: '127.0.0.1',
    });
    expect(direct.stdout).toContain('HTTP/1.1 401 Unauthorized');
  });

  it('HTTPS_PROXY: a 407 answering the CONNECT tunnel is diagnosed, with the proxy credentials masked', async () => {
    const run = await runCli(['https://secure.example.test/api'], {
      HTTPS_PROXY: `http://bob:proxy-pw@127.0.0.1:${connectPort}`,
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      'HTTP/1.1 407 Proxy Authentication Required  GET https://secure.example.test/api',
    );
    expect(run.stdout).toContain('  1. The proxy needs you to sign in (cause)');
    expect(run.stdout).toContain('  Proxy-Authorization: Basic ***\n');
    expect(run.stdout).not.toContain('proxy-pw');
  });
});
