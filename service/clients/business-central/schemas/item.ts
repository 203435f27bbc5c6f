import { z } from 'zod';
import { amount, text, etagField, renameEtag } from './common';

export const itemSchema = z
  .object({
    ...etagField,
    id: z.string().min(1),
    number: text,
    displayName: text,
    type: z.enum(['Inventory', 'Service', 'Non-Inventory']),
    blocked: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
    unitPrice: amount,
    priceIncludesTax: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
    taxGroupCode: text,
    baseUnitOfMeasureCode: text,
    generalProductPostingGroupCode: text,
  })
  .transform(renameEtag);

export type Item = z.output<typeof itemSchema>;

export interface ItemCreate {
  displayName: string;
  type: 'Inventory' | 'Service' | 'Non-Inventory';
  number?: string;
  unitPrice?: number;
  taxGroupCode?: string;
  baseUnitOfMeasureCode?: string;
  generalProductPostingGroupCode?: string;
}
