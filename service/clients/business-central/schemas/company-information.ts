import { z } from 'zod';
import { text } from './common';

export const companyInformationSchema = z.object({
  id: z.string().min(1),
  displayName: text,
  /** The local currency: a blank currencyCode elsewhere means this one. */
  currencyCode: text,
  email: text,
  country: text,
});

export type CompanyInformation = z.output<typeof companyInformationSchema>;
