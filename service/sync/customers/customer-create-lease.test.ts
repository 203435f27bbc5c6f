import { LeaseLostError, LeaseStore } from '../../store/leases';
import { describeEachStore } from '../../store/testing/test-stores';
import { fixedClock } from '../../domain/clock';
import { DEFAULT_TEST_NOW } from '../../testing/test-dates';
import { customerCreateToken, withCustomerCreateLease } from './customer-create-lease';

describeEachStore('withCustomerCreateLease', (getStore) => {
  const clock = fixedClock(DEFAULT_TEST_NOW);
  it('renews for its holder while nobody else took the lease', async () => {
    const batches: number[] = [];
    await withCustomerCreateLease(getStore().db, clock, 'kept', async (lease) => {
      for (const batch of [1, 2, 3]) {
        await lease.renew();
        batches.push(batch);
      }
    });
    expect(batches).toEqual([1, 2, 3]);
  });

  it('stops a creator whose lease ran out and went to another run, before its next batch', async () => {
    const batches: number[] = [];
    const work = withCustomerCreateLease(getStore().db, clock, 'stalled', async ({ renew }) => {
      await renew();
      batches.push(1);
      // The creator stalls past its 5-minute lease; another run takes it.
      const later = new Date(DEFAULT_TEST_NOW.getTime() + 5 * 60_000 + 1_000);
      expect(await new LeaseStore(getStore().db).tryAcquire('bc-customers-create:stalled', 'other-run', 60_000, later)).toBe(true);
      await renew();
      batches.push(2);
    });
    await expect(work).rejects.toBeInstanceOf(LeaseLostError);
    expect(batches).toEqual([1]);
  });

  it('tells a creator whether anyone held the lease between its look-up and its turn', async () => {
    const db = getStore().db;
    const seen = await customerCreateToken(db, clock, 'tokens');
    expect(seen).toBe(0);
    const alone = await withCustomerCreateLease(db, clock, 'tokens', async (lease) => lease.createdByOthersSince(seen));
    expect(alone).toBe(false);

    const before = await customerCreateToken(db, clock, 'tokens');
    // Another run creates customers (and lets the lease go) after this one looked.
    await withCustomerCreateLease(db, clock, 'tokens', async () => undefined);
    const after = await withCustomerCreateLease(db, clock, 'tokens', async (lease) => lease.createdByOthersSince(before));
    expect(after).toBe(true);

    // Looked up while another run held the lease: its creations may be missing from the look-up.
    let during: number | undefined = 0;
    await withCustomerCreateLease(db, clock, 'tokens', async () => {
      during = await customerCreateToken(db, clock, 'tokens');
    });
    expect(during).toBeUndefined();
    const next = await withCustomerCreateLease(db, clock, 'tokens', async (lease) => lease.createdByOthersSince(during));
    expect(next).toBe(true);
  });
});
