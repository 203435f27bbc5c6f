/*
 * Import-free on purpose: the early reads (http/early-reads.ts) run before the app's script arrives
 * and must stay about a kilobyte, and host detection asks the same question.
 */

/** The window as the host check sees it: Teams' mobile clients give a top-level page a `nativeInterface`. */
export interface HostWindow {
  readonly parent: unknown;
  readonly self: unknown;
  readonly nativeInterface?: unknown;
}

/**
 * Whether Teams may be the host: a tab is framed by Teams on the web and desktop, and is a top-level
 * page with the host's `nativeInterface` in Teams' mobile clients (where teams-js talks to the host
 * through it). Any other top-level page never waits for a host that is not there.
 */
export function mayBeTeams(win: HostWindow): boolean {
  if (win.nativeInterface !== undefined && win.nativeInterface !== null) return true;
  try {
    return win.parent !== win.self;
  } catch {
    // A cross-origin parent can throw on access: that is a frame.
    return true;
  }
}
