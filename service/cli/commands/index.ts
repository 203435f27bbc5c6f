import type { CliCommand } from '../cli-context';
import { connectionsCommand } from './connections';
import { setupSetCommand } from './setup-set';
import { setupShowCommand } from './setup-show';
import { syncCommand } from './sync';
import { unbilledCommand } from './unbilled';

/** Every command, in the order `help` lists them. */
export const COMMANDS: readonly CliCommand[] = [syncCommand, unbilledCommand, setupShowCommand, setupSetCommand, connectionsCommand];
