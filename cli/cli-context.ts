import type { Config } from '../service/config/config';
import type { Logger } from '../service/logging/logger';
import type { Role } from '../contract/api-contract';
import type { AppServices } from '../service/app/app-services';

/** Where a command writes; tests capture it. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal (progress bars) and how wide. */
  isTty: boolean;
  columns: number;
}

/** What a command may use; the store and clients open on first use, so `help` needs neither. */
export interface CommandContext {
  io: CliIo;
  config: Config;
  logger: Logger;
  /** The use cases (the façade), opened on first use: no command touches the store or a client itself. */
  services(): Promise<AppServices>;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  now: () => Date;
}

export interface CliCommand {
  /** One or two words: `sync`, `setup show`. */
  name: string;
  summary: string;
  usage: string;
  /** The role the command needs, checked with the one rule before it runs. */
  role: Role;
  run(args: readonly string[], context: CommandContext): Promise<number>;
}
