import { SetupService } from '../../setup/setup-service';
import type { CliCommand } from '../cli-context';
import { EXIT } from '../cli-errors';
import { parseOptions } from '../parse-options';

const usage = 'npm run cli -- setup show [--json]';

/** `key = value` lines for a nested object, keys dotted as `setup set` takes them. */
export function settingLines(value: unknown, prefix = ''): string[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, v]) => settingLines(v, prefix ? `${prefix}.${key}` : key));
  }
  const shown = Array.isArray(value) ? value.join(', ') : value === null || value === undefined ? '' : String(value);
  return [`${prefix} = ${shown}`];
}

export const setupShowCommand: CliCommand = {
  name: 'setup show',
  summary: 'Show the setup of the configured Bookings business',
  usage,
  role: 'reader',
  async run(args, ctx) {
    const { values } = parseOptions(args, { json: { type: 'boolean' } }, usage);
    const stored = await new SetupService((await ctx.store()).db).get(ctx.config.graph.businessId);
    if (values.json) {
      ctx.io.out(`${JSON.stringify(stored, null, 2)}\n`);
      return EXIT.ok;
    }
    const about =
      stored.version === 0
        ? '# Not saved yet: these are the defaults.'
        : `# Version ${stored.version}, saved ${stored.updatedAt ?? ''} by ${stored.updatedBy ?? 'unknown'}.`;
    ctx.io.out(`${[about, ...settingLines(stored.setup)].join('\n')}\n`);
    return EXIT.ok;
  },
};
