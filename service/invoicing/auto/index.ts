export { AutoInvoicer, AUTO_INVOICE_ACTOR, type AutoInvoiceTick, type UnannouncedTick } from './auto-invoicer';
export { autoInvoiceTask, AUTO_INVOICE_CHECK_MS } from './auto-invoice-task';
