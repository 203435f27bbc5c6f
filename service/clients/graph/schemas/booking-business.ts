import { z } from 'zod';
import { text } from './common';

/** `GET /solutions/bookingBusinesses` lists only id and displayName; a single business has the rest. */
export const bookingBusinessSchema = z.object({
  id: z.string().min(1),
  displayName: text,
  defaultCurrencyIso: z
    .string()
    .nullish()
    .transform((v) => v || null),
  email: text,
  phone: text,
  businessType: text,
  languageTag: text,
  webSiteUrl: text,
});

export type BookingBusiness = z.output<typeof bookingBusinessSchema>;
