import { createRoot } from 'react-dom/client';
import { App, type AppProps } from './app';

/** The app into the page: React, Fluent and the pages, a chunk of its own that main.ts loads. */
export function mountApp(root: HTMLElement, props: AppProps): void {
  createRoot(root).render(<App {...props} />);
}
