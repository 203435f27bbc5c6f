import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AppointmentState } from '../domain/appointment';

/*
 * Portable column conventions (the same data must round-trip identically on SQLite and PostgreSQL):
 * - snake_case table and column names; repositories map rows to camelCase records explicitly.
 * - ids are text (Graph / Business Central ids, or UUIDs we generate); audit_log alone uses an
 *   autoincrement integer so its entries keep their insertion order.
 * - timestamps are ISO-8601 UTC text from Date#toISOString() ("2026-11-01T09:30:00.000Z"): fixed
 *   width, so text comparison is chronological on both databases and no driver converts them.
 * - money is an integer amount of minor units (bigint column, a JS number: PostgreSQL int8 and numeric
 *   are parsed to numbers and refused beyond Number.MAX_SAFE_INTEGER) with a currency text column beside it.
 * - booleans are integers 0/1 (type Flag); see toFlag / fromFlag in columns.ts.
 * - JSON is text, written with writeJson and validated with a zod schema by readJson when read.
 * - text never holds U+0000: PostgreSQL refuses it, so strip it where outside text comes in.
 */

/** A boolean stored as an integer. */
export type Flag = 0 | 1;

export type InvoiceRunSource = 'tab' | 'bot' | 'cli' | 'schedule';

export interface SetupTable {
  id: string;
  business_id: string;
  company_id: string | null;
  /** JSON: the setup document. */
  data: string;
  /** Optimistic concurrency: an update must name the version it read and increments it. */
  version: number;
  updated_at: string;
  updated_by: string | null;
}

export interface AppointmentsTable {
  /** The Graph appointment id. */
  id: string;
  business_id: string;
  start_utc: string;
  end_utc: string;
  duration_minutes: number;
  service_id: string | null;
  service_name: string;
  /** JSON: string[] of staff member ids. */
  staff_member_ids: string;
  /** JSON: the attending customers ({ id, name, email, timeZone }[]). */
  customers: string;
  /** Null when Bookings has no usable price. */
  price_minor: number | null;
  currency: string;
  price_type: string;
  state: AppointmentState;
  claimed_by_run: string | null;
  invoice_id: string | null;
  review_reason: string | null;
  content_hash: string;
  last_seen_sync: string | null;
  graph_last_updated: string | null;
  created_at: string;
  updated_at: string;
  /** Denormalised at sync: how many attendees, and how many of them have no email. */
  customer_count: Generated<number>;
  customers_without_email: Generated<number>;
  /** A price typed by a user for a price type Bookings does not price. */
  entered_price_minor: number | null;
  /** Lower-cased attendee names and emails and the service name, for free-text search. */
  search_text: Generated<string>;
  /** Denormalised at sync: how many attendees' linked Business Central customers are blocked for invoicing. */
  customers_blocked: Generated<number>;
  /** 1 when the last invoice run over it failed for it (a note in the Unbilled list, not a block). */
  last_attempt_failed: Generated<number>;
  /** The Business Central customer a person linked to an appointment without attendees (its id, number and name); null otherwise. */
  linked_bc_customer_id: Generated<string | null>;
  linked_bc_customer_number: Generated<string | null>;
  linked_bc_customer_name: Generated<string | null>;
  /** Migration 0017: marked no-show by a person (Flag); billed as the setup's fee. */
  no_show: Generated<number>;
  /** When a sync first found it gone from Bookings (ISO UTC); judges a late cancellation against the start. */
  cancelled_seen_at: Generated<string | null>;
  /**
   * Migration 0018: the Unbilled list's eligibility and amounts as far as the row and its service link
   * decide them, kept by triggers (never written by code: on SQLite an insert that gives them keeps
   * them, see 0029); see 0018-unbilled-list-columns.ts.
   */
  list_open: Generated<number>;
  list_fee: Generated<number>;
  list_ready: Generated<number>;
  list_unit_minor: Generated<number | null>;
  list_amount_minor: Generated<number | null>;
  list_currency: Generated<string>;
  list_customer_key: Generated<string>;
  list_service_key: Generated<string>;
}

/**
 * Migration 0029: the columns a sync writes of a new appointment, inserted through this view so that
 * the row is written once with its list columns (see 0029-appointment-inserts.ts).
 */
export type AppointmentInsertsView = Pick<
  AppointmentsTable,
  | 'id'
  | 'business_id'
  | 'start_utc'
  | 'end_utc'
  | 'duration_minutes'
  | 'service_id'
  | 'service_name'
  | 'staff_member_ids'
  | 'customers'
  | 'price_minor'
  | 'currency'
  | 'price_type'
  | 'content_hash'
  | 'graph_last_updated'
  | 'state'
  | 'claimed_by_run'
  | 'invoice_id'
  | 'review_reason'
  | 'last_seen_sync'
  | 'entered_price_minor'
  | 'created_at'
  | 'updated_at'
> & {
  // Required here: a view has no defaults, a column left out would be NULL.
  customer_count: number;
  customers_without_email: number;
  customers_blocked: number;
  search_text: string;
};

export interface CustomersTable {
  business_id: string;
  /** The Bookings customer id. */
  id: string;
  /** Full text; Business Central's Text[100] truncation happens only when sending. */
  display_name: string;
  email: string | null;
  email_normalized: string | null;
  time_zone: string | null;
  updated_at: string;
}

export interface CustomerLinksTable {
  business_id: string;
  bookings_customer_id: string;
  bc_customer_id: string | null;
  bc_customer_number: string | null;
  linked_at: string | null;
  created_by_us: Flag;
  skip_reason: string | null;
  /** 1 when the Business Central customer was blocked ('All' or 'Invoice') when last seen. */
  bc_blocked: Generated<Flag>;
  /** What users should know about the link, e.g. that the customer was created without its email. */
  note: string | null;
}

export interface ServicesTable {
  business_id: string;
  /** The Bookings service id. */
  id: string;
  display_name: string;
  default_price_minor: number | null;
  currency: string;
  default_price_type: string;
  default_duration_minutes: number | null;
  updated_at: string;
}

export interface ServiceLinksTable {
  business_id: string;
  bookings_service_id: string;
  bc_item_id: string | null;
  bc_item_number: string | null;
  linked_at: string | null;
  conflict_reason: string | null;
  /** The linked item's unit price: the price of appointments whose price type has none. */
  bc_item_unit_price_minor: number | null;
  currency: string | null;
}

/** A record from Graph or Business Central the sync refused, and why (it never aborts the sync). */
export interface SyncRejectsTable {
  business_id: string;
  sync_run_id: string;
  entity: string;
  record_id: string | null;
  reason: string;
  at: string;
}

export interface InvoiceRunsTable {
  id: string;
  business_id: string;
  requested_by: string;
  source: InvoiceRunSource;
  /** JSON: what the user selected. */
  selection: string;
  state: string;
  phase: string | null;
  planned_count: number;
  created_count: number;
  failed_count: number;
  /** JSON: totals per currency. */
  totals: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  /** Migration 0004: the runner executing the run and its last sign of life (a stale one is resumed). */
  holder: string | null;
  heartbeat_at: string | null;
  /** JSON: the appointments the run did not invoice, with their reasons. */
  skipped: string | null;
  /** The run whose failed invoices this run retries. */
  retry_of: string | null;
  /** Migration 0016: 'draft' | 'post' | 'send', what the run does after its drafts are verified. */
  after_create: Generated<string>;
}

export interface InvoicesTable {
  id: string;
  run_id: string;
  business_id: string;
  bc_customer_id: string | null;
  /** Unique: the idempotency key sent to Business Central. */
  external_document_number: string;
  bc_invoice_id: string | null;
  bc_number: string | null;
  posted_number: string | null;
  status: string;
  amount_minor: number;
  currency: string;
  /** JSON: string[] of appointment ids. */
  appointment_ids: string;
  error: string | null;
  created_at: string;
  updated_at: string;
  /** Migration 0004: the customer (lower-cased email), the draft's figures as Business Central computed them. */
  customer_email: string | null;
  customer_name: string | null;
  bc_customer_number: string | null;
  invoice_date: string | null;
  verify_problem: string | null;
  url: string | null;
  /** Order of the invoice within its run. */
  position: Generated<number>;
  prices_include_tax: Flag | null;
  bc_total_excl_minor: number | null;
  bc_total_incl_minor: number | null;
  bc_tax_minor: number | null;
  /** Migration 0014: since when the run that gave up on this invoice cannot tell whether Business Central made its draft (in-doubt); null once known. */
  in_doubt_since: string | null;
  /** Migration 0015 (payment status): Business Central's status of the posted invoice as the last sync read it (Open, Paid, Canceled, Corrective); null for a draft. */
  bc_status: ColumnType<string | null, string | null | undefined, string | null>;
  /** What the customer still owes, in minor units of `currency`. */
  remaining_minor: ColumnType<number | null, number | null | undefined, number | null>;
  /** YYYY-MM-DD, as Business Central has it. */
  due_date: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 0016: each after-create step, its start written before Business Central is asked, its end after. */
  post_started_at: Generated<string | null>;
  posted_at: Generated<string | null>;
  send_started_at: Generated<string | null>;
  sent_at: Generated<string | null>;
  /** Why posting or sending failed (words); the draft stands. */
  after_create_error: Generated<string | null>;
}

/** One attendee's line of an invoice (migration 0004): what the claim bills, kept as it was priced. */
export interface InvoiceLinesTable {
  id: string;
  invoice_id: string;
  run_id: string;
  business_id: string;
  appointment_id: string;
  position: number;
  /** Lower-cased. */
  customer_email: string;
  customer_name: string;
  bookings_customer_id: string;
  service_name: string;
  start_utc: string;
  duration_minutes: number;
  /** JSON: string[]. */
  staff_names: string;
  price_type: string;
  price_source: string;
  /** JSON: review flags. */
  review: string;
  /** Decimal text with up to 5 decimals, as Business Central keeps quantities. */
  quantity: string;
  unit_price_minor: number;
  amount_minor: number;
  currency: string;
  bc_item_id: string;
  /** 'planned' | 'invoiced' | 'released'; (appointment_id, customer_email) is unique among planned and invoiced. */
  state: string;
  created_at: string;
  updated_at: string;
  /** Migration 0017: 'no-show' | 'late-cancellation' when the line bills the setup's fee instead of the service. */
  fee_kind: Generated<string | null>;
}

/** What an invoice showed of a Business Central customer's "Prices Including VAT" (migration 0004). */
export interface BcCustomerTermsTable {
  business_id: string;
  bc_customer_id: string;
  prices_include_tax: Flag;
  updated_at: string;
}

/** What an invoice line showed of a Business Central item's VAT percent (migration 0004). */
export interface BcItemTermsTable {
  business_id: string;
  bc_item_id: string;
  vat_percent_milli: number;
  updated_at: string;
}

export interface SyncRunsTable {
  id: string;
  business_id: string;
  state: string;
  phase: string | null;
  progress_done: number;
  progress_total: number;
  added_count: number;
  updated_count: number;
  unchanged_count: number;
  removed_count: number;
  error: string | null;
  started_at: string;
  /** A heartbeat: a running job whose updated_at is old has died and is resumed. */
  updated_at: string;
  finished_at: string | null; /** Who asked for the run and from where (migration 0003). */
  requested_by: string | null;
  source: string | null;
  /** Records the phases wrote to sync_rejects. */
  rejected_count: Generated<number>;
}

export interface SyncCheckpointsTable {
  business_id: string;
  kind: string;
  /** JSON: a small flat checkpoint object. */
  checkpoint: string;
  updated_at: string;
}

export interface ConversationsTable {
  /** The bot conversation id. */
  id: string;
  tenant_id: string;
  service_url: string;
  conversation_type: string;
  /** JSON: the ConversationReference. */
  reference: string;
  team_id: string | null;
  channel_id: string | null;
  installed_by: string | null;
  created_at: string;
  /** What people call it: a personal chat's user, a group chat's title, or "team › channel"; optional on insert (added by 0006). */
  name: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the bot last posted here on its own (the daily summary); null before the first try (added by 0008). */
  last_post_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** Why that post failed; null when it went through. */
  last_post_error: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PostedCardsTable {
  id: string;
  conversation_id: string;
  activity_id: string;
  kind: string;
  period_key: string;
  run_id: string | null;
  /** JSON: the card's data. */
  payload: string;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  source: string;
  action: string;
  subject: string | null;
  /** JSON or null. */
  details: string | null;
}

export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: string;
  acquired_at: string;
  /** Migration 0012: the fencing token, raised on every acquisition (not on renewal). */
  token: Generated<number>;
}

/** The app roles of a user's last verified tab token, until it expires (migration 0009). */
export interface AppRoleGrantsTable {
  /** Lower-case GUIDs. */
  tenant_id: string;
  object_id: string;
  /** JSON: string[] of the token's `roles` claim, as sent. */
  roles: string;
  expires_at: string;
  seen_at: string;
}

export interface PeopleTable {
  /** As runs and audit entries record who acted (lower-case object id, or `<tenant>/<object id>`). */
  actor: string;
  /** The name the person's token or Teams activity carried when they last acted. */
  display_name: string;
  seen_at: string;
}

/** One due tick of the automatic invoicing schedule of a business (migration 0014). */
export interface AutoInvoiceTicksTable {
  business_id: string;
  /** The tick's local date (daily) or the date of its weekday (weekly): unique per business. */
  tick_key: string;
  /** The run this tick starts, chosen before it is inserted so a crash in between cannot start a second. */
  run_id: string;
  created_at: string;
  /** When its result card went to the summary conversations; null until then. */
  announced_at: string | null;
}

export interface Database {
  setup: SetupTable;
  appointments: AppointmentsTable;
  appointment_inserts: AppointmentInsertsView;
  customers: CustomersTable;
  customer_links: CustomerLinksTable;
  services: ServicesTable;
  service_links: ServiceLinksTable;
  invoice_runs: InvoiceRunsTable;
  invoices: InvoicesTable;
  sync_runs: SyncRunsTable;
  sync_checkpoints: SyncCheckpointsTable;
  sync_rejects: SyncRejectsTable;
  conversations: ConversationsTable;
  posted_cards: PostedCardsTable;
  audit_log: AuditLogTable;
  leases: LeasesTable;
  invoice_lines: InvoiceLinesTable;
  bc_customer_terms: BcCustomerTermsTable;
  bc_item_terms: BcItemTermsTable;
  app_role_grants: AppRoleGrantsTable;
  people: PeopleTable;
  auto_invoice_ticks: AutoInvoiceTicksTable;
}

/** The views: written through, never listed as tables. */
export type ViewName = 'appointment_inserts';
export type TableName = Exclude<keyof Database, ViewName>;
export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;

/** Every table, for checks and tests; the type below fails to compile when one is missing. */
export const TABLES = [
  'setup',
  'appointments',
  'customers',
  'customer_links',
  'services',
  'service_links',
  'invoice_runs',
  'invoices',
  'sync_runs',
  'sync_checkpoints',
  'sync_rejects',
  'conversations',
  'posted_cards',
  'audit_log',
  'leases',
  'invoice_lines',
  'bc_customer_terms',
  'bc_item_terms',
  'app_role_grants',
  'people',
  'auto_invoice_ticks',
] as const satisfies readonly TableName[];
type MustBeEmpty<T extends never> = T;
type _UnlistedTables = MustBeEmpty<Exclude<TableName, (typeof TABLES)[number]>>;
