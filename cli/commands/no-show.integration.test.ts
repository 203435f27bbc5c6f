import { startCliFixture } from '../testing/cli-fixture';
import { shortId } from '../short-id';

const NOW = new Date('2026-12-01T09:00:00.000Z');

interface ListedRow {
  id: string;
  end: string;
  serviceName: string;
  customers: { name: string }[];
  noShow: boolean;
  state: string;
}

describe('npm run cli -- no-show (against the emulators, SQLite)', () => {
  it('marks an ended appointment as a no-show and undoes it, naming it in words; refuses one that has not ended', async () => {
    const { cli, close } = await startCliFixture({ name: 'no-show', now: NOW, seed: 7, daysBack: 4, daysAhead: 2 });
    try {
      expect((await cli(['sync'])).code).toBe(0);
      const rows = (JSON.parse((await cli(['unbilled', '--state', 'all', '--json'])).out) as { rows: ListedRow[] }).rows;
      const ended = rows.find((r) => r.state === 'unbilled' && Date.parse(r.end) < NOW.getTime() && r.customers.length > 0 && r.customers[0]!.name !== '')!;
      const later = rows.find((r) => r.state === 'unbilled' && Date.parse(r.end) > NOW.getTime())!;
      const short = shortId(ended.id);
      const customer = ended.customers[0]!.name;

      const marked = await cli(['no-show', short]);
      expect(marked).toMatchObject({ code: 0, err: '' });
      expect(marked.out).toMatch(
        new RegExp(`^Marked ${escape(ended.serviceName)} with .*${escape(customer)}.* on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} as a no-show\\n$`),
      );
      expect(marked.out).not.toContain(ended.id);
      expect(marked.out).not.toContain(short);
      expect((await cli(['no-show', short])).out).toMatch(/was marked as a no-show already\n$/);
      const listed = (JSON.parse((await cli(['unbilled', '--state', 'all', '--json'])).out) as { rows: ListedRow[] }).rows;
      expect(listed.find((r) => r.id === ended.id)!.noShow).toBe(true);

      const undone = await cli(['no-show', short, '--undo']);
      expect(undone).toMatchObject({ code: 0, out: expect.stringMatching(/ is no longer a no-show\n$/) });
      expect((await cli(['no-show', short, '--undo'])).out).toMatch(/was not marked as a no-show: nothing to undo\n$/);

      const refused = await cli(['no-show', shortId(later.id)]);
      expect(refused).toEqual({ code: 1, out: '', err: 'The appointment has not ended yet: it stays as it was\n' });
      expect((await cli(['no-show'])).code).toBe(2);
      expect((await cli(['help'])).out).toMatch(/no-show\s+Mark an ended appointment as a no-show/);
    } finally {
      await close();
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
