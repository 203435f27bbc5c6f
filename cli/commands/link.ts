import type { StoredNames } from '../../service/catalog/stored-names';
import { isRefusal, type AppointmentLinkChoice, type LinkChoice, type LinkOutcome } from '../../service/links';
import type { CliCommand, CommandContext } from '../cli-context';
import { EXIT, UsageError } from '../cli-errors';
import { parseOptions } from '../parse-options';
import { cliActor } from './cli-actor';
import { resolveId } from './exclude';
import { resolveServiceId } from './resolve-service';

/*
 * The Unbilled page's link fixes for a terminal: a Bookings service to a Business Central item, a
 * Bookings customer to a Business Central customer, by the numbers people know them by.
 */

const serviceUsage = 'npm run cli -- link service SERVICE (--item NUMBER | --create)   (SERVICE: its name or part of it)';
const appointmentUsage =
  'npm run cli -- link appointment ID (--customer NUMBER | --create NAME)   (ID: the short id `unbilled` shows, of an appointment without a customer)';
const customerUsage = "npm run cli -- link customer CUSTOMER (--customer NUMBER | --create)   (CUSTOMER: the Bookings customer's name)";

function oneName(positionals: readonly string[], usage: string): string {
  const text = positionals.join(' ').trim();
  if (text === '') throw new UsageError(`Name what to link. Usage: ${usage}`);
  return text;
}

function exactlyOne(number: string | undefined, create: boolean | undefined, option: string, usage: string): void {
  if ((number === undefined) === !create) throw new UsageError(`Give either --${option} NUMBER or --create. Usage: ${usage}`);
}

/** A Bookings customer by id or name (whole name first, then part of it); one must match. */
async function resolveCustomerId(names: Pick<StoredNames, 'customers'>, text: string): Promise<string> {
  const customers = await names.customers();
  if (customers.some((c) => c.id === text)) return text;
  const needle = text.toLowerCase();
  const exact = customers.filter((c) => c.displayName.trim().toLowerCase() === needle);
  const matches = exact.length > 0 ? exact : customers.filter((c) => c.displayName.toLowerCase().includes(needle));
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length === 0) throw new UsageError(`No Bookings customer is called ${JSON.stringify(text)} (run a sync first if the list is empty)`);
  throw new UsageError(`${JSON.stringify(text)} matches ${matches.length} Bookings customers: be more precise`);
}

function report(ctx: CommandContext, outcome: LinkOutcome, what: string, kind: string): number {
  if (!outcome.ok) {
    ctx.io.err(`${outcome.message}\n`);
    return EXIT.failed;
  }
  const { number, displayName, created, appointments } = outcome.result;
  ctx.io.out(`${what} is linked to ${created ? 'the new ' : ''}${kind} ${number} ${displayName} (${appointments} unbilled appointments)\n`);
  return EXIT.ok;
}

const appServices = (ctx: CommandContext) => ctx.services();

export const linkServiceCommand: CliCommand = {
  name: 'link service',
  summary: 'Link a Bookings service to a Business Central item (by number), or create one from the item template',
  usage: serviceUsage,
  role: 'admin',
  async run(args, ctx) {
    const { values, positionals } = parseOptions(args, { item: { type: 'string' }, create: { type: 'boolean' } }, serviceUsage, true);
    exactlyOne(values.item, values.create, 'item', serviceUsage);
    const services = await appServices(ctx);
    const serviceId = await resolveServiceId(services.names, oneName(positionals, serviceUsage));
    let choice: LinkChoice = { kind: 'create' };
    if (values.item !== undefined) {
      const number = values.item.trim();
      const choices = await services.linking.serviceChoices({ serviceId, search: number });
      if (isRefusal(choices)) return report(ctx, choices, '', 'item');
      if (!('service' in choices)) throw new Error('unexpected link outcome');
      const item = choices.items.find((i) => i.number.toLowerCase() === number.toLowerCase());
      if (item === undefined) {
        ctx.io.err(`Business Central has no Service item numbered ${JSON.stringify(number)} that is not blocked\n`);
        return EXIT.failed;
      }
      choice = { kind: 'existing', id: item.id };
    }
    const name = (await services.names.services()).find((s) => s.id === serviceId)?.displayName ?? serviceId;
    return report(ctx, await services.linking.linkService({ serviceId, choice, actor: cliActor(), source: 'cli' }), name, 'item');
  },
};

export const linkCustomerCommand: CliCommand = {
  name: 'link customer',
  summary: 'Link a Bookings customer to a Business Central customer (by number), or create one from the customer template',
  usage: customerUsage,
  role: 'admin',
  async run(args, ctx) {
    const { values, positionals } = parseOptions(args, { customer: { type: 'string' }, create: { type: 'boolean' } }, customerUsage, true);
    exactlyOne(values.customer, values.create, 'customer', customerUsage);
    const services = await appServices(ctx);
    const customerId = await resolveCustomerId(services.names, oneName(positionals, customerUsage));
    let choice: LinkChoice = { kind: 'create' };
    if (values.customer !== undefined) {
      const number = values.customer.trim();
      const choices = await services.linking.customerChoices({ customerId, search: number });
      if (isRefusal(choices)) return report(ctx, choices, '', 'customer');
      if (!('customer' in choices)) throw new Error('unexpected link outcome');
      const customer = choices.customers.find((c) => c.number.toLowerCase() === number.toLowerCase());
      if (customer === undefined) {
        ctx.io.err(`Business Central has no customer numbered ${JSON.stringify(number)}\n`);
        return EXIT.failed;
      }
      choice = { kind: 'existing', id: customer.id };
    }
    const name = (await services.names.customers()).find((c) => c.id === customerId)?.displayName ?? customerId;
    return report(ctx, await services.linking.linkCustomer({ customerId, choice, actor: cliActor(), source: 'cli' }), name, 'customer');
  },
};

export const linkAppointmentCommand: CliCommand = {
  name: 'link appointment',
  summary: 'Invoice an appointment without a customer to a Business Central customer (by number), or to a new one by name',
  usage: appointmentUsage,
  role: 'admin',
  async run(args, ctx) {
    const { values, positionals } = parseOptions(args, { customer: { type: 'string' }, create: { type: 'string' } }, appointmentUsage, true);
    if ((values.customer === undefined) === (values.create === undefined))
      throw new UsageError(`Give either --customer NUMBER or --create NAME. Usage: ${appointmentUsage}`);
    const appointmentId = await resolveId(ctx, oneName(positionals, appointmentUsage));
    if (appointmentId === null) return EXIT.failed;
    const services = await appServices(ctx);
    let choice: AppointmentLinkChoice = { kind: 'create', name: (values.create ?? '').trim() };
    if (choice.kind === 'create' && choice.name === '') throw new UsageError(`Name the new customer. Usage: ${appointmentUsage}`);
    if (values.customer !== undefined) {
      const number = values.customer.trim();
      const choices = await services.linking.appointmentCustomerChoices({ appointmentId, search: number });
      if (isRefusal(choices)) return report(ctx, choices, '', 'customer');
      if (!('customer' in choices)) throw new Error('unexpected link outcome');
      const customer = choices.customers.find((c) => c.number.toLowerCase() === number.toLowerCase());
      if (customer === undefined) {
        ctx.io.err(`Business Central has no customer numbered ${JSON.stringify(number)}\n`);
        return EXIT.failed;
      }
      choice = { kind: 'existing', id: customer.id };
    }
    const outcome = await services.linking.linkAppointmentCustomer({ appointmentId, choice, actor: cliActor(), source: 'cli' });
    if (!outcome.ok) return report(ctx, outcome, '', 'customer');
    const { number, displayName, created } = outcome.result;
    ctx.io.out(`The appointment will be invoiced to ${created ? 'the new ' : ''}customer ${number} ${displayName}\n`);
    return EXIT.ok;
  },
};
