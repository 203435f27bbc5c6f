import { API, pathOf, queryString } from './endpoints';

describe('the endpoint table', () => {
  it('fills path parameters one segment each', () => {
    expect(pathOf(API.runInvoices, { id: 'a/b?c' })).toBe('/api/invoice-runs/a%2Fb%3Fc/invoices');
    expect(pathOf(API.me, {})).toBe('/api/me');
  });

  it('leaves empty values out of a query string', () => {
    expect(queryString({ state: 'all', search: '', customer: undefined, from: null, limit: 50 })).toBe('?state=all&limit=50');
    expect(queryString({})).toBe('');
    expect(queryString(undefined)).toBe('');
  });

  it('gives every body-less GET no body schema, and every change a strict body schema', () => {
    for (const endpoint of Object.values(API)) {
      if (endpoint.method === 'GET') expect('body' in endpoint).toBe(false);
      else expect(endpoint).toHaveProperty('body');
    }
  });
});
