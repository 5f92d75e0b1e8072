import { chmodSync } from 'node:fs';
import { defineConfig } from 'vite';

// `npm run build:cli` → dist-cli/401-inspector.mjs: the command line bundled into one file for Node
// (the package's `bin`), with src/core and both message catalogs inside; only Node built-ins stay out.
export default defineConfig({
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      output: { entryFileNames: '401-inspector.mjs', banner: '#!/usr/bin/env node' },
    },
  },
  ssr: { noExternal: true },
  plugins: [
    {
      name: 'executable',
      writeBundle(options, bundle) {
        for (const name of Object.keys(bundle)) chmodSync(`${options.dir}/${name}`, 0o755);
      },
    },
  ],
});
