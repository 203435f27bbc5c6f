import type { NewRow } from './database';
import { isUniqueViolation } from './errors';
import { describeEachStore } from './testing/test-stores';

const NOW = '2026-11-02T08:00:00.000Z';

const run: NewRow<'invoice_runs'> = {
  id: 'run-1',
  business_id: 'b',
  requested_by: 'u',
  source: 'bot',
  selection: '{}',
  state: 'running',
  phase: null,
  planned_count: 0,
  created_count: 0,
  failed_count: 0,
  totals: null,
  error: null,
  created_at: NOW,
  updated_at: NOW,
  finished_at: null,
};

const invoice = (id: string, externalDocumentNumber: string): NewRow<'invoices'> => ({
  id,
  run_id: 'run-1',
  business_id: 'b',
  bc_customer_id: null,
  external_document_number: externalDocumentNumber,
  bc_invoice_id: null,
  bc_number: null,
  posted_number: null,
  status: 'planned',
  amount_minor: 100,
  currency: 'DKK',
  appointment_ids: '[]',
  error: null,
  created_at: NOW,
  updated_at: NOW,
});

const card = (id: string, periodKey: string): NewRow<'posted_cards'> => ({
  id,
  conversation_id: 'conv-1',
  activity_id: `activity-${id}`,
  kind: 'daily-summary',
  period_key: periodKey,
  run_id: null,
  payload: '{}',
  created_at: NOW,
  updated_at: NOW,
});

describeEachStore('constraints and transactions', (getStore) => {
  beforeAll(async () => {
    const { db } = getStore();
    await db.insertInto('invoice_runs').values(run).execute();
    await db
      .insertInto('conversations')
      .values({
        id: 'conv-1',
        tenant_id: 't',
        service_url: 'http://localhost/_connector',
        conversation_type: 'personal',
        reference: '{}',
        team_id: null,
        channel_id: null,
        installed_by: null,
        created_at: NOW,
      })
      .execute();
  });

  it('refuses a second invoice with the same external document number', async () => {
    const { db } = getStore();
    await db.insertInto('invoices').values(invoice('inv-1', 'BK-1')).execute();
    const duplicate = await db
      .insertInto('invoices')
      .values(invoice('inv-2', 'BK-1'))
      .execute()
      .catch((e: unknown) => e);
    expect(isUniqueViolation(duplicate)).toBe(true);
    await db.insertInto('invoices').values(invoice('inv-3', 'BK-2')).execute();
    const ids = await db.selectFrom('invoices').select('id').orderBy('id').execute();
    expect(ids.map((r) => r.id)).toEqual(['inv-1', 'inv-3']);
  });

  it('refuses a second posted card for the same conversation, kind and period', async () => {
    const { db } = getStore();
    await db.insertInto('posted_cards').values(card('c1', '2026-11-01')).execute();
    const duplicate = await db
      .insertInto('posted_cards')
      .values(card('c2', '2026-11-01'))
      .execute()
      .catch((e: unknown) => e);
    expect(isUniqueViolation(duplicate)).toBe(true);
    await db.insertInto('posted_cards').values(card('c3', '2026-11-02')).execute();
    const ids = await db.selectFrom('posted_cards').select('id').orderBy('id').execute();
    expect(ids.map((r) => r.id)).toEqual(['c1', 'c3']);
  });

  it('reports a duplicate primary key as a unique violation, and nothing else as one', async () => {
    const { db } = getStore();
    const duplicate = await db
      .insertInto('invoice_runs')
      .values(run)
      .execute()
      .catch((e: unknown) => e);
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isUniqueViolation(new Error('duplicate'))).toBe(false);
  });

  it('rolls back every write of a transaction that throws', async () => {
    const { db } = getStore();
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('invoices').values(invoice('inv-tx', 'BK-TX')).execute();
      await trx.updateTable('invoice_runs').set({ state: 'done' }).where('id', '=', 'run-1').execute();
      throw new Error('Business Central said no');
    });
    await expect(failing).rejects.toThrow('Business Central said no');
    expect(await db.selectFrom('invoices').select('id').where('id', '=', 'inv-tx').executeTakeFirst()).toBeUndefined();
    const state = await db.selectFrom('invoice_runs').select('state').where('id', '=', 'run-1').executeTakeFirstOrThrow();
    expect(state.state).toBe('running');
  });

  it('commits a transaction that completes', async () => {
    const { db } = getStore();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('invoices').values(invoice('inv-ok', 'BK-OK')).execute();
    });
    expect(await db.selectFrom('invoices').select('id').where('id', '=', 'inv-ok').executeTakeFirst()).toEqual({ id: 'inv-ok' });
  });
});
