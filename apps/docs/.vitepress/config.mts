import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

// The pages that compute live in the browser with the packages (one per package as it lands).
const livePages = [
  { text: 'Strain explorer', link: '/guide/strain' },
  { text: 'Diffraction', link: '/guide/diffraction' },
  { text: 'Kinetics', link: '/guide/kinetics' },
  { text: 'NMR', link: '/guide/nmr' },
  { text: 'Imaging', link: '/guide/imaging' },
];

export default defineConfig({
  title: 'intercalate',
  description:
    'TypeScript toolkit for layered-oxide cathode science: numerics, crystallography, strain model, electrochemistry, NMR and imaging.',
  cleanUrls: true,
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  vite: {
    // The pages' Web Workers are ES modules (`new Worker(url, { type: 'module' })`).
    worker: { format: 'es' },
    // Name the node of any SSR/client hydration mismatch in the console (the browser tests fail
    // on console errors; without this, production Vue only says that there was a mismatch).
    define: { __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'true' },
    resolve: {
      // VitePress's documented way to override an internal component: VPHomeContent reads the
      // window width during setup (a hydration mismatch on the home page); see HomeContent.vue.
      alias: [
        {
          find: /^.*\/VPHomeContent\.vue$/,
          replacement: fileURLToPath(
            new URL('./theme/components/HomeContent.vue', import.meta.url),
          ),
        },
      ],
    },
  },
  lastUpdated: false,
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/getting-started' },
      { text: 'Live pages', items: livePages },
      { text: 'API', link: '/api/' },
      { text: 'Benchmarks', link: '/guide/benchmarks' },
    ],
    sidebar: {
      '/guide/': [
        { text: 'Guide', items: [{ text: 'Getting started', link: '/guide/getting-started' }] },
        { text: 'Live pages', items: livePages },
        { text: 'Performance', items: [{ text: 'Benchmarks', link: '/guide/benchmarks' }] },
      ],
      '/api/': [{ text: 'API reference', link: '/api/', items: apiSidebar }],
    },
    search: { provider: 'local' },
  },
});
