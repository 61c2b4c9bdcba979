import { defineConfig } from 'wxt';
import { preact } from '@preact/preset-vite';

// Host permissions are limited to the sites we overlay and the two public APIs we read.
// Content-script `matches` live in each entrypoint; they add their hosts to the manifest.
export default defineConfig({
  // WXT_OUT_DIR lets parallel builds (tests, benchmarks) write elsewhere than .output.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
    build: {
      rollupOptions: {
        // lib/ is pure (no module-level side effects: DESIGN.md rule 1), so a module none of whose exports a bundle
        // uses is left out. Without this, a barrel or the source registry drags unused sources' top-level zod schemas
        // and tables into every content script.
        treeshake: { moduleSideEffects: (id: string) => !(/[\\/]lib[\\/]/.test(id) && !id.includes('node_modules')) },
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'alarms', 'notifications', 'activeTab', 'scripting'],
    // The two public APIs the background reads (records, monitoring), and the two notice sites whose records it
    // fetches (TED notice XML); Firefox MV2 needs them explicitly.
    host_permissions: [
      'https://boamp-datadila.opendatasoft.com/*',
      'https://www.boamp.fr/*',
      'https://api.ted.europa.eu/*',
      'https://ted.europa.eu/*',
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'regie-radar@regiesdequartier.example',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
