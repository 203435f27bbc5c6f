import { z } from 'zod';
import { text } from './common';

export const bookingStaffMemberSchema = z.object({
  id: z.string().min(1),
  displayName: text,
  emailAddress: text,
  role: text,
  timeZone: z
    .string()
    .nullish()
    .transform((v) => v || null),
});

export type BookingStaffMember = z.output<typeof bookingStaffMemberSchema>;
