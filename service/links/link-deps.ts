import type { Kysely } from 'kysely';
import type { BusinessCentralClient } from '../clients/business-central/business-central-client';
import type { Clock } from '../domain/clock';
import type { Setup } from '../setup/setup-schema';
import type { Database } from '../store/database';
import { audit } from '../history/audit';

/** What the link use cases need: the store, the Business Central connection (any company), the setup and the clock. */
export interface LinkDeps {
  db: Kysely<Database>;
  bc: BusinessCentralClient;
  /** Lower-cased Bookings business id. */
  businessId: string;
  setup: () => Promise<Setup>;
  clock: Clock;
}

/** Who links, and from which face: recorded in the audit log. */
export interface LinkActor {
  actor: string;
  source: 'tab' | 'bot' | 'cli';
}

/** The client bound to the setup's company (else, as the sync does, the environment's only one), or null while none can be told. */
export async function companyClient(deps: LinkDeps): Promise<BusinessCentralClient | null> {
  const { companyId } = await deps.setup();
  if (companyId !== null) return deps.bc.forCompany(companyId);
  const { companies } = await deps.bc.listCompanies();
  const [only] = companies;
  return companies.length === 1 && only !== undefined ? deps.bc.forCompany(only.id) : null;
}

/** Search text as people type it: every word must occur, in any letter case. */
export function matchesSearch(search: string | undefined, ...fields: string[]): boolean {
  if (search === undefined || search === '') return true;
  const haystack = fields.join(' ').toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** How many choices a search lists at most. */
export const MAX_CHOICES = 50;

/** One audit row about the business (so History lists it), its details in words a person reads. */
export async function auditLink(
  db: Kysely<Database>,
  entry: { at: Date; actor: LinkActor; action: string; businessId: string; details: Record<string, string | boolean | number> },
): Promise<void> {
  await audit(db, {
    at: entry.at,
    actor: entry.actor.actor,
    source: entry.actor.source,
    action: entry.action,
    subject: entry.businessId,
    details: entry.details,
  });
}

/** "1000 Fysioterapi, opfølgning": how people name a Business Central record. */
export const numbered = (record: { number: string; displayName: string }): string => `${record.number} ${record.displayName}`.trim();
