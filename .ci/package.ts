// `npm run package`: store archives from the builds in dist/ (Chromium) and dist-firefox/ (Firefox), plus
// the source archive addons.mozilla.org asks for when the code is bundled and minified. It lives in .ci/
// because it is release tooling like .ci/run, not part of the extension, its tests, demo or benchmarks.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zip, type ZipEntry } from './zip';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist-zip');

type Manifest = Record<string, unknown> & {
  version: string;
  background?: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko?: { id?: string } };
};

function fail(message: string): never {
  console.error(`package: ${message}`);
  process.exit(1);
}

function listFiles(dir: string): string[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
  // Sorted, with forward slashes: the same build always gives the same archive.
  return files.map((f) => f.split('\\').join('/')).sort();
}

function readManifest(dir: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) fail(`${relative(ROOT, dir)}/ has no manifest.json: run the build first`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** The Chrome Web Store rejects an upload whose manifest has `key` ("key field is not allowed in manifest");
 * dist/ keeps it because the e2e tests rely on the fixed id. `$schema` only serves editors, and
 * browser_specific_settings only Firefox: neither belongs in the store package. */
function chromeManifest(m: Manifest): Manifest {
  if (!m.background?.service_worker) fail('dist/ is not a Chromium build (no background.service_worker)');
  const { key: _key, $schema: _schema, browser_specific_settings: _gecko, ...store } = m;
  return store as Manifest;
}

/** Firefox needs its add-on id and an event page; crxjs's firefox mode writes background.scripts. */
function firefoxManifest(m: Manifest): Manifest {
  if (!m.background?.scripts?.length || m.background.service_worker) {
    fail(
      'dist-firefox/ is not a Firefox build (expected background.scripts only): run vite build --mode firefox',
    );
  }
  if (!m.browser_specific_settings?.gecko?.id)
    fail('dist-firefox/ manifest has no browser_specific_settings.gecko.id');
  if ('key' in m) fail("dist-firefox/ still has Chromium's key: rebuild with vite build --mode firefox");
  return m;
}

function buildEntries(dir: string, manifest: Manifest): ZipEntry[] {
  return listFiles(dir).map((name) => ({
    name,
    data:
      name === 'manifest.json'
        ? Buffer.from(JSON.stringify(manifest, null, 2) + '\n')
        : readFileSync(join(dir, name)),
  }));
}

/** Tracked files only (what a reviewer gets from a clean checkout); none of them is generated or secret. */
function sourceEntries(): ZipEntry[] | undefined {
  let listed: string;
  try {
    listed = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  } catch {
    return undefined;
  }
  const names = listed.split('\0').filter((f) => f && existsSync(join(ROOT, f)));
  return names.sort().map((name) => ({ name, data: readFileSync(join(ROOT, name)) }));
}

function write(name: string, entries: ZipEntry[]): [string, number, string] {
  const archive = zip(entries);
  writeFileSync(join(OUT, name), archive);
  return [`dist-zip/${name}`, entries.length, `${(archive.length / 1024).toFixed(1)} KiB`];
}

function main(): void {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
  const chrome = chromeManifest(readManifest(join(ROOT, 'dist')));
  const firefox = firefoxManifest(readManifest(join(ROOT, 'dist-firefox')));
  for (const m of [chrome, firefox]) {
    // Both stores refuse a second upload of the same version: the manifest and package.json must agree.
    if (m.version !== version) fail(`manifest version ${m.version} differs from package.json ${version}`);
  }
  mkdirSync(OUT, { recursive: true });
  const rows = [
    write(`401-inspector-${version}-chrome.zip`, buildEntries(join(ROOT, 'dist'), chrome)),
    write(`401-inspector-${version}-firefox.zip`, buildEntries(join(ROOT, 'dist-firefox'), firefox)),
  ];
  const source = sourceEntries();
  if (source) rows.push(write(`401-inspector-${version}-source.zip`, source));
  else console.warn('package: not a git checkout, no source archive written');
  console.table(rows.map(([archive, files, size]) => ({ archive, files, size })));
}

main();
