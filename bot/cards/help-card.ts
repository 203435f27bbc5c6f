import type { UnknownReason } from '../commands/command';
import { commandDescriptions } from '../commands/registry';
import { type CardLocale, languageOf } from './card-locale';
import { CARD_TEXT, type CardText } from './card-text';
import { escapeText } from './escape-markdown';
import { type AdaptiveCardJson, renderCard } from './render-card';
import type { TemplateData } from './template-data';

export interface HelpInput {
  /** Set when help answers a message that was not understood. */
  notUnderstood?: { text: string; problem: UnknownReason };
}

function notice(input: HelpInput, text: CardText): string {
  if (!input.notUnderstood) return '';
  const said = escapeText(input.notUnderstood.text, 100);
  switch (input.notUnderstood.problem) {
    case 'noCommand':
      return text.notUnderstood(said);
    case 'invalidDate':
      return text.invalidDate(said);
    case 'invalidRange':
      return text.invalidRange(said);
    case 'periodOutOfRange':
      return text.periodOutOfRange(said);
    case 'periodTooLong':
      return text.periodTooLong(said);
  }
}

export function helpData(input: HelpInput, locale: CardLocale): TemplateData<'help'> {
  const language = languageOf(locale);
  const text = CARD_TEXT[language];
  return {
    title: text.helpTitle,
    notice: notice(input, text),
    intro: text.helpIntro,
    commands: commandDescriptions.flatMap((c) => c.help[language]).map((h) => ({ title: escapeText(h.title), value: h.description })),
    periods: text.helpPeriods,
    otherLanguage: text.helpOtherLanguage,
  };
}

export function helpCard(input: HelpInput, locale: CardLocale): AdaptiveCardJson {
  return renderCard('help', helpData(input, locale));
}
