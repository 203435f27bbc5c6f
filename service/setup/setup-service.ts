import { systemClock } from '../domain/clock';
import type { Kysely, Transaction } from 'kysely';
import { readJson, toIsoUtc, writeJson, type Clock, type Database, type Row } from '../store';
import type { Change } from './merge-patch';
import { setupSchema, defaultSetup, type Setup } from './setup-schema';
import { applySetupPatch, type FieldErrors } from './validate';
import { businessKey } from '../domain/business-key';
import { audit } from '../history/audit';

export interface StoredSetup {
  setup: Setup;
  /** 0 while nothing is stored (the defaults); each saved change adds 1. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export type SetupChangeSource = 'tab' | 'bot' | 'cli';

export type SetupUpdateResult =
  | ({ ok: true; changed: string[] } & StoredSetup)
  | { ok: false; reason: 'invalid'; fields: FieldErrors }
  /** Someone saved the setup after the caller read it: reload, then re-apply. */
  | { ok: false; reason: 'conflict'; currentVersion: number };

// Thrown inside the transaction when another writer committed between our read and our write.
class LostRace extends Error {}

// Without an expected version the caller accepts the latest setup, so a lost race is retried.
const MAX_ATTEMPTS = 5;

// SMTP addresses are case-insensitive; the row id makes one setup per business, whatever the case.
const rowId = (businessId: string) => businessKey(businessId);

function toStored(row: Row<'setup'> | undefined, businessId: string): StoredSetup {
  if (row === undefined) return { setup: defaultSetup(businessId), version: 0, updatedAt: null, updatedBy: null };
  return {
    setup: readJson(setupSchema, row.data, 'setup.data'),
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

// JSON drops undefined; null says "not set" explicitly in the audit entry.
const auditValue = (value: unknown) => (value === undefined ? null : value);

/**
 * The setup of each Bookings business, with optimistic concurrency and an audit entry per change.
 * The setup holds ids, codes and choices only, never credentials (those live in the configuration),
 * so the audit entry can carry old and new values as they are.
 */
export class SetupService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock = systemClock,
  ) {}

  async get(businessId: string): Promise<StoredSetup> {
    const row = await this.db.selectFrom('setup').selectAll().where('id', '=', rowId(businessId)).executeTakeFirst();
    return toStored(row, businessId);
  }

  /**
   * Applies a merge patch (see applySetupPatch) as `actor`. With `expectedVersion` (the version the
   * caller's form was read at) a newer stored version is a conflict instead of being overwritten.
   */
  async update(businessId: string, patch: unknown, actor: string, expectedVersion?: number, source: SetupChangeSource = 'tab'): Promise<SetupUpdateResult> {
    if (actor.trim() === '') throw new TypeError('A setup change needs an actor');
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.db.transaction().execute((trx) => this.updateIn(trx, businessId, patch, actor, expectedVersion, source));
      } catch (err) {
        if (!(err instanceof LostRace)) throw err;
        if (expectedVersion !== undefined || attempt >= MAX_ATTEMPTS) {
          return { ok: false, reason: 'conflict', currentVersion: (await this.get(businessId)).version };
        }
      }
    }
  }

  private async updateIn(
    trx: Transaction<Database>,
    businessId: string,
    patch: unknown,
    actor: string,
    expectedVersion: number | undefined,
    source: SetupChangeSource,
  ): Promise<SetupUpdateResult> {
    const id = rowId(businessId);
    const row = await trx.selectFrom('setup').selectAll().where('id', '=', id).executeTakeFirst();
    const current = toStored(row, businessId);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      return { ok: false, reason: 'conflict', currentVersion: current.version };
    }
    const result = applySetupPatch(current.setup, patch);
    if (!result.ok) return { ok: false, reason: 'invalid', fields: result.fields };
    if (result.changed.length === 0) return { ok: true, changed: [], ...current };

    const unknownConversations = await this.unknownConversations(trx, result.changes);
    if (unknownConversations !== undefined) return { ok: false, reason: 'invalid', fields: unknownConversations };

    const next: StoredSetup = {
      setup: result.setup,
      version: current.version + 1,
      updatedAt: toIsoUtc(this.clock()),
      updatedBy: actor,
    };
    const columns = {
      business_id: result.setup.businessId,
      company_id: result.setup.companyId,
      data: writeJson(result.setup),
      version: next.version,
      updated_at: next.updatedAt!,
      updated_by: actor,
    };
    const written =
      row === undefined
        ? (
            await trx
              .insertInto('setup')
              .values({ id, ...columns })
              .onConflict((oc) => oc.column('id').doNothing())
              .executeTakeFirst()
          ).numInsertedOrUpdatedRows
        : (await trx.updateTable('setup').set(columns).where('id', '=', id).where('version', '=', current.version).executeTakeFirst()).numUpdatedRows;
    if (written === undefined || written === 0n) throw new LostRace();

    await audit(trx, {
      at: next.updatedAt!,
      actor,
      source,
      action: 'setup.changed',
      subject: result.setup.businessId,
      details: {
        version: next.version,
        changes: result.changes.map((c) => ({ path: c.path, from: auditValue(c.from), to: auditValue(c.to) })),
      },
    });
    return { ok: true, changed: result.changed, ...next };
  }

  /** A newly listed summary conversation must be one the bot is installed in (a stored conversation). */
  private async unknownConversations(trx: Transaction<Database>, changes: readonly Change[]): Promise<FieldErrors | undefined> {
    const change = changes.find((c) => c.path === 'dailySummary.conversationIds');
    if (change === undefined || !Array.isArray(change.to)) return undefined;
    const ids = change.to as string[];
    const known = new Set((await trx.selectFrom('conversations').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
    const missing = ids.findIndex((conversationId) => !known.has(conversationId));
    if (missing < 0) return undefined;
    return {
      'dailySummary.conversationIds': `Entry ${missing + 1}: the bot is not installed in that conversation; add the bot there first or choose all`,
    };
  }
}
