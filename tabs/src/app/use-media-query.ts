import { useSyncExternalStore } from 'react';

/**
 * Below this width the tab lays itself out for a phone or a Teams side panel (about 320-420 px) and a
 * tablet held upright (768 px): a ten-column grid needs about 900 px to keep each column readable,
 * which a Teams desktop window leaves the tab from about 1024 px of window width.
 */
export const NARROW_MAX_WIDTH_PX = 899;
export const NARROW_MEDIA = `(max-width: ${NARROW_MAX_WIDTH_PX}px)`;

function mediaList(query: string): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
}

/** Whether a CSS media query matches now, following it as the window is resized; false where there is no window. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = mediaList(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    () => mediaList(query)?.matches ?? false,
    () => false,
  );
}

/** The phone / side panel / tablet layout (see NARROW_MAX_WIDTH_PX). */
export function useNarrow(): boolean {
  return useMediaQuery(NARROW_MEDIA);
}
