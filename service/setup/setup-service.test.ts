import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { CorruptColumnError, type AppStore } from '../store';
import { describeEachStore } from '../store/testing/test-stores';
import { SetupService } from './setup-service';

const COMPANY = '5d115c9c-44e3-ea11-bb43-000d3a2feca1';
const NOW = new Date('2026-11-02T08:00:00.000Z');
const newBusiness = () => `b${randomUUID().slice(0, 8)}@contoso.onmicrosoft.com`;

async function auditRows(store: AppStore, subject: string) {
  return store.db.selectFrom('audit_log').selectAll().where('subject', '=', subject).orderBy('id').execute();
}

describeEachStore('SetupService', (getStore, suite) => {
  const service = () => new SetupService(getStore().db, () => NOW);
  // A second connection in this process would make better-sqlite3's synchronous busy wait block the
  // thread that holds the lock; SQLite writers in one process share the store's one connection anyway.
  const secondWriter = async () => new SetupService(suite.kind === 'postgres' ? (await suite.reopen()).db : getStore().db, () => NOW);

  it('gives the defaults at version 0 when nothing is stored', async () => {
    const business = newBusiness();
    const stored = await service().get(business);
    expect(stored).toMatchObject({ version: 0, updatedAt: null, updatedBy: null });
    expect(stored.setup).toMatchObject({ businessId: business, companyId: null, syncIntervalMinutes: 15 });
  });

  it('saves a change, reads it back and audits it with old and new values', async () => {
    const business = newBusiness();
    const result = await service().update(business, { companyId: COMPANY, dailySummary: { time: '06:45' } }, 'anna@contoso.com', undefined, 'cli');
    expect(result).toMatchObject({
      ok: true,
      version: 1,
      changed: ['companyId', 'dailySummary.time'],
      updatedAt: NOW.toISOString(),
      updatedBy: 'anna@contoso.com',
    });

    const read = await service().get(business.toUpperCase());
    expect(read).toMatchObject({ version: 1, updatedAt: NOW.toISOString(), updatedBy: 'anna@contoso.com' });
    expect(read.setup).toMatchObject({ businessId: business, companyId: COMPANY, dailySummary: { time: '06:45' } });

    const row = await getStore().db.selectFrom('setup').selectAll().where('business_id', '=', business).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ company_id: COMPANY, version: 1 });

    const audit = await auditRows(getStore(), business);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'anna@contoso.com', source: 'cli', action: 'setup.changed', at: NOW.toISOString() });
    expect(JSON.parse(audit[0]!.details!)).toEqual({
      version: 1,
      changes: [
        { path: 'companyId', from: null, to: COMPANY },
        { path: 'dailySummary.time', from: '07:30', to: '06:45' },
      ],
    });
  });

  it('refuses a stale expected version and writes nothing', async () => {
    const business = newBusiness();
    expect(await service().update(business, { overlapDays: 5 }, 'anna', 0)).toMatchObject({ ok: true, version: 1 });
    expect(await service().update(business, { overlapDays: 6 }, 'bo', 1)).toMatchObject({ ok: true, version: 2 });

    const stale = await service().update(business, { overlapDays: 7 }, 'anna', 1);
    expect(stale).toEqual({ ok: false, reason: 'conflict', currentVersion: 2 });
    expect((await service().get(business)).setup.overlapDays).toBe(6);
    expect(await auditRows(getStore(), business)).toHaveLength(2);
  });

  it('returns field errors for an invalid patch and writes nothing', async () => {
    const business = newBusiness();
    const result = await service().update(business, { dailySummary: { timeZone: 'Romance Standard Time' }, bogus: 1 }, 'anna');
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      fields: {
        'dailySummary.timeZone': 'Not a time zone: use an IANA name such as Europe/Copenhagen',
        bogus: expect.stringMatching(/^Not a setting/),
      },
    });
    expect((await service().get(business)).version).toBe(0);
    expect(await auditRows(getStore(), business)).toHaveLength(0);
  });

  it('does not bump the version or audit a patch that changes nothing', async () => {
    const business = newBusiness();
    await service().update(business, { syncIntervalMinutes: 30 }, 'anna');
    const same = await service().update(business, { syncIntervalMinutes: 30 }, 'bo', 1);
    expect(same).toMatchObject({ ok: true, changed: [], version: 1, updatedBy: 'anna' });
    expect(await auditRows(getStore(), business)).toHaveLength(1);
  });

  it('accepts only summary conversations the bot is installed in', async () => {
    const business = newBusiness();
    const known = `19:${randomUUID()}@thread.v2`;
    await getStore()
      .db.insertInto('conversations')
      .values({
        id: known,
        tenant_id: 't',
        service_url: 'https://smba.example/',
        conversation_type: 'channel',
        reference: '{}',
        team_id: null,
        channel_id: null,
        installed_by: null,
        created_at: NOW.toISOString(),
      })
      .execute();

    const unknown = await service().update(business, { dailySummary: { conversationIds: [known, '19:gone@thread.v2'] } }, 'anna');
    expect(unknown).toEqual({
      ok: false,
      reason: 'invalid',
      fields: { 'dailySummary.conversationIds': expect.stringMatching(/^Entry 2: the bot is not installed/) },
    });
    const ok = await service().update(business, { dailySummary: { conversationIds: [known] } }, 'anna');
    expect(ok).toMatchObject({ ok: true, setup: { dailySummary: { conversationIds: [known] } } });
  });

  it('lets one of two concurrent writers with the same expected version win', async () => {
    const business = newBusiness();
    const other = await secondWriter();
    const results = await Promise.all([service().update(business, { lookBackDays: 30 }, 'anna', 0), other.update(business, { lookBackDays: 60 }, 'bo', 0)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'conflict', currentVersion: 1 }]);
    expect(await auditRows(getStore(), business)).toHaveLength(1);
  });

  it('applies both of two concurrent writers that did not name a version', async () => {
    const business = newBusiness();
    await service().update(business, { overlapDays: 1 }, 'setup');
    const other = await secondWriter();
    const results = await Promise.all([service().update(business, { lookBackDays: 30 }, 'anna'), other.update(business, { syncIntervalMinutes: 60 }, 'bo')]);
    expect(results.every((r) => r.ok)).toBe(true);
    const final = await service().get(business);
    expect(final.version).toBe(3);
    expect(final.setup).toMatchObject({ overlapDays: 1, lookBackDays: 30, syncIntervalMinutes: 60 });
  });

  it('writes the setup and its audit entry in one transaction', async () => {
    const fresh = await suite.freshTarget().open();
    await sql`drop table audit_log`.execute(fresh.db);
    const business = newBusiness();
    // Not rejects.toThrow: better-sqlite3's error class may come from another test file's module registry.
    const failure: unknown = await new SetupService(fresh.db).update(business, { overlapDays: 9 }, 'anna').then(
      () => null,
      (e: unknown) => e,
    );
    expect(String((failure as { message?: unknown } | null)?.message)).toMatch(/audit_log/);
    expect(await fresh.db.selectFrom('setup').selectAll().execute()).toEqual([]);
  });

  it('refuses to read a stored setup that no longer matches the schema', async () => {
    const business = newBusiness();
    await getStore()
      .db.insertInto('setup')
      .values({
        id: business,
        business_id: business,
        company_id: null,
        data: JSON.stringify({ businessId: business, syncIntervalMinutes: 'often' }),
        version: 1,
        updated_at: NOW.toISOString(),
        updated_by: null,
      })
      .execute();
    await expect(service().get(business)).rejects.toBeInstanceOf(CorruptColumnError);
  });
});
