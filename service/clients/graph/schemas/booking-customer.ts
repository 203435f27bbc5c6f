import { z } from 'zod';
import { instant, text } from './common';

const address = z.object({
  street: text,
  city: text,
  postalCode: text,
  state: text,
  countryOrRegion: text,
  type: text,
});

const phone = z.object({ number: text, type: text });

export const bookingCustomerSchema = z.object({
  id: z.string().min(1),
  displayName: text,
  emailAddress: text,
  addresses: z
    .array(address)
    .nullish()
    .transform((v) => v ?? []),
  phones: z
    .array(phone)
    .nullish()
    .transform((v) => v ?? []),
  createdDateTime: instant,
  lastUpdatedDateTime: instant,
});

export type BookingCustomer = z.output<typeof bookingCustomerSchema>;
