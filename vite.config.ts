import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

// `vite build` → dist/ (Chromium); `vite build --mode firefox` → dist-firefox/ from the same sources.
// crxjs's `browser: 'firefox'` keeps `background.scripts` (an event page) instead of `service_worker`.
// Firefox warns "unexpected property" for `key` (Chromium's fixed id) and `$schema` at every load: drop them.
const { key: _key, $schema: _schema, ...firefoxManifest } = manifest;

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  // A JSON import widens enum strings (data_collection_permissions: "none") to string: cast once here.
  const source = (firefox ? firefoxManifest : manifest) as ManifestV3Export;
  return {
    plugins: [preact(), crx({ manifest: source, browser: firefox ? 'firefox' : 'chrome' })],
    build: {
      target: firefox ? 'firefox140' : 'chrome120',
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      sourcemap: false,
      minify: true,
      // The DevTools panel is opened by panels.create, not named in the manifest: without this input it
      // silently disappears from the production build (platform-notes).
      rollupOptions: { input: { panel: 'src/devtools/panel.html' } },
    },
  };
});
