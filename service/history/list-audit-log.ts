import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { z } from 'zod';
import { namesOf } from '../identity/people';
import type { Database } from '../store/database';
import { aboutOf, auditAbouts } from './audit-about';
import { whoOf } from './who';
import { listAuditLogRequestSchema, type AuditEntry, type AuditPage, type ListAuditLogRequest } from './history-schemas';
import { businessKey } from '../domain/business-key';

const detailsSchema = z.record(z.string(), z.unknown());

/** Details as stored; the log is for people, so text that is not a JSON object is shown as it is rather than hidden. */
function parseDetails(text: string | null): AuditEntry['details'] {
  if (text === null) return null;
  try {
    const parsed = detailsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : { unparsed: text };
  } catch {
    return { unparsed: text };
  }
}

/**
 * audit_log has no business column: an entry belongs to a business through its subject, which is
 * the business itself (setup), or one of its invoice runs, invoices, appointments or sync runs.
 */
function ofBusiness(eb: ExpressionBuilder<Database, 'audit_log'>, businessId: string) {
  const subject = eb.ref('audit_log.subject');
  return eb.or([
    eb(sql<string>`lower(${subject})`, '=', businessId),
    eb.exists(
      eb.selectFrom('invoice_runs').select('invoice_runs.id').whereRef('invoice_runs.id', '=', subject).where('invoice_runs.business_id', '=', businessId),
    ),
    eb.exists(eb.selectFrom('invoices').select('invoices.id').whereRef('invoices.id', '=', subject).where('invoices.business_id', '=', businessId)),
    eb.exists(
      eb.selectFrom('appointments').select('appointments.id').whereRef('appointments.id', '=', subject).where('appointments.business_id', '=', businessId),
    ),
    eb.exists(eb.selectFrom('sync_runs').select('sync_runs.id').whereRef('sync_runs.id', '=', subject).where('sync_runs.business_id', '=', businessId)),
  ]);
}

/** Audit entries, newest first, optionally of one business and one action (or action family 'x.*'). */
export async function listAuditLog(db: Kysely<Database>, input: ListAuditLogRequest): Promise<AuditPage> {
  const request = listAuditLogRequestSchema.parse(input);
  let base = db.selectFrom('audit_log');
  if (request.action !== undefined) {
    base = request.action.endsWith('.*')
      ? base.where('audit_log.action', 'like', `${request.action.slice(0, -1)}%`)
      : base.where('audit_log.action', '=', request.action);
  }
  const businessId = request.businessId === undefined ? undefined : businessKey(request.businessId);
  if (businessId !== undefined) base = base.where((eb) => ofBusiness(eb, businessId));
  const [counted, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow(),
    base.selectAll('audit_log').orderBy('audit_log.id', 'desc').offset(request.offset).limit(request.limit).execute(),
  ]);
  const [names, abouts] = await Promise.all([
    namesOf(
      db,
      rows.map((r) => r.actor),
    ),
    auditAbouts(db, rows),
  ]);
  return {
    entries: rows.map((row) => ({
      id: Number(row.id),
      at: row.at,
      actor: row.actor,
      who: whoOf(row.actor, names),
      source: row.source,
      action: row.action,
      subject: row.subject,
      about: aboutOf(abouts, row),
      details: parseDetails(row.details),
    })),
    total: Number(counted.n),
    offset: request.offset,
    limit: request.limit,
  };
}
