import { z } from 'zod';

/**
 * Appointments and invoices counted apart: a group class invoices each attendee, and grouping
 * puts several appointments on one invoice, so "17 appointments → 22 invoices, 22 customers".
 */
export const runCountsSchema = z.object({
  appointments: z.number().int(),
  invoices: z.number().int(),
  customers: z.number().int(),
});
export type RunCounts = z.infer<typeof runCountsSchema>;

export function countsOf(invoices: ReadonlyArray<{ appointmentIds: readonly string[]; customer: { email: string } }>): RunCounts {
  return {
    appointments: new Set(invoices.flatMap((i) => i.appointmentIds)).size,
    invoices: invoices.length,
    customers: new Set(invoices.map((i) => i.customer.email.trim().toLowerCase())).size,
  };
}
