import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * index.html names the app's chunk (React, Fluent and the pages, which main.ts imports once it has asked
 * for the first reads) and the chunks it imports as modulepreload links: the browser fetches and compiles
 * them while the small entry runs, instead of after it.
 */
function preloadApp(): Plugin {
  return {
    name: 'preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || chunk?.name !== 'main') return [];
        const app = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/app/mount-app.tsx'));
        if (app?.type !== 'chunk') throw new Error('the build has no chunk for src/app/mount-app.tsx');
        const files = new Set<string>();
        const add = (file: string) => {
          const c = bundle[file];
          if (files.has(file) || file === chunk.fileName || c?.type !== 'chunk' || chunk.imports.includes(file)) return;
          files.add(file);
          c.imports.forEach(add);
        };
        add(app.fileName);
        return [...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/** Vite 8 transforms JSX itself (Oxc); no React plugin is installed, so there is no Fast Refresh. */
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [preloadApp()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // The tab, and the last page of its SSO consent window (served at /auth-end).
      input: { main: fileURLToPath(new URL('./index.html', import.meta.url)), 'auth-end': fileURLToPath(new URL('./auth-end.html', import.meta.url)) },
      // Fluent UI marks its modules "use client" for React Server Components; a browser bundle has none.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // `npm start` serves the API; the dev server forwards to it.
    proxy: { '/api': 'http://127.0.0.1:3978' },
  },
});
