import type { Preview } from '../../../contract/api-contract';
import { API } from '../../../contract/endpoints';
import { actorOf } from '../auth/identity';
import { defineRoute, ok } from '../route';

export const previewInvoiceRun = defineRoute(API.previewRun, {
  role: 'invoicer',
  async handle({ services, identity, body }) {
    const preview: Preview = await services.invoices.preview(body.selection, actorOf(identity));
    return ok(preview);
  },
});
