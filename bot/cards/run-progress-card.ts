import type { RunProgressInput } from './card-input';
import { type CardContext, languageOf } from './card-locale';
import { CARD_TEXT } from './card-text';
import { unbilledTabDeepLink } from './deep-link';
import { formatNumber } from './format';
import { type AdaptiveCardJson, renderCard } from './render-card';
import type { TemplateData } from './template-data';

export interface RunProgressCardInput extends RunProgressInput {
  /** Users whose Teams polls the card for progress (the clicker, at most 60 in all). */
  refreshUserIds?: readonly string[];
}

export function runProgressData(input: RunProgressCardInput, context: CardContext): TemplateData<'run-progress'> {
  const text = CARD_TEXT[languageOf(context.locale)];
  const done = input.created + input.failed;
  const percent = input.planned > 0 ? Math.min(100, Math.floor((done * 100) / input.planned)) : 0;
  const n = (value: number) => formatNumber(value, context.locale);
  return {
    title: text.runProgressTitle,
    stateText: text.runState[input.state],
    percent,
    progressText: text.progress(n(done), n(input.planned), n(percent)),
    facts: [
      { title: text.planned, value: n(input.planned) },
      { title: text.created, value: n(input.created) },
      { title: text.failed, value: n(input.failed) },
    ],
    runId: input.runId,
    refreshUserIds: [...(input.refreshUserIds ?? [])],
    openTitle: text.openTab,
    tabUrl: unbilledTabDeepLink(context.tab, {}, text.openTab),
  };
}

/** Shown in place of the clicked card while the run works; its refresh re-reads the job. */
export function runProgressCard(input: RunProgressCardInput, context: CardContext): AdaptiveCardJson {
  return renderCard('run-progress', runProgressData(input, context));
}
