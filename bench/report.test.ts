import {
  invoiceRunBoundMs,
  judge,
  pagingBoundMs,
  percentile,
  renderMarkdown,
  replaceBetweenMarkers,
  README_BEGIN,
  README_END,
  type BenchResults,
} from './report';

describe('the bench bounds', () => {
  it('prices an invoice run as operations x service time over the slots plus the round trips', () => {
    // Issue 14's example: 1,984 invoices, 5 ms, 5 slots, 4 round trips + 2 read-back pages at 25 ms.
    expect(invoiceRunBoundMs({ operations: 1984, serviceTimeMs: 5, slots: 5, roundTrips: 6, latencyMs: 25 })).toBe(2134);
  });

  it('prices a sync as pages x latency over the mailbox concurrency', () => {
    expect(pagingBoundMs({ pages: 990, latencyMs: 25, concurrent: 4 })).toBe(6187.5);
  });

  it('takes the nearest-rank percentile', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(values, 50)).toBe(10);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile([7], 95)).toBe(7);
  });
});

describe('judging a figure', () => {
  it('passes a value goal that holds', () => {
    expect(judge({ scenario: 'list', name: 'first page', value: 12, unit: 'ms', goal: { on: 'value', op: '<', limit: 30 } })).toMatchObject({
      verdict: 'pass',
    });
  });

  it('says by how much a value goal is missed', () => {
    const figure = judge({ scenario: 'list', name: 'first page', value: 90, unit: 'ms', goal: { on: 'value', op: '<', limit: 30 } });
    expect(figure).toMatchObject({ verdict: 'miss', missedBy: '90 ms against < 30 ms: 60 ms (3x) off' });
  });

  it('judges a ratio goal on figure / reference', () => {
    const figure = judge({
      scenario: 'invoice run',
      name: 'wall',
      value: 5000,
      unit: 'ms',
      reference: { kind: 'bound', label: 'b', value: 2000 },
      goal: { on: 'ratio', op: '<=', limit: 1.25 },
    });
    expect(figure).toMatchObject({ ratio: 2.5, verdict: 'miss', missedBy: 'ratio 2.5 against <= 1.25: 2x off' });
  });

  it('leaves a figure without a goal as information, with its ratio', () => {
    expect(judge({ scenario: 's', name: 'n', value: 10, unit: 'ms', reference: { kind: 'baseline', label: 'b', value: 40 } })).toEqual(
      expect.objectContaining({ ratio: 0.25, verdict: 'info' }),
    );
  });
});

describe('the README table', () => {
  const results: BenchResults = {
    startedAt: '2026-12-05T03:00:00.000Z',
    finishedAt: '2026-12-05T03:09:00.000Z',
    machine: { cpu: 'Test CPU', cores: 2, node: 'v20.19.0', os: 'Debian', memoryGb: 23 },
    settings: { latencyMs: 25 },
    scenarios: ['list'],
    failures: [],
    figures: [
      judge({ scenario: 'list, SQLite', name: 'first page | p95', value: 1234.5, unit: 'ms', goal: { on: 'value', op: '<', limit: 30 } }),
      judge({ scenario: 'invoice run', name: 'wall', value: 1000, unit: 'ms', reference: { kind: 'bound', label: '200 operations', value: 500 } }),
    ],
  };

  it('has a line per figure, the machine, and a line per missed goal', () => {
    expect(renderMarkdown(results).split('\n')).toEqual([
      '| scenario | figure | value | bound or baseline | ratio | goal | verdict |',
      '|---|---|---:|---|---:|---|---|',
      '| list, SQLite | first page \\| p95 | 1,235 ms |  |  | < 30 ms | miss |',
      '| invoice run | wall | 1,000 ms | bound 500 ms: 200 operations | 2 |  | info |',
      '',
      'Machine: Test CPU, 2 cores, 23 GB, Node v20.19.0, Debian. Run 2026-12-05T03:00:00.000Z to 2026-12-05T03:09:00.000Z (list). Emulators: latencyMs 25.',
      '',
      '- Missed: list, SQLite, first page | p95: 1,235 ms against < 30 ms: 1,205 ms (41.15x) off.',
      '',
    ]);
  });

  it('replaces only what is between the markers', () => {
    const readme = `# Title\n\n${README_BEGIN}\nold table\n${README_END}\n\n## Next\n`;
    expect(replaceBetweenMarkers(readme, 'new table\n')).toBe(`# Title\n\n${README_BEGIN}\n\nnew table\n\n${README_END}\n\n## Next\n`);
  });

  it('refuses a README without the markers', () => {
    expect(() => replaceBetweenMarkers('# Title\n', 'table')).toThrow(/markers/);
  });
});
