import { fileURLToPath } from 'node:url';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The entry (src/main.ts) asks for the first page's data and then imports the app: the app's chunks
 * are named in the page so the browser fetches them meanwhile, not only once the entry has run.
 */
function preloadApp(): Plugin {
  return {
    name: 'preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle || !ctx.filename.endsWith('index.html')) return html;
        const app = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/app/mount-app.tsx'));
        if (!app) throw new Error('no chunk for src/app/mount-app.tsx');
        const files = new Set<string>();
        const add = (fileName: string) => {
          const chunk = bundle[fileName];
          if (files.has(fileName) || chunk?.type !== 'chunk') return;
          files.add(fileName);
          chunk.imports.forEach(add);
        };
        add(app.fileName);
        const tags: HtmlTagDescriptor[] = [...files]
          .filter((f) => !html.includes(`/${f}"`))
          .map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` }, injectTo: 'head' }));
        return tags;
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
