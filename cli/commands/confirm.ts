import readline from 'node:readline/promises';

/** How the invoice command asks before creating anything; tests pass their own. */
export type Confirm = (question: string, signal: AbortSignal) => Promise<boolean | 'no-terminal'>;

/** Asks on the terminal (y/yes/j/ja); without one there is nobody to ask. */
export const terminalConfirm: Confirm = async (question, signal) => {
  if (process.stdin.isTTY !== true) return 'no-terminal';
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(question, { signal });
    return /^(y|yes|j|ja)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
};
