// bench:coldstart's alternative build: the same extension with the public-suffix library (tldts)
// replaced by a stub, to measure what the list costs a worker start (not a shippable build: the
// clear-site scope would fall back to the bare host). `npx vite build -c bench/vite.no-psl.config.ts`.
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type UserConfig } from 'vite';
import base from '../vite.config';

const stub = fileURLToPath(new URL('./tldts-stub.ts', import.meta.url));

export default defineConfig((env) => {
  const config = typeof base === 'function' ? base(env) : base;
  return mergeConfig(config as UserConfig, {
    resolve: { alias: { tldts: stub } },
    build: { outDir: '/tmp/i401-dist-no-psl' },
  });
});
