import { createElement, lazy, type ComponentType } from 'react';

export interface Preloadable<P extends object> {
  /** Renders the component; suspends only while its chunk has not arrived. */
  Component: ComponentType<P>;
  /** Asks for the chunk ahead of use (once; later calls share the first). */
  preload(): Promise<ComponentType<P>>;
}

/**
 * A component in a chunk of its own, asked for before it is needed. React.lazy suspends on its first
 * render even when the chunk has already arrived (the promise it is handed settles a turn later), so a
 * dialog opened by a click showed its fallback first and came up 60-160 ms later; once the chunk is
 * here, this renders the component itself, in the same commit as the click's state.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed fetch (a deployment replaced the chunk, the network dropped) may be asked for again.
        loading = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  const Component = (props: P) => createElement(loaded ?? Lazy, props);
  return { Component, preload };
}
