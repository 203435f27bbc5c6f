import { describeEachStore } from '../store/testing/test-stores';
import { queryUnbilled } from './query-unbilled';
import { appointmentRow, BUSINESS, context, resetRows, serviceLink } from './testing/unbilled-fixtures';
import type { Reason } from './eligibility';
import type { UnbilledRequestInput } from './unbilled-schemas';

const FUTURE_END = '2026-11-21T10:00:00.000Z';

describeEachStore('queryUnbilled', (getStore) => {
  const db = () => getStore().db;
  const query = (request: Partial<UnbilledRequestInput> = {}, setup = {}) => queryUnbilled(db(), { businessId: BUSINESS, ...request }, context(setup));

  describe('reasons', () => {
    const cases: [Reason, ReturnType<typeof appointmentRow>][] = [
      ['cancelled', appointmentRow('r-cancelled', { state: 'cancelled' })],
      ['invoiced', appointmentRow('r-invoiced', { state: 'invoiced' })],
      ['claimed', appointmentRow('r-claimed', { state: 'claimed' })],
      ['excluded', appointmentRow('r-excluded', { state: 'excluded' })],
      ['not-ended', appointmentRow('r-not-ended', { end_utc: FUTURE_END })],
      ['review', appointmentRow('r-review', { review_reason: 'Changed in Bookings after invoicing: time' })],
      ['no-customer', appointmentRow('r-no-customer', { attendees: [] })],
      ['customer-without-email', appointmentRow('r-no-email', { attendees: [{ name: 'Ib', email: null }] })],
      ['customer-blocked', appointmentRow('r-blocked', { customers_blocked: 1 })],
      ['invalid-price', appointmentRow('r-invalid', { price_minor: null })],
      ['price-needed', appointmentRow('r-needed', { price_type: 'priceVaries', price_minor: null })],
      ['free', appointmentRow('r-free', { price_type: 'free', price_minor: 0 })],
      ['service-not-linked', appointmentRow('r-unlinked', { service_id: 'svc-unlinked' })],
    ];

    beforeAll(() => resetRows(db(), [appointmentRow('r-ok'), ...cases.map(([, row]) => row)]));

    it.each(cases)('reports %s', async (reason, row) => {
      const { rows } = await query({ state: 'all', limit: 500 });
      const found = rows.find((r) => r.id === row.id);
      expect(found).toMatchObject({ reason, reasons: [reason] });
    });

    it.each(cases)('filters on %s', async (reason, row) => {
      const { rows } = await query({ state: 'all', reason, limit: 500 });
      expect(rows.map((r) => r.id)).toEqual([row.id]);
    });

    it('lists only the invoiceable appointment by default, with no reason', async () => {
      const result = await query();
      expect(result.rows.map((r) => [r.id, r.reason, r.reasons])).toEqual([['r-ok', null, []]]);
      expect(result.total).toBe(1);
    });

    it('splits unbilled into invoiceable and not-invoiceable', async () => {
      const ids = async (state: UnbilledRequestInput['state']) => (await query({ state, limit: 500 })).rows.map((r) => r.id).sort();
      const unbilled = await ids('unbilled');
      const notInvoiceable = await ids('not-invoiceable');
      expect(notInvoiceable).not.toContain('r-ok');
      expect(notInvoiceable).not.toContain('r-invoiced');
      expect([...notInvoiceable, 'r-ok'].sort()).toEqual(unbilled);
      expect(await ids('invoiced')).toEqual(['r-invoiced']);
      expect(await ids('all')).toHaveLength(cases.length + 1);
    });
  });

  describe('filters and search', () => {
    beforeAll(() =>
      resetRows(
        db(),
        [
          appointmentRow('f-percent', { attendees: [{ id: 'cust-anne', name: 'Anne 100% Hansen', email: 'anne@example.dk' }] }),
          appointmentRow('f-underscore', { attendees: [{ id: 'cust-bo', name: 'Bo_Ek', email: 'bo@example.dk' }] }),
          appointmentRow('f-markup', {
            attendees: [{ id: 'cust-markup', name: '<b>Markup</b> & "Co" \\ x', email: 'markup@example.dk' }],
          }),
          appointmentRow('f-soren', {
            attendees: [
              { id: 'cust-soren', name: 'Søren Ærø', email: 'soren@example.dk' },
              { id: 'cust-group', name: 'Group Member', email: 'group@example.com' },
            ],
            service_id: 'svc-other',
            service_name: 'Massage Hansen-style',
            staff_member_ids: JSON.stringify(['staff-2', 'staff-10']),
          }),
          // 00:30 on 1 November in Copenhagen, still 31 October in UTC.
          appointmentRow('f-early', { start_utc: '2026-10-31T23:30:00.000Z', end_utc: '2026-11-01T00:30:00.000Z' }),
          // Midnight starting 16 November in Copenhagen.
          appointmentRow('f-late', { start_utc: '2026-11-15T23:00:00.000Z', end_utc: '2026-11-15T23:30:00.000Z' }),
          appointmentRow('f-other-business', { business_id: 'other@example.dk' }),
        ],
        [serviceLink('svc-linked'), serviceLink('svc-other')],
      ),
    );
    const ids = async (request: Partial<UnbilledRequestInput>) => (await query({ state: 'all', ...request })).rows.map((r) => r.id).sort();

    it('keeps to the business, whatever the letter case of its id', async () => {
      expect(await ids({ businessId: BUSINESS.toUpperCase() })).not.toContain('f-other-business');
      expect(await ids({})).toHaveLength(6);
    });

    it('takes %, _ and markup in the search literally', async () => {
      expect(await ids({ search: '%' })).toEqual(['f-percent']);
      expect(await ids({ search: '100%' })).toEqual(['f-percent']);
      expect(await ids({ search: '_' })).toEqual(['f-underscore']);
      expect(await ids({ search: '<b>markup</b>' })).toEqual(['f-markup']);
      expect(await ids({ search: '"co" \\' })).toEqual(['f-markup']);
    });

    it('searches names, emails and services in any letter case, every word', async () => {
      expect(await ids({ search: 'SØREN ærø' })).toEqual(['f-soren']);
      expect(await ids({ search: 'GROUP@example' })).toEqual(['f-soren']);
      expect(await ids({ search: 'massage' })).toEqual(['f-soren']);
      expect(await ids({ search: 'hansen' })).toEqual(['f-percent', 'f-soren']);
      expect(await ids({ search: 'søren bo_ek' })).toEqual([]);
      expect(await ids({ search: '  ' })).toHaveLength(6);
    });

    it('finds a customer by id, name or email, but not by service name', async () => {
      expect(await ids({ customer: 'cust-group' })).toEqual(['f-soren']);
      expect(await ids({ customer: 'cust-gr' })).toEqual([]);
      expect(await ids({ customer: 'HANSEN' })).toEqual(['f-percent']);
      expect(await ids({ customer: 'bo@example' })).toEqual(['f-underscore']);
      expect(await ids({ customer: '100%' })).toEqual(['f-percent']);
      expect(await ids({ customer: '"co"' })).toEqual(['f-markup']);
    });

    it('filters by service and by staff member (a whole id)', async () => {
      expect(await ids({ serviceId: 'svc-other' })).toEqual(['f-soren']);
      expect(await ids({ staffMemberId: 'staff-1' })).toHaveLength(5);
      expect(await ids({ staffMemberId: 'staff-10' })).toEqual(['f-soren']);
    });

    it('reads dates as whole days in the business time zone', async () => {
      expect(await ids({ from: '2026-11-01' })).toContain('f-early');
      expect(await ids({ to: '2026-10-31' })).toEqual([]);
      expect(await ids({ from: '2026-11-01', to: '2026-11-01' })).toEqual(['f-early']);
      expect(await ids({ from: '2026-11-15', to: '2026-11-15' })).toEqual([]);
      expect(await ids({ from: '2026-11-16', to: '2026-11-16' })).toEqual(['f-late']);
    });

    it('reads date-times as instants, the end excluded', async () => {
      expect(await ids({ from: '2026-10-31T23:30:00Z', to: '2026-10-31T23:30:01Z' })).toEqual(['f-early']);
      expect(await ids({ from: '2026-10-31T23:30:01Z', to: '2026-11-02T00:00:00+01:00' })).toEqual([]);
      expect(await ids({ from: '2026-11-01T00:30:00+01:00', to: '2026-11-01T00:30:00+01:00' })).toEqual([]);
      expect(await ids({ to: '2026-11-01T00:30:00+01:00' })).toEqual([]);
    });

    it('returns stored text as it is, markup included', async () => {
      const [row] = (await query({ search: 'markup' })).rows;
      expect(row?.customers).toEqual([{ customerId: 'cust-markup', name: '<b>Markup</b> & "Co" \\ x', email: 'markup@example.dk', timeZone: null }]);
    });
  });
});
