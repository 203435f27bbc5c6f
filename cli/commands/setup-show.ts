import { describeFailure } from '../../service/connections';
import { SETUP_LOOKUPS, type SetupLookupPath } from '../../service/setup/setup-lookups';
import type { Setup } from '../../service/setup/setup-schema';
import type { SetupTables } from '../../service/setup-tables';
import type { CliCommand, CommandContext } from '../cli-context';
import { EXIT } from '../cli-errors';
import { parseOptions } from '../parse-options';

const usage = 'npm run cli -- setup show [--json]';

/** `key = value` lines for a nested object, keys dotted as `setup set` takes them. */
/** A plain value as text ('' for anything else: no "[object Object]"). */
const plainText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';

export function settingLines(value: unknown, prefix = ''): string[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, v]) => settingLines(v, prefix ? `${prefix}.${key}` : key));
  }
  const shown = Array.isArray(value) ? value.join(', ') : plainText(value);
  return [`${prefix} = ${shown}`];
}

function valueAt(setup: Setup, path: SetupLookupPath): string {
  const [group, key] = path.split('.') as ['customerTemplate' | 'itemTemplate', string];
  const value: unknown = (setup[group] as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}

/** What each template value is called in Business Central, after its line: "# 14 DAGE – Netto 14 dage". */
export function lookupNotes(setup: Setup, tables: SetupTables): Map<SetupLookupPath, string> {
  const notes = new Map<SetupLookupPath, string>();
  for (const [path, { table, stores }] of Object.entries(SETUP_LOOKUPS) as [SetupLookupPath, (typeof SETUP_LOOKUPS)[SetupLookupPath]][]) {
    const value = valueAt(setup, path);
    if (value === '' || (table === 'currencies' && value.toUpperCase() === tables.localCurrency)) {
      notes.set(path, table === 'currencies' ? `local currency (${tables.localCurrency})` : "none: Business Central's template decides");
      continue;
    }
    const entry = tables.tables[table].find((e) => e[stores].toLowerCase() === value.toLowerCase());
    notes.set(path, entry ? [entry.code, entry.displayName].filter(Boolean).join(' – ') : 'not in Business Central: pick another');
  }
  return notes;
}

/** The names, or a line saying why there are none; a setup is shown even when Business Central is away. */
async function namesFromBusinessCentral(ctx: CommandContext, setup: Setup): Promise<{ notes: Map<SetupLookupPath, string>; problem?: string }> {
  const services = await ctx.services();
  const companyId = setup.companyId ?? ctx.config.bc.companyId ?? null;
  if (!companyId) return { notes: new Map() };
  try {
    return { notes: lookupNotes(setup, await services.setupTables.get(companyId)) };
  } catch (err) {
    return { notes: new Map(), problem: `# Names from Business Central are missing: ${describeFailure('businessCentral', err)}` };
  }
}

export const setupShowCommand: CliCommand = {
  name: 'setup show',
  summary: 'Show the setup of the configured Bookings business',
  usage,
  role: 'reader',
  async run(args, ctx) {
    const { values } = parseOptions(args, { json: { type: 'boolean' } }, usage);
    const services = await ctx.services();
    const stored = await services.setupService.get(services.businessId);
    if (values.json) {
      ctx.io.out(`${JSON.stringify(stored, null, 2)}\n`);
      return EXIT.ok;
    }
    const about =
      stored.version === 0
        ? '# Not saved yet: these are the defaults.'
        : `# Version ${stored.version}, saved ${stored.updatedAt ?? ''} by ${stored.updatedBy ?? 'unknown'}.`;
    const { notes, problem } = await namesFromBusinessCentral(ctx, stored.setup);
    const lines = settingLines(stored.setup).map((line) => {
      const path = line.slice(0, line.indexOf(' = '));
      const note = notes.get(path as SetupLookupPath);
      return note ? `${line}  # ${note}` : line;
    });
    ctx.io.out(`${[about, ...(problem ? [problem] : []), ...lines].join('\n')}\n`);
    return EXIT.ok;
  },
};
