import { z } from 'zod';

/** An OData collection page as Graph and Business Central send it; the records are parsed one by one later. */
export const odataCollectionSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
});
