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
  // Loops, not flatMap and map: a run's every poll counts thousands of invoices, and the copies were garbage.
  const appointments = new Set<string>();
  const customers = new Set<string>();
  for (const invoice of invoices) {
    for (const id of invoice.appointmentIds) appointments.add(id);
    customers.add(invoice.customer.email.trim().toLowerCase());
  }
  return { appointments: appointments.size, invoices: invoices.length, customers: customers.size };
}
