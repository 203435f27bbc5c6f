import { LeaseLostError, LeaseStore } from './leases';
import { describeEachStore } from './testing/test-stores';

const T0 = new Date('2026-11-02T08:00:00.000Z');
const after = (ms: number) => new Date(T0.getTime() + ms);
const TTL = 60_000;

describeEachStore('LeaseStore', (getStore) => {
  const leases = () => new LeaseStore(getStore().db);

  it('grants a free lease and names its holder until it expires', async () => {
    expect(await leases().tryAcquire('free', 'a', TTL, T0)).toBe(true);
    expect(await leases().holderOf('free', after(TTL - 1))).toBe('a');
    expect(await leases().holderOf('free', after(TTL))).toBeUndefined();
  });

  it('refuses a lease another holder has not let expire', async () => {
    await leases().tryAcquire('held', 'a', TTL, T0);
    expect(await leases().tryAcquire('held', 'b', TTL, after(TTL - 1))).toBe(false);
    expect(await leases().holderOf('held', after(1))).toBe('a');
  });

  it('hands an expired lease to the next holder', async () => {
    await leases().tryAcquire('expired', 'a', TTL, T0);
    expect(await leases().tryAcquire('expired', 'b', TTL, after(TTL))).toBe(true);
    expect(await leases().holderOf('expired', after(TTL + 1))).toBe('b');
    expect(await leases().tryAcquire('expired', 'a', TTL, after(TTL + 1))).toBe(false);
  });

  it('renews the lease for its holder, keeping when it was first taken', async () => {
    await leases().tryAcquire('renewed', 'a', TTL, T0);
    expect(await leases().tryAcquire('renewed', 'a', TTL, after(TTL - 1))).toBe(true);
    expect(await leases().holderOf('renewed', after(2 * TTL - 2))).toBe('a');
    const row = await getStore().db.selectFrom('leases').selectAll().where('name', '=', 'renewed').executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'renewed', holder: 'a', acquired_at: T0.toISOString(), expires_at: after(2 * TTL - 1).toISOString(), token: 1 });
  });

  it('releases only for its holder', async () => {
    await leases().tryAcquire('released', 'a', TTL, T0);
    expect(await leases().release('released', 'b')).toBe(false);
    expect(await leases().holderOf('released', T0)).toBe('a');
    expect(await leases().release('released', 'a')).toBe(true);
    expect(await leases().holderOf('released', T0)).toBeUndefined();
    expect(await leases().tryAcquire('released', 'b', TTL, after(1))).toBe(true);
  });

  it('uses the injected clock when no time is given', async () => {
    const store = new LeaseStore(getStore().db, () => T0);
    expect(await store.tryAcquire('clocked', 'a', TTL)).toBe(true);
    expect(await store.holderOf('clocked')).toBe('a');
    expect(await new LeaseStore(getStore().db, () => after(TTL)).holderOf('clocked')).toBeUndefined();
  });

  it.each([
    ['a free lease', undefined],
    ['an expired lease', 'old-holder'],
  ])('gives %s to exactly one of 10 concurrent callers', async (_what, previousHolder) => {
    const name = `race-${previousHolder ?? 'free'}`;
    if (previousHolder) await leases().tryAcquire(name, previousHolder, TTL, T0);
    const now = after(TTL + 5);
    const holders = Array.from({ length: 10 }, (_, i) => `holder-${i}`);
    const results = await Promise.all(holders.map((h) => new LeaseStore(getStore().db).tryAcquire(name, h, TTL, now)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await leases().holderOf(name, now)).toBe(holders[results.indexOf(true)]);
  });

  describe('fencing', () => {
    const audit = (action: string) => ({ at: T0.toISOString(), actor: 'test', source: 'test', action, subject: null, details: null });
    const actions = async () =>
      (await getStore().db.selectFrom('audit_log').select('action').where('action', 'like', 'fenced.%').orderBy('id').execute()).map((r) => r.action);

    it('raises the token on every acquisition but not on a renewal, across releases', async () => {
      const tokens = [
        await leases().acquire('counted', 'a', TTL, T0),
        await leases().acquire('counted', 'a', TTL, after(1)),
        await leases().acquire('counted', 'b', TTL, after(TTL + 1)),
      ];
      await leases().release('counted', 'b');
      tokens.push(await leases().acquire('counted', 'a', TTL, after(TTL + 2)));
      // The same holder again after its lease expired: someone may have held it meanwhile, so a new token.
      tokens.push(await leases().acquire('counted', 'a', TTL, after(3 * TTL)));
      expect(tokens.map((t) => t?.token)).toEqual([1, 1, 2, 3, 4]);
    });

    it('refuses the commit of a holder that stalled past expiry once a second holder acquired', async () => {
      const first = await leases().acquire('stall', 'first', TTL, T0);
      expect(first).toBeDefined();
      // The first holder stalls; its lease expires and the second takes it.
      const second = await leases().acquire('stall', 'second', TTL, after(TTL + 1));
      expect(second?.token).toBe(first!.token + 1);

      await expect(
        leases().fenced(first!, async (trx) => {
          await trx.insertInto('audit_log').values(audit('fenced.first')).execute();
        }),
      ).rejects.toBeInstanceOf(LeaseLostError);
      await leases().fenced(second!, async (trx) => {
        await trx.insertInto('audit_log').values(audit('fenced.second')).execute();
      });
      // The refused transaction left nothing behind.
      expect(await actions()).toEqual(['fenced.second']);
      // Renewing does not bring the first holder back either.
      expect(await leases().acquire('stall', 'first', TTL, after(TTL + 2))).toBeUndefined();
    });

    it('lets a late holder commit while nobody took its expired lease (its token still stands)', async () => {
      const held = await leases().acquire('late', 'a', TTL, T0);
      await leases().fenced(held!, async (trx) => {
        await trx.insertInto('audit_log').values(audit('fenced.late')).execute();
      });
      expect(await actions()).toContain('fenced.late');
    });

    it('refuses the commit of a holder that released its lease and was followed by another', async () => {
      const held = await leases().acquire('handed', 'a', TTL, T0);
      await leases().release('handed', 'a');
      await leases().acquire('handed', 'b', TTL, after(1));
      await expect(leases().fenced(held!, async () => 'never')).rejects.toThrow(/no longer held by a under token 1/);
    });
  });
});
