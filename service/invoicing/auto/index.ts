export { AutoInvoicer, AUTO_INVOICE_ACTOR, type AutoInvoiceTick, type UnannouncedTick } from './auto-invoicer';
