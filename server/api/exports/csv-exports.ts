import type { AuditEntry, InvoiceRunSummary } from '../../../service/history';
import { runErrorWords } from '../../../service/invoicing/run/run-error-words';
import { invoiceErrorWords } from '../../../service/invoicing/run/invoice-error-words';
import type { RunInvoice } from '../../../service/invoicing/run/run-schemas';
import { CSV_CONTENT_TYPE, csvChunks, csvDateTime, csvFileName, decimalOf, type CsvCell } from '../../../service/export/csv';
import type { UnbilledRow } from '../../../service/unbilled';
import type { ExportLanguage } from '../../../contract/api-contract';
import { recordWordsDa } from '../../../contract/words/record-words-da';
import { recordWordsEn, type RecordWords } from '../../../contract/words/record-words-en';
import { auditDetails } from '../../../contract/words/audit-details';
import { rowStateText } from '../../../contract/words/row-state-text';
import { auditSubject } from '../../../contract/words/audit-subject';
import { whoText } from '../../../contract/words/who-text';
import type { Download } from '../route';

/*
 * The tab's CSV exports: the same words as the tab shows (contract/words/, which its catalogues spread in), times in the business's
 * time zone, money as a decimal beside its currency. The writer (service/export/csv.ts) escapes.
 */

const CATALOGUES: Record<ExportLanguage, { t: RecordWords; tag: string }> = { en: { t: recordWordsEn, tag: 'en-GB' }, da: { t: recordWordsDa, tag: 'da-DK' } };

export interface ExportContext {
  lang: ExportLanguage;
  /** The setup's time zone: times are written as its local time. */
  timeZone: string;
  /** The day the file is made, in its name. */
  now: Date;
}

async function* mapBatches<T>(batches: AsyncIterable<T[]>, row: (item: T) => CsvCell[][]): AsyncGenerator<CsvCell[][]> {
  for await (const batch of batches) yield batch.flatMap(row);
}

function file(name: string, context: ExportContext, header: readonly string[], rows: AsyncIterable<CsvCell[][]>): Download {
  return { fileName: csvFileName(name, context.now.toISOString().slice(0, 10)), contentType: CSV_CONTENT_TYPE, chunks: csvChunks(header, rows) };
}

/** One row per run, or per currency of a run that invoiced in several. */
export function runsCsv(runs: AsyncIterable<InvoiceRunSummary[]>, context: ExportContext): Download {
  const { t } = CATALOGUES[context.lang];
  const at = (instant: string | null) => csvDateTime(instant, context.timeZone);
  return file(
    t.csv.fileRuns,
    context,
    t.csv.runs,
    mapBatches(runs, (run) => {
      const totals = run.totals.length === 0 ? [null] : run.totals;
      return totals.map((total) => [
        at(run.createdAt),
        at(run.finishedAt),
        whoText(run.who, t),
        t.sources[run.source] ?? run.source,
        t.runStates[run.state],
        run.counts.created,
        run.counts.failed,
        run.counts.skipped,
        total === null ? null : decimalOf(total.minor, total.currency),
        total?.currency ?? null,
        runErrorWords(run.error, context.lang),
      ]);
    }),
  );
}

export function runInvoicesCsv(invoices: AsyncIterable<RunInvoice[]>, context: ExportContext): Download {
  const { t } = CATALOGUES[context.lang];
  return file(
    t.csv.fileInvoices,
    context,
    t.csv.invoices,
    mapBatches(invoices, (invoice) => [
      [
        invoice.number,
        t.invoiceStatus[invoice.status],
        invoice.customer.name,
        invoice.customer.email,
        invoice.bcCustomerNumber,
        invoice.invoiceDate,
        decimalOf(invoice.amount.minor, invoice.amount.currency),
        invoice.amount.currency,
        invoiceErrorWords(invoice.error, context.lang) ?? invoice.verifyProblem,
        invoice.url,
      ],
    ]),
  );
}

export function auditCsv(entries: AsyncIterable<AuditEntry[]>, context: ExportContext): Download {
  const { t, tag } = CATALOGUES[context.lang];
  return file(
    t.csv.fileAudit,
    context,
    t.csv.audit,
    mapBatches(entries, (entry) => [
      [
        csvDateTime(entry.at, context.timeZone),
        whoText(entry.who, t),
        t.sources[entry.source] ?? entry.source,
        t.auditActions[entry.action] ?? entry.action,
        auditSubject(entry, t, tag, context.timeZone),
        auditDetails(entry.details),
      ],
    ]),
  );
}

export function unbilledCsv(rows: AsyncIterable<UnbilledRow[]>, staffNames: ReadonlyMap<string, string>, context: ExportContext): Download {
  const { t } = CATALOGUES[context.lang];
  const priceTypes: Record<string, string> = t.priceTypes;
  return file(
    t.csv.fileUnbilled,
    context,
    t.csv.unbilled,
    mapBatches(rows, (row) => [
      [
        csvDateTime(row.start, context.timeZone),
        csvDateTime(row.end, context.timeZone),
        row.durationMinutes,
        row.customers.map((c) => c.name).join('; '),
        row.customers
          .map((c) => c.email)
          .filter((e) => e !== '')
          .join('; '),
        row.serviceName,
        // A staff member Bookings no longer lists is left out rather than shown by id.
        row.staffMemberIds.flatMap((id) => (staffNames.has(id) ? [staffNames.get(id)!] : [])).join('; '),
        priceTypes[row.priceType] ?? row.priceType,
        row.price === null ? null : decimalOf(row.price.minor, row.price.currency),
        row.amount === null ? null : decimalOf(row.amount.minor, row.amount.currency),
        row.amount?.currency ?? row.currency,
        rowStateText(row, t),
        row.reason === null ? null : t.reasons[row.reason],
      ],
    ]),
  );
}
