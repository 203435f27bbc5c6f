import { z } from 'zod';
import { isoDuration, priceType, stringList, text } from './common';

export const bookingServiceSchema = z.object({
  id: z.string().min(1),
  displayName: text,
  description: text,
  defaultDuration: isoDuration,
  defaultPrice: z
    .number()
    .nullish()
    .transform((v) => v ?? null),
  defaultPriceType: priceType,
  isHiddenFromCustomers: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  staffMemberIds: stringList,
});

export type BookingService = z.output<typeof bookingServiceSchema>;
