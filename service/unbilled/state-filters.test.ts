import { STATE_FILTERS, unbilledRequestSchema } from './unbilled-schemas';

describe('the state filter', () => {
  it('names each allowed state once when refusing one', () => {
    const refused = unbilledRequestSchema.safeParse({ businessId: 'clinic@example.dk', state: 'billed' });
    const message = refused.error?.issues[0]?.message ?? '';
    const listed = message.replace(/^Use one of /, '').split(', ');
    expect(listed).toEqual([...new Set(listed)]);
    expect(new Set(listed)).toEqual(new Set(['invoiceable', 'not-invoiceable', 'all', 'unbilled', 'claimed', 'invoiced', 'excluded', 'cancelled']));
    expect(STATE_FILTERS).toHaveLength(listed.length);
  });

  it('still takes unbilled, both ready and blocked rows', () => {
    expect(unbilledRequestSchema.parse({ businessId: 'clinic@example.dk', state: 'unbilled' }).state).toBe('unbilled');
  });
});
