import { z } from 'zod';

export const text = z
  .string()
  .nullish()
  .transform((v) => v ?? '');

export const amount = z
  .number()
  .nullish()
  .transform((v) => v ?? 0);

export const etagField = { '@odata.etag': z.string().optional() };

/** Moves `@odata.etag` (needed for If-Match on PATCH/DELETE) to `etag`. */
export function renameEtag<T extends { '@odata.etag'?: string | undefined }>(entity: T): Omit<T, '@odata.etag'> & { etag: string | undefined } {
  const { '@odata.etag': etag, ...rest } = entity;
  return { ...rest, etag };
}
