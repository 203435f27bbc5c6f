import type { Kysely } from 'kysely';
import { toIsoUtc, writeJson } from '../store/columns';
import type { Database } from '../store/database';

/** One entry of the audit log: who did what to which subject, and the details History shows. */
export interface AuditEntry {
  /** When it happened: the injected clock's instant, or the stored ISO text of the change it belongs to. */
  at: Date | string;
  actor: string;
  source: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
}

/**
 * The one writer of `audit_log`. Pass the transaction of the change it records, so the entry and
 * the change are written together or not at all.
 */
export async function audit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: typeof entry.at === 'string' ? entry.at : toIsoUtc(entry.at),
      actor: entry.actor,
      source: entry.source,
      action: entry.action,
      subject: entry.subject,
      details: writeJson(entry.details),
    })
    .execute();
}
