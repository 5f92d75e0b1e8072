// The command line against real servers from Debian's packages (the same harness and configs as
// real-servers.spec.ts / real-proxy.spec.ts): nginx and Apache ask for a password and are named with
// their setting; a real password signs in (exit 0), a wrong one is diagnosed (exit 2); Squid's 407
// reaches the terminal through HTTP_PROXY. Expected text is written here from the English catalog.
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { startServer, type RunningServer } from './servers/real-servers';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'dist-cli/401-inspector.mjs');

function cli(
  args: string[],
  extra: NodeJS.ProcessEnv = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8', NO_COLOR: '1', ...extra };
  for (const name of [
    'HTTPS_PROXY',
    'http_proxy',
    'https_proxy',
    'NO_PROXY',
    'no_proxy',
    'LC_ALL',
    'LC_MESSAGES',
  ])
    delete env[name];
  if (!extra.HTTP_PROXY) delete env.HTTP_PROXY;
  return new Promise((done) => {
    execFile(BIN, args, { cwd: ROOT, env, encoding: 'utf8' }, (error, stdout, stderr) =>
      done({ status: error ? Number((error as { code?: number }).code) : 0, stdout, stderr }),
    );
  });
}

const servers: Record<string, RunningServer> = {};
test.beforeAll(async () => {
  for (const name of ['nginx', 'apache2', 'squid'] as const) servers[name] = await startServer(name);
});
test.afterAll(async () => {
  for (const server of Object.values(servers)) await server.stop();
});

test('nginx auth_basic: named with its directive, exit 2', async () => {
  const run = await cli([`${servers.nginx!.origin}/staff/`]);
  expect(run.status).toBe(2);
  expect(run.stdout).toContain('  WWW-Authenticate: Basic realm="Staff only"');
  expect(run.stdout).toContain('Who asked: nginx');
  expect(run.stdout).toContain('auth_basic_user_file');
});

test('nginx auth_request: no challenge, but its own 401 page shows nginx answered itself', async () => {
  const run = await cli([`${servers.nginx!.origin}/sso/`]);
  expect(run.status).toBe(2);
  expect(run.stdout).toContain('Who asked: nginx');
  expect(run.stdout).toMatch(/nginx answered the 401 itself \(<center>nginx\/1\.\d+\.\d+<\/center>\)/);
  expect(run.stdout).toContain('look for auth_request in the location for this path');
});

test('Apache .htaccess: a wrong password is diagnosed and never printed; the right one signs in', async () => {
  const url = `${servers.apache2!.origin}/members/`;
  const wrong = await cli([url, '-u', 'tester'], { INSPECTOR_PASSWORD: 'not-the-password' });
  expect(wrong.status).toBe(2);
  expect(wrong.stdout).toContain('Who asked: Apache httpd');
  expect(wrong.stdout).toContain('The user name or password was refused');
  expect(wrong.stdout).toContain('  Authorization: Basic ***');
  expect(wrong.stdout + wrong.stderr).not.toContain('not-the-password');
  const right = await cli([url, '-u', 'tester'], { INSPECTOR_PASSWORD: 'secret' });
  // Past the password the folder has no page: Apache's 404 shows the sign-in itself worked.
  expect(right.status).toBe(0);
  expect(right.stdout).toContain('The final answer is 404, not 401 or 407: nothing to diagnose.');
});

test("Squid's 407 through HTTP_PROXY names the proxy, exit 2", async () => {
  const run = await cli(['http://intranet.test/report'], {
    HTTP_PROXY: `http://127.0.0.1:${servers.squid!.port}`,
  });
  expect(run.status).toBe(2);
  expect(run.stdout).toContain('407 Proxy Authentication Required');
  expect(run.stdout).toContain('What the proxy asks for (Proxy-Authenticate)');
  expect(run.stdout).toMatch(/squid/i);
});

test('Apache behind an nginx that hides it: the 401 page the CLI downloaded names Apache', async () => {
  const apache = await startServer('apache2');
  const front = await startServer('nginx', {
    config: 'nginx-front.conf',
    vars: { UPSTREAM: String(apache.port) },
  });
  try {
    const run = await cli([`${front.origin}/signed/`]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('  Server: nginx');
    expect(run.stdout).toContain('Who asked: Apache httpd');
    expect(run.stdout).toMatch(
      /Apache httpd asked \(<address>Apache\/2\.4\.\d+ \(Debian\) Server at …<\/address>\)/,
    );
  } finally {
    await front.stop();
    await apache.stop();
  }
});
