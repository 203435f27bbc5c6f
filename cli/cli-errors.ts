/** A wrong command line: the message says what to type instead; exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Input the command understood but refused, one problem per field; exit code 2. */
export class FieldErrorsFailure extends Error {
  constructor(readonly fields: Readonly<Record<string, string>>) {
    super(
      Object.entries(fields)
        .map(([key, message]) => `${key || 'input'}: ${message}`)
        .join('\n'),
    );
    this.name = 'FieldErrorsFailure';
  }
}

export const EXIT = { ok: 0, failed: 1, usage: 2, forbidden: 3, interrupted: 130 } as const;
