import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Vite 8 transforms JSX itself (Oxc); no React plugin is installed, so there is no Fast Refresh. */
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
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
