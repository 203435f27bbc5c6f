import type { z } from 'zod';
import type { Logger } from '../../logging/logger';
import { BUSINESS_CENTRAL_SCOPE, type TokenProvider } from '../auth/token-provider';
import { DEFAULT_TIMEOUT_MS, HttpClient, type FetchFn, type HttpRequest } from '../http/http-client';
import { InvalidResponseError } from '../http/invalid-response-error';
import { KeyedLimiter } from '../http/keyed-limiter';
import { odataCollectionSchema } from '../http/odata-collection';
import { odataPages } from '../http/odata-pages';
import { getEntityOrNull, parseBody } from '../http/parse-body';
import { parseRecords, type InvalidRecord } from '../http/parse-records';
import type { RetryOptions } from '../http/retry-policy';
import { redactUrl } from '../http/redact-url';
import { sendBcBatch, type BcBatchOperation, type BcBatchOptions, type BcBatchResult } from './bc-batch';
import { companySchema, type Company } from './schemas/company';
import { companyInformationSchema, type CompanyInformation } from './schemas/company-information';
import { customerSchema, type Customer, type CustomerCreate } from './schemas/customer';
import { itemSchema, type Item, type ItemCreate } from './schemas/item';
import { setupTableEntrySchemaFor, type SetupTableEntry, type SetupTableName } from './schemas/setup-table';
import { salesInvoiceSchema, type SalesInvoice, type SalesInvoiceCreate } from './schemas/sales-invoice';

/** Business Central processes 5 requests per user at a time and queues the rest, then answers 429. */
export const BC_CONCURRENCY = 5;

const LIMIT_KEY = 'business-central';

export interface BusinessCentralClientOptions {
  /** `https://api.businesscentral.dynamics.com/v2.0/{tenant}/{environment}/api/v2.0`. */
  apiBaseUrl: string;
  companyId?: string;
  tokenProvider: TokenProvider;
  logger?: Logger;
  retry?: Partial<RetryOptions>;
  fetch?: FetchFn;
  timeoutMs?: number;
  /**
   * Time a `$batch` gets per operation on top of `timeoutMs`: Business Central runs a batch's
   * operations one after another, so a batch must not time out (its answer lost) while the server
   * is still carrying it out. Default 3 s (a slow tenant takes about 1 s per invoice).
   */
  batchOperationTimeoutMs?: number;
}

export const DEFAULT_BATCH_OPERATION_TIMEOUT_MS = 3_000;

export type Listed<K extends string, T> = { [key in K]: T[] } & { invalid: InvalidRecord[] };

export class NoCompanyError extends Error {
  constructor() {
    super('No Business Central company chosen: set BC_COMPANY_ID or pick one in the setup');
    this.name = 'NoCompanyError';
  }
}

/** Business Central API v2.0; every call of one client (and of its forCompany copies) shares 5 slots. */
export class BusinessCentralClient {
  private readonly apiBaseUrl: string;
  private readonly companyId: string | undefined;
  private readonly http: HttpClient;

  constructor(
    private readonly options: BusinessCentralClientOptions,
    shared?: { http: HttpClient },
  ) {
    this.apiBaseUrl = options.apiBaseUrl.replace(/\/+$/, '');
    this.companyId = options.companyId;
    this.http =
      shared?.http ??
      new HttpClient({
        tokenProvider: options.tokenProvider,
        scope: BUSINESS_CENTRAL_SCOPE,
        fetch: options.fetch,
        retry: options.retry,
        timeoutMs: options.timeoutMs,
        limiter: new KeyedLimiter(BC_CONCURRENCY),
        logger: options.logger,
      });
  }

  /** The same connection (and concurrency slots) scoped to another company, e.g. the one picked in setup. */
  forCompany(companyId: string): BusinessCentralClient {
    return new BusinessCentralClient({ ...this.options, companyId }, { http: this.http });
  }

  async listCompanies(): Promise<Listed<'companies', Company>> {
    const { records, invalid } = await this.collect(`${this.apiBaseUrl}/companies`, companySchema, 'company');
    return { companies: records, invalid };
  }

  /** The company's one companyInformation record (its local currency among others). */
  async getCompanyInformation(): Promise<CompanyInformation> {
    const url = this.url('companyInformation');
    const { records, invalid } = await this.collect(url, companyInformationSchema, 'companyInformation');
    const [info] = records;
    if (info) return info;
    throw new InvalidResponseError('companyInformation', invalid[0]?.id, invalid[0] ? '' : 'value', invalid[0]?.issues ?? 'is empty', {
      method: 'GET',
      url: redactUrl(url),
    });
  }

  async listCustomers(filter?: string): Promise<Listed<'customers', Customer>> {
    const { records, invalid } = await this.collect(this.url('customers', filter), customerSchema, 'customer');
    return { customers: records, invalid };
  }

  async listItems(filter?: string): Promise<Listed<'items', Item>> {
    const { records, invalid } = await this.collect(this.url('items', filter), itemSchema, 'item');
    return { items: records, invalid };
  }

  /** One set-up table (payment terms, units of measure, ...): every record's id, code and name. */
  async listSetupTable(table: SetupTableName): Promise<Listed<'entries', SetupTableEntry>> {
    const { records, invalid } = await this.collect(this.url(table), setupTableEntrySchemaFor(table), table);
    return { entries: records, invalid };
  }

  getCustomer(id: string): Promise<Customer | null> {
    return getEntityOrNull(this.http, { url: this.url(`customers(${key(id)})`), limit: { key: LIMIT_KEY } }, customerSchema, 'customer');
  }

  createCustomer(body: CustomerCreate): Promise<Customer> {
    return this.create('customers', body, customerSchema, 'customer');
  }

  createItem(body: ItemCreate): Promise<Item> {
    return this.create('items', body, itemSchema, 'item');
  }

  /** Every invoice matching an OData filter (build it with odata-filter), lines included when asked. */
  async findSalesInvoices(filter: string, options: { expandLines?: boolean } = {}): Promise<Listed<'salesInvoices', SalesInvoice>> {
    const url = this.url('salesInvoices', filter, options.expandLines ? 'salesInvoiceLines' : undefined);
    const { records, invalid } = await this.collect(url, salesInvoiceSchema, 'salesInvoice');
    return { salesInvoices: records, invalid };
  }

  /**
   * Several filters' invoices read as the GETs of one `$batch` (at most 100), rather than one request
   * per filter: one list per filter, in order. A filter whose operation failed inside the batch, or
   * whose answer has a next page, is read alone with the usual retries and paging.
   */
  async findSalesInvoicesBatch(filters: readonly string[], options: { expandLines?: boolean } = {}): Promise<Listed<'salesInvoices', SalesInvoice>[]> {
    const path = (filter: string) => `salesInvoices?$filter=${encodeURIComponent(filter)}${options.expandLines ? '&$expand=salesInvoiceLines' : ''}`;
    // Reads only: the envelope may be sent again after a lost answer.
    const results = await this.batch(
      filters.map((filter) => ({ method: 'GET' as const, path: path(filter), schema: odataCollectionSchema, entity: 'salesInvoice collection' })),
      { idempotent: true },
    );
    const out: Listed<'salesInvoices', SalesInvoice>[] = [];
    for (const [i, result] of results.entries()) {
      if (result.ok && result.value['@odata.nextLink'] === undefined) {
        const { records, invalid } = parseRecords(salesInvoiceSchema, result.value.value, 'salesInvoice');
        out.push({ salesInvoices: records, invalid });
      } else out.push(await this.findSalesInvoices(filters[i]!, options));
    }
    return out;
  }

  /** null when the invoice does not exist (e.g. a draft deleted in Business Central). */
  getSalesInvoice(id: string, options: { expandLines?: boolean } = {}): Promise<SalesInvoice | null> {
    const url = this.url(`salesInvoices(${key(id)})`, undefined, options.expandLines ? 'salesInvoiceLines' : undefined);
    return getEntityOrNull(this.http, { url, limit: { key: LIMIT_KEY } }, salesInvoiceSchema, 'salesInvoice');
  }

  /**
   * A draft with its lines in one request (deep insert). Not repeated after a network error or 5xx:
   * the invoice may exist; look it up by externalDocumentNumber instead.
   */
  createSalesInvoice(body: SalesInvoiceCreate): Promise<SalesInvoice> {
    return this.create('salesInvoices', body, salesInvoiceSchema, 'salesInvoice');
  }

  /** Deletes a draft; `etag` guards against deleting a version someone changed meanwhile (412 → conflict). */
  async deleteSalesInvoice(id: string, etag: string): Promise<void> {
    await this.http.send({ method: 'DELETE', url: this.url(`salesInvoices(${key(id)})`), headers: { 'if-match': etag }, limit: { key: LIMIT_KEY } });
  }

  /** The bound action `Microsoft.NAV.post`: turns a draft into a posted invoice. */
  async postSalesInvoice(id: string): Promise<void> {
    await this.http.send({ method: 'POST', url: this.url(`salesInvoices(${key(id)})/Microsoft.NAV.post`), limit: { key: LIMIT_KEY } });
  }

  /** Up to 100 operations in one `$batch` (paths relative to the company); one result per operation. */
  batch<T>(operations: ReadonlyArray<BcBatchOperation<T>>, options: BcBatchOptions = {}): Promise<BcBatchResult<T>[]> {
    const timeoutMs =
      (this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS) + operations.length * (this.options.batchOperationTimeoutMs ?? DEFAULT_BATCH_OPERATION_TIMEOUT_MS);
    return sendBcBatch({ http: this.http, apiBaseUrl: this.apiBaseUrl, companyPath: this.companyPath(), limitKey: LIMIT_KEY, timeoutMs }, operations, options);
  }

  private companyPath(): string {
    if (!this.companyId) throw new NoCompanyError();
    return `companies(${key(this.companyId)})`;
  }

  private url(path: string, filter?: string, expand?: string): string {
    const query = [filter ? `$filter=${encodeURIComponent(filter)}` : '', expand ? `$expand=${expand}` : ''].filter(Boolean).join('&');
    return `${this.apiBaseUrl}/${this.companyPath()}/${path}${query ? `?${query}` : ''}`;
  }

  private async create<S extends z.ZodType>(collection: string, body: unknown, schema: S, entity: string): Promise<z.output<S>> {
    const request: HttpRequest = { method: 'POST', url: this.url(collection), body, limit: { key: LIMIT_KEY } };
    const response = await this.http.send(request);
    return parseBody(schema, response.body, entity, request);
  }

  private async collect<S extends z.ZodType>(url: string, schema: S, entity: string) {
    const records: z.output<S>[] = [];
    const invalid: InvalidRecord[] = [];
    for await (const page of odataPages(this.http, url, entity, { key: LIMIT_KEY })) {
      const parsed = parseRecords(schema, page.values, entity);
      records.push(...parsed.records);
      invalid.push(...parsed.invalid);
    }
    return { records, invalid };
  }
}

/** Key segments are bare GUIDs in Business Central; encoding keeps anything else from escaping the segment. */
function key(id: string): string {
  return encodeURIComponent(id);
}
