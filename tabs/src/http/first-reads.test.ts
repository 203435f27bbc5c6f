import { FakeApi, fakeRow } from './testing/fake-api';
import { withFirstReads } from './first-reads';
import { firstQueryForLink } from '../pages/unbilled/filter-state';

describe('withFirstReads', () => {
  it('asks the first reads at once and hands each answer to the first call that asks the same', async () => {
    const fake = new FakeApi([fakeRow(0), fakeRow(1)]);
    const query = firstQueryForLink('?customer=Kunde');
    const api = withFirstReads(fake, query);
    expect(fake.unbilledQueries).toEqual([query]);
    expect(fake.catalogCalls).toBe(1);

    await api.unbilled({ ...query });
    await api.catalog();
    expect(fake.unbilledQueries).toHaveLength(1);
    expect(fake.catalogCalls).toBe(1);

    // Once handed out, the same question goes to the server again, and so does another question.
    await api.unbilled(query);
    await api.unbilled({ ...query, offset: 50 });
    await api.catalog();
    expect(fake.unbilledQueries).toEqual([query, query, { ...query, offset: 50 }]);
    expect(fake.catalogCalls).toBe(2);
  });

  it('leaves every other call to the API it wraps', async () => {
    const fake = new FakeApi([fakeRow(0), fakeRow(1)]);
    const api = withFirstReads(fake, firstQueryForLink(null));
    await api.exclude(fake.rows[0]!.id);
    expect(fake.excluded).toEqual([fake.rows[0]!.id]);
  });

  it('reports a failed first read to the call it is handed to', async () => {
    const fake = new FakeApi([fakeRow(0), fakeRow(1)]);
    fake.setup = () => Promise.reject(new Error('setup is down'));
    const api = withFirstReads(fake, firstQueryForLink(null));
    await expect(api.setup()).rejects.toThrow('setup is down');
  });
});
