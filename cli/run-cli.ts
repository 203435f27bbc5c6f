import { clockOf, openAppServices } from '../service/app/app-services';
import { ConfigError, loadConfig, type Config } from '../service/config/config';
import type { Env } from '../service/config/env-files';
import { createLogger, type Logger } from '../service/logging/logger';
import type { CliCommand, CliIo, CommandContext } from './cli-context';
import { EXIT, FieldErrorsFailure, UsageError } from './cli-errors';
import { COMMANDS } from './commands';
import { cliActor } from './commands/cli-actor';
import { cliRoles } from './cli-roles';
import { actorOf, type Identity } from '../service/identity/identity';

export interface CliDeps {
  env: Env;
  /** Where env/ lives; the project root by default. */
  rootDir?: string;
  io: CliIo;
  signal?: AbortSignal;
  now?: () => Date;
  /** Where log lines go (stderr in a real run), so they never mix with a command's output. */
  logDestination?: { write(line: string): void };
  /** Who runs it: the operator at this machine (`cli:<os user>`) unless a caller names someone (tests). */
  identity?: Identity;
}

function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Configuration comes from env/.env.<APP_ENV> and the environment (see env/). LOG_LEVEL=debug shows stack traces.',
  ].join('\n');
}

/** The command named by the first one or two words, and the arguments after them. */
function findCommand(argv: readonly string[]): { command: CliCommand; args: readonly string[] } | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = COMMANDS.find((c) => c.name === name);
    if (command) return { command, args: argv.slice(words) };
  }
  return undefined;
}

/** The CLI as a function: the exit code; every problem is one line on stderr (a stack only at LOG_LEVEL=debug). */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const { io } = deps;
  if (argv.length === 0 || ['help', '--help', '-h'].includes(argv[0]!)) {
    io.out(`${helpText(COMMANDS)}\n`);
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`Unknown command ${JSON.stringify(argv.slice(0, 2).join(' '))}: run \`npm run cli -- help\` for the list\n`);
    return EXIT.usage;
  }

  let config: Config;
  try {
    config = loadConfig(deps.env, deps.rootDir);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.err(`${err.message}\n`);
    return EXIT.usage;
  }
  const debug = config.logLevel === 'debug' || config.logLevel === 'trace';
  // What users need (a failed run's error) is in the command's output; the internal log, with its
  // stack traces, only at LOG_LEVEL=debug.
  const logger: Logger = createLogger(debug ? config.logLevel : 'silent', deps.logDestination ?? { write: (line) => io.err(line) });

  let opened: ReturnType<typeof openAppServices> | undefined;
  const now = deps.now ?? clockOf(config);
  const context: CommandContext = {
    io,
    config,
    logger,
    services: async () => (await (opened ??= openAppServices({ config, logger, clock: now }))).services,
    signal: deps.signal ?? new AbortController().signal,
    now,
  };
  try {
    const identity: Identity = deps.identity ?? { kind: 'operator', name: cliActor() };
    const app = await context.services();
    const { setup } = await app.setupService.get(app.businessId);
    if (!(await cliRoles(identity, setup, deps.env, config, app.appRoleGrants())).includes(found.command.role)) {
      io.err(`${actorOf(identity)} may not ${found.command.name}: it needs the ${found.command.role} role\n`);
      return EXIT.forbidden;
    }
    return await found.command.run(found.args, context);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof FieldErrorsFailure) {
      io.err(`${err.message}\n`);
      return EXIT.usage;
    }
    io.err(`${debug && err instanceof Error && err.stack ? err.stack : `Error: ${oneLine(err)}`}\n`);
    return EXIT.failed;
  } finally {
    if (opened) await opened.then((app) => app.close()).catch(() => undefined);
  }
}

function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s+/g, ' ').trim() || 'unknown error';
}
