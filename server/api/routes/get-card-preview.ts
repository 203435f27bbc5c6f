import { cardPreviewResponseSchema } from '../../../contract/api-contract';
import { API } from '../../../contract/endpoints';
import { defineRoute, ok } from '../route';

/** The Setup page's preview of the daily summary: the bot's card, drawn by the façade for the form's time zone. */
export const getCardPreview = defineRoute(API.cardPreview, {
  role: 'reader',
  async handle({ services, query }) {
    // The card is the bot's; the answer is checked to be one before the tab renders it.
    return ok(cardPreviewResponseSchema.parse(await services.cardPreview(query)));
  },
});
