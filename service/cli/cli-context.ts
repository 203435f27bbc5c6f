import type { Clients } from '../clients/create-clients';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { Role } from '../../contract/api-contract';
import type { AppStore } from '../store';

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
  store(): Promise<AppStore>;
  clients(): Clients;
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
