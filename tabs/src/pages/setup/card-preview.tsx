import { Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import * as AdaptiveCards from 'adaptivecards';
import { useEffect, useRef } from 'react';
import type { CardPreviewResponse } from '../../../../contract/api-contract';
import { previewMarkdownHtml } from './preview-markdown';

// Text as Teams shows it: the bot's markdown escapes read, not printed (see preview-markdown.ts).
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = previewMarkdownHtml(text);
  result.didProcess = true;
};

const useStyles = makeStyles({
  card: {
    maxWidth: '480px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#ffffff',
    color: '#242424',
    // The library lays its buttons out in one row that does not wrap: on a phone they would run off the page.
    overflowWrap: 'anywhere',
    '& .ac-actionSet': { flexWrap: 'wrap', rowGap: tokens.spacingVerticalS },
    '& .ac-pushButton': { whiteSpace: 'normal', maxWidth: '100%' },
  },
});

/**
 * The library's defaults with status colours dark enough for WCAG AA text contrast (4.5:1) on the
 * card's white: its own warning orange (#e69500) is 2.3:1.
 */
function previewHostConfig(): AdaptiveCards.HostConfig {
  const config = new AdaptiveCards.HostConfig(AdaptiveCards.defaultHostConfig);
  const colors = config.containerStyles.default.foregroundColors;
  colors.warning.default = '#8a5300';
  colors.warning.subtle = '#8a5300';
  colors.good.subtle = '#027502';
  colors.attention.subtle = '#b32d00';
  return config;
}

/**
 * Renders the card the server drew (already expanded: no templating here) with the adaptivecards
 * library; the DOM is the library's own. Actions are inert here: the preview only shows the card.
 */
export function CardPreview(props: { title: string; note: string; card: CardPreviewResponse | null; error: string | null }) {
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = host.current;
    if (!target) return;
    target.replaceChildren();
    if (!props.card) return;
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = previewHostConfig();
    card.parse(props.card);
    const rendered = card.render();
    if (rendered) target.appendChild(rendered);
  }, [props.card]);
  return (
    <section aria-label={props.title}>
      <Subtitle2 as="h2">{props.title}</Subtitle2>
      <Caption1 as="p" role={props.error === null ? 'status' : 'alert'}>
        {props.error ?? props.note}
      </Caption1>
      <div ref={host} className={styles.card} data-testid="card-preview" />
    </section>
  );
}
