/** The invoke named no card or run we know, or its data does not parse: answered with 400, nothing done. */
export class BadCardActionError extends Error {
  override readonly name = 'BadCardActionError';
}
