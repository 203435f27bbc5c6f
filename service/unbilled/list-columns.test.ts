import { noShowFeeSchema } from '../setup/setup-schema';
import { describeEachStore } from '../store/testing/test-stores';
import { queryUnbilled } from './query-unbilled';
import { appointmentRow, BUSINESS, context, resetRows, serviceLink } from './testing/unbilled-fixtures';

/*
 * The list_* columns (migration 0018) are kept by triggers, whoever writes the row or its service
 * link: after each kind of write the list, its totals and amounts read as the rule says.
 */
const FEE_ITEM = '11111111-1111-1111-1111-111111111111';
/** A fixed fee of 50.00, below every service amount here, so a fee row sorts among the others. */
const FEES = { noShowFee: noShowFeeSchema.parse({ itemId: FEE_ITEM, rule: { kind: 'fixed', amountMinor: 5_000 } }) };

describeEachStore('the Unbilled list after writes to appointments and service links', (getStore) => {
  const db = () => getStore().db;
  const invoiceable = async () => {
    const result = await queryUnbilled(db(), { businessId: BUSINESS, limit: 500 }, context());
    return { ids: result.rows.map((r) => r.id).sort(), totals: result.totals };
  };
  const row = async (id: string) => (await queryUnbilled(db(), { businessId: BUSINESS, state: 'all', limit: 500 }, context())).rows.find((r) => r.id === id);

  beforeEach(() =>
    resetRows(
      db(),
      [
        appointmentRow('a', { price_minor: 10_000 }),
        appointmentRow('b', { price_minor: 20_000 }),
        appointmentRow('c', { price_minor: 30_000 }),
        appointmentRow('varies', { price_type: 'priceVaries', price_minor: null, service_id: 'svc-item' }),
      ],
      [serviceLink('svc-linked'), serviceLink('svc-item', { bc_item_unit_price_minor: 7_500 })],
    ),
  );

  it('reads the stored verdict and amount of freshly inserted rows', async () => {
    expect(await invoiceable()).toEqual({ ids: ['a', 'b', 'c', 'varies'], totals: { count: 4, amounts: [{ minor: 67_500, currency: 'DKK' }] } });
  });

  it('follows a claim, an exclusion and a sync that changes the price and takes the email away', async () => {
    await db().updateTable('appointments').set({ state: 'claimed', claimed_by_run: 'run-1' }).where('id', '=', 'a').execute();
    await db().updateTable('appointments').set({ state: 'excluded' }).where('id', '=', 'b').execute();
    await db().updateTable('appointments').set({ price_minor: 31_000 }).where('id', '=', 'c').execute();
    expect(await invoiceable()).toEqual({ ids: ['c', 'varies'], totals: { count: 2, amounts: [{ minor: 38_500, currency: 'DKK' }] } });

    await db().updateTable('appointments').set({ customers_without_email: 1 }).where('id', '=', 'c').execute();
    expect((await invoiceable()).ids).toEqual(['varies']);
    expect(await row('c')).toMatchObject({ reasons: ['customer-without-email'], amount: { minor: 31_000 } });
  });

  it('bills a no-show as the fee, and leaves it when the mark is taken back', async () => {
    await db().updateTable('appointments').set({ no_show: 1 }).where('id', '=', 'a').execute();
    const withFee = await queryUnbilled(db(), { businessId: BUSINESS, limit: 500 }, context(FEES));
    expect(withFee.rows.find((r) => r.id === 'a')).toMatchObject({ fee: { kind: 'no-show' }, amount: { minor: 5_000 } });
    // Without a fee item in the setup the no-show cannot be billed: the setup decides, not the stored row.
    expect((await invoiceable()).ids).toEqual(['b', 'c', 'varies']);
    await db().updateTable('appointments').set({ no_show: 0 }).where('id', '=', 'a').execute();
    expect((await invoiceable()).ids).toEqual(['a', 'b', 'c', 'varies']);
  });

  it('follows a service link: its item price, its removal and a new link', async () => {
    await db().updateTable('service_links').set({ bc_item_unit_price_minor: 9_000 }).where('bookings_service_id', '=', 'svc-item').execute();
    expect(await row('varies')).toMatchObject({ price: { minor: 9_000 }, amount: { minor: 9_000 } });

    await db().deleteFrom('service_links').where('bookings_service_id', '=', 'svc-linked').execute();
    expect(await invoiceable()).toEqual({ ids: ['varies'], totals: { count: 1, amounts: [{ minor: 9_000, currency: 'DKK' }] } });
    expect(await row('a')).toMatchObject({ reasons: ['service-not-linked'] });

    await db().insertInto('service_links').values(serviceLink('svc-linked')).execute();
    expect((await invoiceable()).ids).toEqual(['a', 'b', 'c', 'varies']);
  });

  it('sorts by the customer and the service a sync renamed, in Danish order', async () => {
    const order = async (sort: 'customer' | 'service') =>
      (await queryUnbilled(db(), { businessId: BUSINESS, sort, limit: 500 }, context())).rows.map((r) => r.id);
    expect(await order('customer')).toEqual(['a', 'b', 'c', 'varies']);
    await db()
      .updateTable('appointments')
      .set({ customers: JSON.stringify([{ id: 'c-x', name: 'Åse', email: 'aase@example.dk' }]) })
      .where('id', '=', 'a')
      .execute();
    expect(await order('customer')).toEqual(['b', 'c', 'varies', 'a']);
    await db().updateTable('appointments').set({ service_name: 'Akupunktur' }).where('id', '=', 'c').execute();
    expect((await order('service'))[0]).toBe('c');
  });

  it('pages the invoiceable rows in order, each once, across both kinds of row', async () => {
    await db().updateTable('appointments').set({ no_show: 1 }).where('id', '=', 'b').execute();
    const pages = [];
    for (const offset of [0, 1, 2, 3]) {
      const result = await queryUnbilled(db(), { businessId: BUSINESS, limit: 1, offset, sort: 'amount' }, context(FEES));
      pages.push(...result.rows.map((r) => r.id));
    }
    expect(pages).toEqual(['b', 'varies', 'a', 'c']);
  });
});
