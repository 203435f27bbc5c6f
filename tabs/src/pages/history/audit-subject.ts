import type { AuditEntry } from '../../api/contract';
import type { Messages } from '../../i18n/messages-en';

/** What an entry is about, named by its kind, which the action's family tells (the subject is a bare id). */
export function auditSubject(entry: Pick<AuditEntry, 'action' | 'subject' | 'details'>, t: Messages): string {
  const id = entry.subject;
  if (id === null || id === '') return '';
  const family = entry.action.split('.')[0];
  if (entry.action === 'invoice.run') return t.auditSubjects.invoiceRun(id);
  if (family === 'invoice') {
    // Business Central's number is what people know an invoice by; our id only until it has one.
    const number = entry.details?.['number'];
    return t.auditSubjects.invoice(typeof number === 'string' && number !== '' ? number : id);
  }
  if (family === 'appointment') return t.auditSubjects.appointment(id);
  // Links by hand are setup-like: they are about the business, whose id is their subject.
  if (family === 'setup' || family === 'service' || family === 'customer') return t.auditSubjects.setup(id);
  if (family === 'sync') return t.auditSubjects.syncRun(id);
  return id;
}
