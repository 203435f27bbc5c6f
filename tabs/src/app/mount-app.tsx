import { createRoot } from 'react-dom/client';
import { App, type AppProps } from './app';

/** The app into the page: React, Fluent and the pages, loaded after the first page's reads are asked. */
export function mountApp(root: HTMLElement, props: AppProps): void {
  createRoot(root).render(<App {...props} />);
}
