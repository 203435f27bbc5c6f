import { Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import * as AdaptiveCards from 'adaptivecards';
import { useEffect, useRef } from 'react';
import type { AdaptiveCardJson } from '../../../../bot/cards';

const useStyles = makeStyles({
  card: {
    maxWidth: '480px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#ffffff',
    color: '#242424',
  },
});

/**
 * Renders the bot's card with the adaptivecards library; the DOM is the library's own.
 * Actions are inert here: the preview only shows the card.
 */
export function CardPreview(props: { title: string; note: string; card: AdaptiveCardJson | null; error: string | null }) {
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = host.current;
    if (!target) return;
    target.replaceChildren();
    if (!props.card) return;
    const card = new AdaptiveCards.AdaptiveCard();
    card.parse(props.card);
    const rendered = card.render();
    if (rendered) target.appendChild(rendered);
  }, [props.card]);
  return (
    <section aria-label={props.title}>
      <Subtitle2 as="h2">{props.title}</Subtitle2>
      <Caption1 as="p">{props.error ?? props.note}</Caption1>
      <div ref={host} className={styles.card} data-testid="card-preview" />
    </section>
  );
}
