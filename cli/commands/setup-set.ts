import { parseSettingAssignments } from '../../service/setup/parse-setting';
import type { CliCommand } from '../cli-context';
import { EXIT, FieldErrorsFailure, UsageError } from '../cli-errors';
import { parseOptions } from '../parse-options';

const usage = 'npm run cli -- setup set key=value ... (e.g. syncIntervalMinutes=30 dailySummary.time=07:00)';

export const setupSetCommand: CliCommand = {
  name: 'setup set',
  summary: 'Change settings: key=value ..., keys as `setup show` lists them',
  usage,
  role: 'admin',
  async run(args, ctx) {
    const { positionals } = parseOptions(args, {}, usage, true);
    if (positionals.length === 0) throw new UsageError(`Name at least one setting. Usage: ${usage}`);
    const parsed = parseSettingAssignments(positionals);
    if (!parsed.ok) throw new FieldErrorsFailure(parsed.errors);
    const services = await ctx.services();
    const result = await services.setupService.update(services.businessId, parsed.patch, 'cli', undefined, 'cli');
    if (!result.ok) {
      if (result.reason === 'invalid') throw new FieldErrorsFailure(result.fields);
      ctx.io.err(`Someone else saved the setup at the same time (version ${result.currentVersion}): run the command again\n`);
      return EXIT.failed;
    }
    ctx.io.out(
      result.changed.length === 0
        ? 'Nothing changed: the settings already had these values\n'
        : `Saved version ${result.version}: changed ${result.changed.join(', ')}\n`,
    );
    return EXIT.ok;
  },
};
