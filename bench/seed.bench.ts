import { generateSandboxData } from '../sandbox/seed';
import { timed, type Benchmark } from './benchmark';

const APPOINTMENTS = 100_000;

export const seedBenchmark: Benchmark = {
  name: 'seed',
  async run() {
    const { value, ms } = await timed(() => generateSandboxData({ seed: 1, now: new Date(), scale: { appointments: APPOINTMENTS } }));
    const business = value.bookings.businesses[0];
    return [
      {
        benchmark: `Seed generation, ${APPOINTMENTS.toLocaleString('en')} appointments`,
        figure: Math.round(ms),
        unit: 'ms',
        notes: `${business?.appointments.length ?? 0} appointments, ${business?.customers.length ?? 0} customers, ${business?.staffMembers.length ?? 0} staff`,
      },
    ];
  },
};
