import { type CardLocale, languageOf } from './card-locale';
import { CARD_TEXT } from './card-text';
import { type AdaptiveCardJson, renderCard } from './render-card';

/** The answer to an invoicing click or command from someone without the invoicer role. */
export function refusalCard(locale: CardLocale): AdaptiveCardJson {
  const text = CARD_TEXT[languageOf(locale)];
  return renderCard('refusal', { title: text.refusalTitle, text: text.refusalText });
}
