import os from 'node:os';

/** Who the audit log names for a CLI action: the operating system user, when there is one. */
export function cliActor(): string {
  try {
    const name = os.userInfo().username.trim();
    return name === '' ? 'cli' : `cli:${name}`;
  } catch {
    // Some containers run as a uid without a passwd entry.
    return 'cli';
  }
}
