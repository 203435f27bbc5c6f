import type { AuditEntry } from '../api-contract';
import type { RecordWords } from './record-words-en';

/** "3 Dec, 10:00": a short day and 24-hour time, as a person names an appointment. */
export function shortDateTime(instant: string, tag: string, timeZone: string): string {
  return new Intl.DateTimeFormat(tag, { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}

/**
 * What an entry is about, in words: from what the server found of its subject (an appointment's
 * service, customers and start; an invoice's number and customer; when a run started), else the
 * subject's kind. Never the bare id the log records.
 */
export function auditSubject(entry: Pick<AuditEntry, 'action' | 'subject' | 'about'>, t: RecordWords, tag: string, timeZone: string): string {
  const about = entry.about;
  if (about !== null) {
    switch (about.kind) {
      case 'appointment':
        return t.auditSubjects.appointment([about.service, ...about.customers, shortDateTime(about.start, tag, timeZone)].filter((p) => p !== '').join(', '));
      case 'invoice':
        return t.auditSubjects.invoice(about.number, about.customer);
      case 'invoice-run':
        return t.auditSubjects.invoiceRun(shortDateTime(about.at, tag, timeZone));
      case 'sync-run':
        return t.auditSubjects.syncRun(shortDateTime(about.at, tag, timeZone));
      case 'setup':
        return t.auditSubjects.setup;
      default: {
        const unknown: never = about;
        return String(unknown);
      }
    }
  }
  if (entry.subject === null || entry.subject === '') return '';
  const family = entry.action.split('.')[0];
  if (entry.action === 'invoice.run' || entry.action.startsWith('invoice.duplicate')) return t.auditSubjects.someInvoiceRun;
  if (family === 'invoice') return t.auditSubjects.invoice(null, null);
  if (family === 'appointment') return t.auditSubjects.someAppointment;
  // Links by hand are setup-like: they are about the business, whose id is their subject.
  if (family === 'setup' || family === 'service' || family === 'customer') return t.auditSubjects.setup;
  if (family === 'sync') return t.auditSubjects.someSyncRun;
  return '';
}
