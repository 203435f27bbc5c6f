import { invoiceRunRequestSchema, type Preview } from '../../../contract/api-contract';
import { actorOf } from '../auth/identity';
import { defineRoute, ok } from '../route';

export const previewInvoiceRun = defineRoute({
  method: 'POST',
  path: '/api/invoice-runs/preview',
  role: 'invoicer',
  body: invoiceRunRequestSchema,
  async handle({ services, identity, body }) {
    const preview: Preview = await services.invoices.preview(body.selection, actorOf(identity));
    return ok(preview);
  },
});
