import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  // _locales and icons are copied as they are from public/ ... see below
  build: {
    target: 'chrome120',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    minify: true,
    // The DevTools panel is opened by panels.create, not named in the manifest: without this input it
    // silently disappears from the production build (platform-notes).
    rollupOptions: { input: { panel: 'src/devtools/panel.html' } },
  },
});
