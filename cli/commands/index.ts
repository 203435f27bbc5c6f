import type { CliCommand } from '../cli-context';
import { connectionsCommand } from './connections';
import { setupSetCommand } from './setup-set';
import { setupShowCommand } from './setup-show';
import { syncCommand } from './sync';
import { unbilledCommand } from './unbilled';
import { invoiceCommand } from './invoice';
import { runsCommand, runsShowCommand } from './runs';
import { paymentsCommand } from './payments';
import { excludeCommand, includeCommand } from './exclude';
import { noShowCommand } from './no-show';
import { linkAppointmentCommand, linkCustomerCommand, linkServiceCommand } from './link';

/** Every command, in the order `help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  syncCommand,
  unbilledCommand,
  setupShowCommand,
  setupSetCommand,
  connectionsCommand,
  invoiceCommand,
  runsCommand,
  runsShowCommand,
  paymentsCommand,
  excludeCommand,
  includeCommand,
  noShowCommand,
  linkServiceCommand,
  linkCustomerCommand,
  linkAppointmentCommand,
];
