/**
 * Reads started together, answered together: every one settles before the first failure is thrown,
 * so no read is left running behind the answer (a phase that failed must not outlive its own reads).
 */
export async function sideBySide<T extends readonly unknown[]>(reads: { readonly [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(reads);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
