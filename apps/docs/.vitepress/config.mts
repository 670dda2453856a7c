import { existsSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitepress';

// TypeDoc (typedoc-vitepress-theme) writes one sidebar group per package into api/. The `api`
// script runs before every dev/build, so a missing file means TypeDoc failed: say so loudly.
const sidebarFile = new URL('../api/typedoc-sidebar.json', import.meta.url);
if (!existsSync(sidebarFile)) {
  throw new Error(
    'apps/docs/api/typedoc-sidebar.json is missing: run `pnpm run api` in apps/docs first',
  );
}
const apiSidebar = JSON.parse(readFileSync(sidebarFile, 'utf8'));

export default defineConfig({
  title: 'intercalate',
  description:
    'TypeScript toolkit for layered-oxide cathode science: numerics, crystallography, strain model, electrochemistry, NMR and imaging.',
  cleanUrls: true,
  lastUpdated: false,
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/getting-started' },
      { text: 'API', link: '/api/' },
    ],
    sidebar: {
      '/guide/': [
        { text: 'Guide', items: [{ text: 'Getting started', link: '/guide/getting-started' }] },
      ],
      '/api/': [{ text: 'API reference', link: '/api/', items: apiSidebar }],
    },
    search: { provider: 'local' },
  },
});
