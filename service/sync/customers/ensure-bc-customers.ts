import type { Clock } from '../../domain/clock';
import type { Kysely } from 'kysely';
import { odataGuid, or } from '../../clients/business-central/odata-filter';
import type { BusinessCentralClient } from '../../clients/business-central/business-central-client';
import { customerSchema, type Customer } from '../../clients/business-central/schemas/customer';
import type { Logger } from '../../logging/logger';
import type { CustomerTemplate } from '../../setup/setup-schema';
import type { Database } from '../../store/database';
import { inPool } from '../../clients/http/in-pool';
import { chunk } from '../../domain/chunks';
import { createInBatches } from './bc-batch-create';
import { recountCustomersBlocked } from '../../appointments/blocked-customers';
import { findCreatedCustomers, loadBcCustomerIndex, type BcCustomerIndex } from './bc-customer-index';
import { emailFitsBc } from './bc-text';
import { customerCreateBody } from './customer-create-body';
import { customerCreateToken, withCustomerCreateLease } from './customer-create-lease';
import { blockedFlagChanges, readCustomerLinks, writeCustomerLinks, type CustomerLinkUpdate } from './customer-links';
import { normalizeEmail } from './email-addresses';
import { isBlockedForInvoicing } from './invoicing-block';
import { LINK_NOTES, SKIP_REASONS } from './skip-reasons';

export interface EnsureBcCustomersDeps {
  db: Kysely<Database>;
  /** Bound to the setup's company. */
  bc: BusinessCentralClient;
  /** Lower-cased Bookings business id. */
  businessId: string;
  setup: { customerTemplate: CustomerTemplate };
  logger?: Logger;
  /** When link rows are written, and the creation lease's expiry. */
  clock: Clock;
  signal?: AbortSignal;
}

export interface CustomerToEnsure {
  bookingsCustomerId?: string;
  name: string;
  email: string;
}

export type EnsuredCustomer = { bcCustomerId: string; bcCustomerNumber: string } | { error: string };

/** Ids per `$filter` request when checking stored links: keeps the URL short. */
const IDS_PER_FILTER = 15;
/**
 * Requests the check of stored links by id may take; beyond them every customer is read instead. An
 * invoice run for 6,900 customers, all linked, would look them up in 461 requests one after another
 * (11.5 s of latency alone at the bench's 25 ms, minutes at a tenant's), where reading all 10,500
 * customers of the bench's company takes 11 pages.
 */
const MOST_LINK_CHECKS = 8;
/** Look-ups by id sent at once: Business Central processes 5 requests per user at a time. */
const LINK_CHECKS_AT_ONCE = 5;

interface Group {
  email: string;
  name: string;
  bookingsCustomerIds: string[];
  linkedBcId: string | undefined;
}

/**
 * A Business Central customer for every email (no invoice without its customer): the stored link
 * when its customer still exists, else the customer listing the address (any type, case-insensitive,
 * any of its addresses), else a new one from the customer template (without an email too long for
 * Business Central: then only the link finds it again, so it needs a Bookings customer id). Business
 * Central customers are read by paging once, or, when every email already has a link, only those by
 * id. Links record whether their customer is blocked for invoicing (a blocked one is still answered:
 * Business Central refuses its invoice, which fails alone). Answers per normalized email; customers
 * without an email are answered under the key ''.
 */
export async function ensureBcCustomers(deps: EnsureBcCustomersDeps, customers: readonly CustomerToEnsure[]): Promise<Map<string, EnsuredCustomer>> {
  const result = new Map<string, EnsuredCustomer>();
  const groups = new Map<string, Group>();
  for (const customer of customers) {
    const email = normalizeEmail(customer.email);
    if (email === null) {
      result.set('', { error: SKIP_REASONS.noEmail });
      continue;
    }
    const group = groups.get(email) ?? { email, name: customer.name, bookingsCustomerIds: [], linkedBcId: undefined };
    // Attendees of several appointments repeat: one link row per Bookings customer.
    if (customer.bookingsCustomerId !== undefined && !group.bookingsCustomerIds.includes(customer.bookingsCustomerId)) {
      group.bookingsCustomerIds.push(customer.bookingsCustomerId);
    }
    groups.set(email, group);
  }
  if (groups.size === 0) return result;

  const links = await readCustomerLinks(
    deps.db,
    deps.businessId,
    [...groups.values()].flatMap((g) => g.bookingsCustomerIds),
  );
  for (const group of groups.values())
    group.linkedBcId = group.bookingsCustomerIds.map((id) => links.get(id)?.bc_customer_id ?? undefined).find((id) => id !== undefined);

  // Read before Business Central is: a creator at work now or later makes the index be read again under the lease.
  const seen = await customerCreateToken(deps.db, deps.clock, deps.businessId);
  const linkedOnly = await loadLinkedOnly(deps.bc, [...groups.values()]);
  const fullIndex = linkedOnly ?? (await loadBcCustomerIndex(deps.bc)).index;

  const updates: CustomerLinkUpdate[] = [];
  const toCreate: Group[] = [];
  for (const group of groups.values()) {
    const existing = (group.linkedBcId ? fullIndex.byId(group.linkedBcId) : undefined) ?? fullIndex.byEmail(group.email);
    if (existing) {
      result.set(group.email, { bcCustomerId: existing.id, bcCustomerNumber: existing.number });
      const bcBlocked = isBlockedForInvoicing(existing);
      for (const id of group.bookingsCustomerIds) {
        const link = links.get(id);
        const same = link?.bc_customer_id === existing.id;
        if (same && link.bc_blocked === (bcBlocked ? 1 : 0)) continue;
        updates.push({
          bookingsCustomerId: id,
          kind: 'linked',
          bcCustomerId: existing.id,
          bcCustomerNumber: existing.number,
          createdByUs: same && link.created_by_us === 1,
          bcBlocked,
          note: same ? link.note : null,
        });
      }
    } else if (!emailFitsBc(group.email) && group.bookingsCustomerIds.length === 0) {
      result.set(group.email, { error: SKIP_REASONS.emailTooLong });
    } else toCreate.push(group);
  }
  await writeCustomerLinks(deps.db, deps.businessId, updates, deps.clock());
  const blockChanged = blockedFlagChanges(links, updates);

  if (toCreate.length > 0) {
    await withCustomerCreateLease(
      deps.db,
      deps.clock,
      deps.businessId,
      (lease) =>
        createMissing(deps, toCreate, {
          result,
          links,
          blockChanged,
          renew: lease.renew,
          // The index above is complete (no group was found by its link alone) and nobody created customers since it was read.
          index: linkedOnly === undefined && !lease.createdByOthersSince(seen) ? fullIndex : undefined,
        }),
      deps.signal,
    );
  }
  await recountCustomersBlocked(deps.db, deps.businessId, blockChanged);
  deps.logger?.debug({ customers: groups.size, created: toCreate.length }, 'Business Central customers ensured');
  return result;
}

interface CreateState {
  result: Map<string, EnsuredCustomer>;
  links: Awaited<ReturnType<typeof readCustomerLinks>>;
  blockChanged: ReturnType<typeof blockedFlagChanges>;
  renew: () => Promise<void>;
  /** Every customer as read before the lease, when still current; else they are read again. */
  index: BcCustomerIndex | undefined;
}

/**
 * Under the lease: looks again (another run may have created some of these customers while this
 * one waited: its links, or Business Central listing the email), then creates the rest. Business
 * Central is read again only when another creator held the lease since it was read.
 */
async function createMissing(deps: EnsureBcCustomersDeps, candidates: readonly Group[], state: CreateState): Promise<void> {
  const { result, links, blockChanged } = state;
  const fresh = await readCustomerLinks(
    deps.db,
    deps.businessId,
    candidates.flatMap((g) => g.bookingsCustomerIds),
  );
  const index = state.index ?? (await loadBcCustomerIndex(deps.bc)).index;
  const updates: CustomerLinkUpdate[] = [];
  const toCreate: Group[] = [];
  for (const group of candidates) {
    const linkedId = group.bookingsCustomerIds.map((id) => fresh.get(id)?.bc_customer_id ?? undefined).find((id) => id !== undefined);
    const existing = (linkedId ? index.byId(linkedId) : undefined) ?? index.byEmail(group.email);
    if (existing === undefined) {
      toCreate.push(group);
      continue;
    }
    result.set(group.email, { bcCustomerId: existing.id, bcCustomerNumber: existing.number });
    for (const id of group.bookingsCustomerIds) {
      if (fresh.get(id)?.bc_customer_id === existing.id) continue;
      updates.push({
        bookingsCustomerId: id,
        kind: 'linked',
        bcCustomerId: existing.id,
        bcCustomerNumber: existing.number,
        createdByUs: false,
        bcBlocked: isBlockedForInvoicing(existing),
        note: null,
      });
    }
  }
  await writeCustomerLinks(deps.db, deps.businessId, updates, deps.clock());
  blockChanged.push(...blockedFlagChanges(links, updates));
  if (toCreate.length === 0) return;

  const byEmail = new Map(toCreate.map((g) => [g.email, g]));
  const bodies = new Map(toCreate.map((g) => [g.email, customerCreateBody(g.name, g.email, deps.setup.customerTemplate)]));
  await createInBatches<Customer>(
    [...bodies].map(([key, body]) => ({ key, body })),
    {
      bc: deps.bc,
      collection: 'customers',
      schema: customerSchema,
      entity: 'customer',
      ...(deps.signal === undefined ? {} : { signal: deps.signal }),
      findCreated: (emails) => findCreatedCustomers(deps.bc, bodies, emails),
      beforeSend: () => state.renew(),
      onSettled: async (settled) => {
        const linkUpdates: CustomerLinkUpdate[] = [];
        for (const [email, outcome] of settled) {
          const ids = byEmail.get(email)?.bookingsCustomerIds ?? [];
          if (outcome.ok) {
            result.set(email, { bcCustomerId: outcome.value.id, bcCustomerNumber: outcome.value.number });
            const note = emailFitsBc(email) ? null : LINK_NOTES.createdWithoutEmail;
            for (const id of ids) {
              linkUpdates.push({
                bookingsCustomerId: id,
                kind: 'linked',
                bcCustomerId: outcome.value.id,
                bcCustomerNumber: outcome.value.number,
                createdByUs: true,
                bcBlocked: isBlockedForInvoicing(outcome.value),
                note,
              });
            }
          } else {
            const reason = SKIP_REASONS.rejected(outcome.message);
            result.set(email, { error: reason });
            for (const id of ids) linkUpdates.push({ bookingsCustomerId: id, kind: 'skipped', reason });
          }
        }
        await writeCustomerLinks(deps.db, deps.businessId, linkUpdates, deps.clock());
        blockChanged.push(...blockedFlagChanges(links, linkUpdates));
      },
    },
  );
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * When every email has a stored link, only those customers, by id: a handful of requests instead of
 * reading every customer. Undefined when that is not enough (a link missing, or its customer gone), or
 * when the look-ups would outnumber the pages of every customer (MOST_LINK_CHECKS).
 */
async function loadLinkedOnly(bc: BusinessCentralClient, groups: readonly Group[]): Promise<BcCustomerIndex | undefined> {
  const linked = groups.map((g) => g.linkedBcId?.toLowerCase());
  if (!linked.every((id): id is string => id !== undefined && GUID.test(id))) return undefined;
  const ids = [...new Set(linked)];
  const filters = chunk(ids, IDS_PER_FILTER).map((part) => or(...part.map((id) => `id eq ${odataGuid(id)}`)));
  if (filters.length > MOST_LINK_CHECKS) return undefined;
  const found: Customer[] = [];
  await inPool(filters, LINK_CHECKS_AT_ONCE, async (filter) => {
    found.push(...(await bc.listCustomers(filter)).customers);
  });
  const byId = new Map(found.map((c) => [c.id.toLowerCase(), c]));
  if (!ids.every((id) => byId.has(id))) return undefined;
  return { byId: (id) => byId.get(id.toLowerCase()), byEmail: () => undefined, byNameWithoutEmail: () => undefined };
}
