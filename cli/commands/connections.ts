import type { CliCommand } from '../cli-context';
import { EXIT } from '../cli-errors';
import { parseOptions } from '../parse-options';

const usage = 'npm run cli -- connections [--json]';

/** "Test connection" from the command line. */
export const connectionsCommand: CliCommand = {
  name: 'connections',
  summary: 'Test the connections to Bookings and Business Central and say what to fix',
  usage,
  // As the tab's Test connection (admin): it names the companies and businesses to choose from.
  role: 'admin',
  async run(args, ctx) {
    const { values } = parseOptions(args, { json: { type: 'boolean' } }, usage);
    const services = await ctx.services();
    // The saved company, else BC_COMPANY_ID: with neither, the check lists the companies to pick from.
    const result = await services.testConnections((await services.currentSetup()).companyId);
    const ok = result.bookings.ok && result.businessCentral.ok;
    if (values.json) {
      ctx.io.out(`${JSON.stringify(result, null, 2)}\n`);
      return ok ? EXIT.ok : EXIT.failed;
    }
    const b = result.bookings;
    const c = result.businessCentral;
    const lines = [
      `Bookings:         ${b.ok ? `OK, ${b.businessName ?? ctx.config.graph.businessId}${b.currency ? ` (${b.currency})` : ''}` : 'NOT OK'}`,
      ...b.problems.map((p) => `  problem: ${p}`),
      ...b.warnings.map((w) => `  warning: ${w}`),
      `Business Central: ${c.ok ? `OK, ${c.companyName ?? ''}${c.localCurrency ? ` (local currency ${c.localCurrency})` : ''}` : 'NOT OK'}`,
      ...c.problems.map((p) => `  problem: ${p}`),
      ...c.warnings.map((w) => `  warning: ${w}`),
      ...c.notes.map((n) => `  note: ${n}`),
    ];
    ctx.io.out(`${lines.join('\n')}\n`);
    return ok ? EXIT.ok : EXIT.failed;
  },
};
