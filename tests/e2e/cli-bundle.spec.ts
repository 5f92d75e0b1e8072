// The built command line (npm run build:cli → dist-cli/401-inspector.mjs, the package's bin) run as
// a user runs it: against the demo site's /api/bearer/invalid-token (the README's example) and a HAR.
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDemoServer, type DemoServer } from '../../demo/server';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'dist-cli/401-inspector.mjs');

/** Runs the bin without blocking: the demo server answers from this same process. */
function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8', NO_COLOR: '1' };
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'LC_ALL', 'LC_MESSAGES'])
    delete env[name];
  return new Promise((done) => {
    execFile(BIN, args, { cwd: ROOT, env, encoding: 'utf8' }, (error, stdout, stderr) =>
      done({ status: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

let demo: DemoServer;
test.beforeAll(async () => {
  demo = await startDemoServer();
});
test.afterAll(async () => {
  await demo.close();
});

test('the bundled bin is executable and carries its version', async () => {
  expect(existsSync(BIN), 'run npm run build:cli first').toBe(true);
  expect(await cli(['--version'])).toMatchObject({ status: 0, stdout: '401-inspector 0.1.0\n' });
});

test("the README's example: the demo's /api/bearer/invalid-token explained, exit 2", async () => {
  const run = await cli([`${demo.origin}/api/bearer/invalid-token`]);
  expect(run.status).toBe(2);
  expect(run.stdout).toContain(`HTTP/1.1 401 Unauthorized  GET ${demo.origin}/api/bearer/invalid-token`);
  expect(run.stdout).toContain(
    'error = invalid_token: error=invalid_token: a token was sent but it is expired',
  );
  expect(run.stdout).toContain('Why it happened and what to do\n  1. ');
  expect(run.stdout).toContain('Response headers (credentials masked)');
});

test('a HAR file in Russian', async () => {
  const run = await cli([resolve(ROOT, 'tests/fixtures/har/chrome-devtools.har'), '--lang', 'ru']);
  expect(run.status).toBe(2);
  expect(run.stdout).toContain('Ответов 401 или 407 в файле: 4 из 6 запросов.');
});
