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
        // The first reads' module, an entry of its own: an async module script runs as soon as it
        // arrives, before the entry (which imports the same module) is even parsed.
        const early = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/http/early-reads-start.ts'));
        if (early?.type !== 'chunk') throw new Error('the build has no chunk for src/http/early-reads-start.ts');
        return [
          { tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `/${early.fileName}` }, injectTo: 'head-prepend' as const },
          ...[...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
        ];
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
      // The tab, its first reads (see preloadApp), and the last page of its SSO consent window (served at /auth-end).
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        'early-reads': fileURLToPath(new URL('./src/http/early-reads-start.ts', import.meta.url)),
        'auth-end': fileURLToPath(new URL('./auth-end.html', import.meta.url)),
      },
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
