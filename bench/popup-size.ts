// (d) What the popup costs to download: every JS file its HTML loads at start (script tags,
// modulepreload links, and their static imports, followed recursively), each gzipped with zlib
// (default level); and, apart, the chunks it imports later on demand (dynamic import()).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ATTR = /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g;
// Minified static imports: `import{a as b}from"./x.js"`, `import"./x.js"`, `export{..}from"./x.js"`.
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]([^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface SizeReport {
  /** JS loaded before the popup's code runs. */
  files: FileSize[];
  totalGzip: number;
  /** Chunks imported later, on demand (the details opened from a card), minus what is already loaded. */
  lazy: FileSize[];
  lazyGzip: number;
}

const sum = (files: FileSize[]): number => files.reduce((total, f) => total + f.gzip, 0);

/** Sums the gzip sizes of the JS a built HTML page loads before it runs, and of its on-demand chunks. */
export function popupJsSize(dist: string, htmlPath: string): SizeReport {
  const html = readFileSync(join(dist, htmlPath), 'utf8');
  // Vite writes root-relative URLs ("/assets/x.js"): they resolve from the extension root.
  const queue = [...html.matchAll(ATTR)].map((m) => join(dist, m[1]!.replace(/^\//, '')));
  const seen = new Set<string>();
  const later: string[] = [];
  const walk = (into: FileSize[]): void => {
    while (queue.length) {
      const path = resolve(queue.shift()!);
      if (seen.has(path)) continue;
      seen.add(path);
      const code = readFileSync(path);
      into.push({
        file: path.slice(resolve(dist).length + 1),
        bytes: code.length,
        gzip: gzipSync(code).length,
      });
      const text = code.toString('utf8');
      for (const m of text.matchAll(STATIC_IMPORT)) queue.push(join(dirname(path), m[1]!));
      for (const m of text.matchAll(DYNAMIC_IMPORT)) later.push(join(dirname(path), m[1]!));
    }
  };
  const files: FileSize[] = [];
  walk(files);
  const lazy: FileSize[] = [];
  queue.push(...later);
  walk(lazy);
  return { files, totalGzip: sum(files), lazy, lazyGzip: sum(lazy) };
}
