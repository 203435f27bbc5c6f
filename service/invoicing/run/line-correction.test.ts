import { lineCorrection } from './invoice-body';

const want = { bc: { quantity: 1, unitPrice: 450 }, description: 'Klipning 2. nov. 09:00' };

describe("a draft line's correction", () => {
  it("is matched on the line's etag as Business Central requires", () => {
    expect(lineCorrection('inv-1', { id: 'line-1', etag: 'W/"l1"' }, want)).toEqual({
      method: 'PATCH',
      path: 'salesInvoices(inv-1)/salesInvoiceLines(line-1)',
      body: { quantity: 1, unitPrice: 450, description: 'Klipning 2. nov. 09:00' },
      ifMatch: 'W/"l1"',
    });
  });

  it('is matched with * when the line came without an etag (OData may leave it off an expanded line), never sent without If-Match', () => {
    expect(lineCorrection('inv-1', { id: 'line-1' }, want).ifMatch).toBe('*');
  });
});
