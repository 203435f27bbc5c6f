import type { TabLinkOptions } from '../cards';
import type { InvoiceRunner } from '../../service/invoicing/run';
import type { SyncRunner } from '../../service/jobs/sync-job';
import type { Clock } from '../../service/domain/clock';
import type { Timers } from '../../service/jobs';
import type { Logger } from '../../service/logging/logger';
import type { Setup } from '../../service/setup/setup-schema';
import type { PostedCards } from '../../service/conversations';
import type { AppRoleGrantStore } from '../../service/identity/app-role-grants';
import type { AppServices } from '../../service/app/app-services';
import type { BusinessStatus } from '../../service/app/business-status';
import type { People } from '../../service/identity/people';
import type { BotRolePolicy } from './bot-roles';

/**
 * The slice of AppServices the bot uses: narrow, so tests can hand it the emulator-backed
 * runner without a whole process configuration.
 */
export interface BotServices {
  /** The cards the bot posted whose buttons start runs (AppServices.postedCards). */
  postedCards: PostedCards;
  /** Entra app roles the tab recorded from verified tokens (AppServices.appRoleGrants), read by the one role rule. */
  roleGrants: AppRoleGrantStore;
  /** The Unbilled list, which the cards show (AppServices.unbilled). */
  unbilled: Pick<AppServices['unbilled'], 'list'>;
  logger: Logger;
  businessId: string;
  currentSetup(): Promise<Setup>;
  invoices: Pick<InvoiceRunner, 'start' | 'getRun' | 'getRunSummary' | 'retryFailed' | 'counts'>;
  sync: Pick<SyncRunner, 'requestSync' | 'recentRuns'>;
  /** Staff member id → name (Bookings keeps names, our store only ids); may be cached. */
  staffNames(): Promise<ReadonlyMap<string, string>>;
  /** Business Central company id → name, for saying which company is set up (never its GUID). */
  companyNames(): Promise<ReadonlyMap<string, string>>;
  /** Bookings business id (its mailbox address) → display name, for saying which business is set up. */
  businessNames(): Promise<ReadonlyMap<string, string>>;
  /** Where "Open Unbilled Bookings" leads. */
  tab: TabLinkOptions;
  /** The process's clock (AppServices.clock): every "now" of the bot. */
  clock: Clock;
  /** How the bot waits between looks at a run; default the real timers. Tests pass FakeTimers. */
  waits?: Waits;
  /** Where the names of people who act are remembered, for the History. */
  people: Pick<People, 'remember'>;
  /** What waits to be invoiced and the last invoice run (AppServices.status). */
  status(): Promise<BusinessStatus>;
  /** Marking an appointment as a no-show from an unbilled list's row (AppServices.appointments). */
  appointments: Pick<AppServices['appointments'], 'markNoShow'>;
  /** The home tenant and first admin, for the one role rule. */
  roles: BotRolePolicy;
}

/** Timers without their own "now": the time is always read from `clock`. */
export type Waits = Pick<Timers, 'setTimeout' | 'clearTimeout'>;

export const nowOf = (services: Pick<BotServices, 'clock'>): Date => services.clock();
