import { exportPath } from './export-path';
import { attachmentName } from './http-api';

describe('export paths', () => {
  it('name each export with the language; the Unbilled one carries the whole filter, not the page', () => {
    expect(exportPath({ kind: 'runs' }, 'da')).toBe('/api/export/invoice-runs?lang=da');
    expect(exportPath({ kind: 'run-invoices', runId: 'a/b' }, 'en')).toBe('/api/export/invoice-runs/a%2Fb/invoices?lang=en');
    expect(exportPath({ kind: 'audit' }, 'en')).toBe('/api/export/audit?lang=en');
    expect(
      exportPath(
        {
          kind: 'unbilled',
          query: { state: 'unbilled', search: 'Ærø & co', sort: 'customer', direction: 'desc', offset: 50, limit: 50, after: 'cursor', customer: '' },
        },
        'da',
      ),
    ).toBe('/api/export/unbilled?state=unbilled&search=%C3%86r%C3%B8+%26+co&sort=customer&direction=desc&lang=da');
  });

  it("reads the file's name from Content-Disposition, its UTF-8 form first", () => {
    expect(attachmentName(`attachment; filename="ikke-fakturerede.csv"; filename*=UTF-8''ikke-fakturerede-%C3%A6.csv`, 'x.csv')).toBe('ikke-fakturerede-æ.csv');
    expect(attachmentName('attachment; filename="runs.csv"', 'x.csv')).toBe('runs.csv');
    expect(attachmentName(null, 'x.csv')).toBe('x.csv');
  });
});
