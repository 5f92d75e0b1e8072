import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

// `vite build` → dist/ (Chromium); `vite build --mode firefox` → dist-firefox/ from the same sources.
// crxjs's `browser: 'firefox'` keeps `background.scripts` (an event page) instead of `service_worker`.
// Firefox warns "unexpected property" for `key` (Chromium's fixed id) and `$schema` at every load: drop them.
const { key: _key, $schema: _schema, ...firefoxManifest } = manifest;

const PSL = /node_modules\/tldts|src\/core\/site\/site\.ts/;
const CAPTURE = /src\/core\/(challenge|schemes|secrets|cookies|flow)\/|src\/core\/record\/(build|response-facts)\.ts/;

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
      rollupOptions: {
        input: { panel: 'src/devtools/panel.html' },
        // Needed by a group that leaves out its dependencies (rolldown); no entry exports anything.
        preserveEntrySignatures: 'allow-extension',
        // The popup's list needs only the stored records: what builds them (parser, scheme catalog,
        // secret policy, cookie and sign-in facts) is the worker's and the details'; the rules are the
        // details' alone (README "Performance": JS before first render, worker start).
        output: {
          codeSplitting: {
            // Only these modules: their dependencies (message ids, URL helpers) are everyone's.
            groups: [
              { name: 'capture', test: CAPTURE, includeDependenciesRecursively: false },
              // The public-suffix list: the worker's (cookie facts, clear-site), not the popup list's.
              { name: 'psl', test: PSL, includeDependenciesRecursively: false },
            ],
          },
        },
      },
    },
  };
});
