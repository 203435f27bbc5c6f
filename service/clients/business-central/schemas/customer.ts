import { z } from 'zod';
import { amount, text, etagField, renameEtag } from './common';

export const customerSchema = z
  .object({
    ...etagField,
    id: z.string().min(1),
    number: text,
    displayName: text,
    type: z.enum(['Company', 'Person']),
    /** Text[80]; may hold several addresses separated by ';'. */
    email: text,
    phoneNumber: text,
    addressLine1: text,
    city: text,
    postalCode: text,
    country: text,
    /** Blank means the company's local currency. */
    currencyCode: text,
    paymentTermsId: text,
    taxAreaId: text,
    taxLiable: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
    blocked: text,
    balanceDue: amount,
  })
  .transform(renameEtag);

export type Customer = z.output<typeof customerSchema>;

/** What we set on a customer we create (the rest comes from Business Central's template selection rules). */
export interface CustomerCreate {
  displayName: string;
  type: 'Company' | 'Person';
  email?: string;
  phoneNumber?: string;
  addressLine1?: string;
  city?: string;
  postalCode?: string;
  country?: string;
  currencyCode?: string;
  paymentTermsId?: string;
  taxAreaId?: string;
  taxLiable?: boolean;
}
