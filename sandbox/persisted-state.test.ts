import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBcEmulator } from './bc';
import { createGraphEmulator } from './graph';
import { keepSandboxState, readSandboxState } from './persisted-state';
import { generateSandboxData, SANDBOX_COMPANY_ID } from './seed';

const NOW = new Date('2026-11-25T10:00:00Z');
const SCALE = { customers: 12, staff: 2, daysBack: 5, daysAhead: 1 };

describe('sandbox state across restarts', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-state-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a restarted sandbox continues with the items, invoices, numbers and appointments it had, not a fresh seed', () => {
    const file = path.join(dir, 'bookings.db.sandbox.json');
    const first = generateSandboxData({ seed: 1, now: NOW, scale: SCALE });
    const graph = createGraphEmulator(first.bookings, { token: 't' });
    const bc = createBcEmulator(first.bc, { token: 't' });
    const company = bc.state.company(SANDBOX_COMPANY_ID)!;
    // What a session changes: an item created by a sync, an invoice numbered, an appointment gone.
    company.items.push({ ...company.items[0]!, id: 'item-made-by-sync', number: 'I-SYNC', displayName: 'Made by sync' });
    company.lastNumbers.draftInvoice = 'S-INV109999';
    const gone = graph.exportSeed().businesses[0]!.appointments[0]!.id;
    const keeper = keepSandboxState(file, () => ({
      bookings: { businesses: graph.exportSeed().businesses.map((b) => ({ ...b, appointments: b.appointments.filter((a) => a.id !== gone) })) },
      bc: bc.state.snapshot(),
    }));
    keeper.stop();

    // The next start seeds around another day, but continues from the file.
    const saved = readSandboxState(file)!;
    const restartedBc = createBcEmulator(generateSandboxData({ seed: 1, now: new Date('2026-12-01T10:00:00Z'), scale: SCALE }).bc, { token: 't' });
    restartedBc.state.restore(saved.bc);
    const restartedGraph = createGraphEmulator(saved.bookings, { token: 't' });
    const restartedCompany = restartedBc.state.company(SANDBOX_COMPANY_ID)!;
    expect(restartedCompany.items.map((i) => i.id)).toContain('item-made-by-sync');
    expect(restartedCompany.lastNumbers.draftInvoice).toBe('S-INV109999');
    const appointments = restartedGraph.exportSeed().businesses[0]!.appointments;
    expect(appointments.map((a) => a.id)).not.toContain(gone);
    expect(appointments.map((a) => a.id).sort()).toEqual(
      graph
        .exportSeed()
        .businesses[0]!.appointments.map((a) => a.id)
        .filter((id) => id !== gone)
        .sort(),
    );
  });

  it('a state saved before the emulator served set-up tables continues with the seeded ones', () => {
    const data = generateSandboxData({ seed: 1, now: NOW, scale: SCALE });
    const snapshot = createBcEmulator(data.bc, { token: 't' }).state.snapshot();
    for (const company of snapshot.companies.values()) delete (company as { setupTables?: unknown }).setupTables;
    const restarted = createBcEmulator(data.bc, { token: 't' });
    restarted.state.restore(snapshot);
    expect(restarted.state.company(SANDBOX_COMPANY_ID)?.setupTables.paymentTerms.map((t) => t.code)).toContain('14 DAGE');
  });

  it('without a file, there is nothing to continue from', () => {
    expect(readSandboxState(path.join(dir, 'none.json'))).toBeUndefined();
  });
});
