import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../store/database';

/*
 * What an audit entry is about, named from what we store of it (the subject column is a bare id):
 * an appointment by its service, customers and start; an invoice by its number and customer; a run
 * or a sync by when it started. Null when the subject is gone or of no known kind.
 */

export const auditAboutSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('appointment'), service: z.string(), customers: z.array(z.string()), start: z.string() }),
  z.object({ kind: z.literal('invoice'), number: z.string().nullable(), customer: z.string().nullable() }),
  z.object({ kind: z.literal('invoice-run'), at: z.string() }),
  z.object({ kind: z.literal('sync-run'), at: z.string() }),
  z.object({ kind: z.literal('setup') }),
]);
export type AuditAbout = z.infer<typeof auditAboutSchema>;

const attendeesSchema = z.array(z.object({ name: z.string().nullable().optional() }).loose());

function attendeeNames(text: string): string[] {
  try {
    const parsed = attendeesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.flatMap((c) => (c.name ? [c.name] : [])) : [];
  } catch {
    return [];
  }
}

/** Which table an action's subject lives in, by the action's family. */
function familyOf(action: string): string {
  return action === 'invoice.run' || action.startsWith('invoice.duplicate') ? 'invoice-run' : (action.split('.')[0] ?? '');
}

export async function auditAbouts(db: Kysely<Database>, entries: readonly { action: string; subject: string | null }[]): Promise<Map<string, AuditAbout>> {
  const ids = (family: string) => [...new Set(entries.filter((e) => e.subject !== null && familyOf(e.action) === family).map((e) => e.subject!))];
  const appointmentIds = ids('appointment');
  const invoiceIds = ids('invoice');
  const runIds = ids('invoice-run');
  const syncIds = ids('sync');
  const [appointments, invoices, runs, syncs] = await Promise.all([
    appointmentIds.length === 0
      ? []
      : db.selectFrom('appointments').select(['id', 'service_name', 'customers', 'start_utc']).where('id', 'in', appointmentIds).execute(),
    invoiceIds.length === 0
      ? []
      : db.selectFrom('invoices').select(['id', 'bc_number', 'posted_number', 'customer_name']).where('id', 'in', invoiceIds).execute(),
    runIds.length === 0 ? [] : db.selectFrom('invoice_runs').select(['id', 'created_at']).where('id', 'in', runIds).execute(),
    syncIds.length === 0 ? [] : db.selectFrom('sync_runs').select(['id', 'started_at']).where('id', 'in', syncIds).execute(),
  ]);
  const about = new Map<string, AuditAbout>();
  for (const a of appointments)
    about.set(`appointment:${a.id}`, { kind: 'appointment', service: a.service_name, customers: attendeeNames(a.customers), start: a.start_utc });
  for (const i of invoices) about.set(`invoice:${i.id}`, { kind: 'invoice', number: i.posted_number ?? i.bc_number, customer: i.customer_name });
  for (const r of runs) about.set(`invoice-run:${r.id}`, { kind: 'invoice-run', at: r.created_at });
  for (const s of syncs) about.set(`sync:${s.id}`, { kind: 'sync-run', at: s.started_at });
  return about;
}

/** The entry's subject named, or null. */
export function aboutOf(abouts: ReadonlyMap<string, AuditAbout>, entry: { action: string; subject: string | null }): AuditAbout | null {
  if (entry.subject === null) return null;
  const family = familyOf(entry.action);
  if (family === 'setup') return { kind: 'setup' };
  return abouts.get(`${family}:${entry.subject}`) ?? null;
}
