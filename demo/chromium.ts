// Finds a Chromium to run the extension in and the flags that keep it quiet on a closed network
// (INTERNALS.md "Browser facts"). Shared by `npm start`, the e2e suite and the benchmarks.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** CHROMIUM_PATH, else the first Chromium found; undefined when there is none. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const path of CANDIDATES) if (existsSync(path)) return path;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return undefined;
}

export const NO_CHROMIUM_HELP =
  'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH to its executable.';

/** Hosts the tests map to loopback besides localhost (cookie-scope tests need real registrable domains). */
export const TEST_HOSTS = ['a.test', 'www.a.test', 'sub.a.test', 'b.test'];

/**
 * The `--host-resolver-rules` flag: `hosts` go to loopback, everything else fails (no stray network).
 * A test file that needs more names passes this flag again with them (`chromiumFlags`): the last
 * copy of a switch wins.
 */
export function hostResolverRules(hosts: readonly string[] = TEST_HOSTS): string {
  const map = hosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ');
  return `--host-resolver-rules=${map}, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1`;
}

/** Flags for a deterministic Chromium with the unpacked extension in `extensionDir` (none when omitted). */
export function chromiumArgs(extensionDir?: string, extra: string[] = []): string[] {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    hostResolverRules(),
    ...extra,
  ];
}
