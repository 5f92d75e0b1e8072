// Starts Debian's own nginx, Apache httpd, lighttpd, Caddy and Squid on free loopback ports, each with
// its config from this folder and generated password files in a temp dir, and stops exactly the
// process it started. The test user is "tester" / "secret"; no test ever answers a challenge.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';

const HERE = import.meta.dirname;
const USER = 'tester';
const PASSWORD = 'secret';

export type ServerName = 'nginx' | 'apache2' | 'lighttpd' | 'caddy' | 'squid';

/** The binary each server needs (Debian packages nginx-light, apache2, lighttpd, caddy, squid). */
export const BINARIES: Record<ServerName, string> = {
  nginx: '/usr/sbin/nginx',
  apache2: '/usr/sbin/apache2',
  lighttpd: '/usr/sbin/lighttpd',
  caddy: '/usr/bin/caddy',
  squid: '/usr/sbin/squid',
};

export interface RunningServer {
  origin: string;
  port: number;
  stop: () => Promise<void>;
}

/** A port the kernel just handed out on loopback (free at the time of asking). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Whether something accepts TCP connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A config template with {{DIR}}, {{PORT}}, {{HASH}} filled in, written into the temp dir. */
function writeConfig(
  template: string,
  dir: string,
  port: number,
  extra: Record<string, string> = {},
): string {
  let text = readFileSync(join(HERE, template), 'utf8')
    .replaceAll('{{DIR}}', dir)
    .replaceAll('{{PORT}}', String(port));
  for (const [key, value] of Object.entries(extra)) text = text.replaceAll(`{{${key}}}`, value);
  const path = join(dir, template.replace(/^\./, ''));
  writeFileSync(path, text);
  return path;
}

/** htdigest line: user:realm:MD5(user:realm:password); lighttpd's SHA-256 variant hashes the same text. */
const digestLine = (realm: string, hash: 'md5' | 'sha256') =>
  `${USER}:${realm}:${createHash(hash).update(`${USER}:${realm}:${PASSWORD}`).digest('hex')}\n`;

/** The temp dir with the site's folders and the password files every config points to. */
function prepare(): string {
  const dir = mkdtempSync(join(tmpdir(), 'i401-srv-'));
  for (const folder of ['staff', 'members', 'digest', 'vault', 'admin', 'signed'])
    mkdirSync(join(dir, 'www', folder), { recursive: true });
  // Apache and Squid's helper drop root for www-data / proxy: they must be able to read these.
  execFileSync('htpasswd', ['-bc', join(dir, 'htpasswd'), USER, PASSWORD], { stdio: 'ignore' });
  writeFileSync(join(dir, 'htdigest'), digestLine('Digest area', 'md5'));
  writeFileSync(join(dir, 'htdigest-lighttpd'), digestLine('Vault', 'sha256'));
  for (const path of [dir, join(dir, 'www'), join(dir, 'htpasswd'), join(dir, 'htdigest')])
    chmodSync(path, 0o755);
  return dir;
}

/** Another config than the server's usual one, with more {{NAME}} values (a front proxy's upstream). */
export interface ServerOptions {
  config?: string;
  vars?: Record<string, string>;
}

/** The command line that runs a server in the foreground with its config in `dir`. */
function command(name: ServerName, dir: string, port: number, options: ServerOptions = {}): string[] {
  switch (name) {
    case 'nginx':
      return ['-c', writeConfig(options.config ?? 'nginx.conf', dir, port, options.vars), '-p', `${dir}/`];
    case 'apache2':
      writeConfig('members.htaccess', dir, port);
      writeFileSync(join(dir, 'www/members/.htaccess'), readFileSync(join(dir, 'members.htaccess')));
      return ['-f', writeConfig('apache2.conf', dir, port), '-DFOREGROUND'];
    case 'lighttpd':
      return ['-D', '-f', writeConfig('lighttpd.conf', dir, port)];
    case 'caddy': {
      const hash = execFileSync(BINARIES.caddy, ['hash-password', '--plaintext', PASSWORD], {
        encoding: 'utf8',
      });
      const config = writeConfig('Caddyfile', dir, port, { HASH: hash.trim() });
      return ['run', '--config', config, '--adapter', 'caddyfile'];
    }
    case 'squid':
      return ['-N', '-f', writeConfig('squid.conf', dir, port)];
  }
}

/** Spawns a server process in the foreground, keeping its stderr for the error when it exits early. */
export function spawnServer(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; exited: Promise<void>; log: () => string } {
  const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, exited, log: () => log };
}

/** Starts one server and resolves once it accepts connections; rejects with its log if it exits. */
export async function startServer(name: ServerName, options?: ServerOptions): Promise<RunningServer> {
  const dir = prepare();
  const port = await freePort();
  const args = command(name, dir, port, options);
  // Caddy keeps its state under $HOME / XDG dirs: keep them in the temp dir too.
  const env = { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
  const { child, exited, log } = spawnServer(BINARIES[name], args, env);
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}): ${log()}`);
        return listening(port);
      },
      { timeout: 20_000, message: `${name} listens on ${port}` },
    )
    .toBe(true);
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    stop: async () => {
      // Only the process this helper started (its own children exit with it).
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
