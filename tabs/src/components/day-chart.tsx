import { Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import { memo, useMemo } from 'react';
import { useNarrow } from '../app/use-media-query';
import { type DayBar, dayBars } from './day-bars';
import { useI18n } from '../i18n/i18n-context';
import type { Money } from '../i18n/format';

const useStyles = makeStyles({
  bar: { fill: tokens.colorBrandBackground },
  axis: { stroke: tokens.colorNeutralStroke1 },
  // The labels are HTML under the stretched SVG: SVG text would be squeezed with the bars on a narrow screen.
  labels: { position: 'relative', height: '16px' },
  label: {
    position: 'absolute',
    top: 0,
    transform: 'translateX(-50%)',
    whiteSpace: 'nowrap',
    fontSize: '10px',
    lineHeight: '16px',
    color: tokens.colorNeutralForeground2,
  },
  first: { transform: 'none' },
  last: { transform: 'translateX(-100%)' },
});

/** Axis labels that fit with room to spare ("27. aug." is about 40 px): a dozen on a wide screen, four on a 320 px phone. */
const LABELS_WIDE = 12;
const LABELS_NARROW = 4;

const WIDTH = 600;
const HEIGHT = 104;
/** The axis, one unit above the bottom so its stroke is not cut. */
const AXIS = HEIGHT - 1;

export interface DayChartProps {
  days: readonly { day: string; count: number; amounts: readonly Money[] }[];
}

type Day = DayChartProps['days'][number];
const sameDay = (a: Day, b: Day) =>
  a.day === b.day &&
  a.count === b.count &&
  a.amounts.length === b.amounts.length &&
  a.amounts.every((m, i) => m.minor === b.amounts[i]!.minor && m.currency === b.amounts[i]!.currency);

/**
 * Unbilled amount by day in plain SVG; each bar carries its day, amount and count as text.
 * Every page of a filter answers the same days in a new array: a year's bars are formatted and drawn
 * again only when a day changes (four Intl formats and an SVG bar each, about 25 ms a page).
 */
export const DayChart = memo(
  function DayChart(props: DayChartProps) {
    const styles = useStyles();
    const { t, locale } = useI18n();
    const narrow = useNarrow();
    const bars: DayBar[] = useMemo(() => dayBars(props.days, locale.tag, narrow ? LABELS_NARROW : LABELS_WIDE), [props.days, locale.tag, narrow]);
    const slot = WIDTH / Math.max(1, bars.length);
    return (
      <section aria-label={t.chartTitle}>
        <Subtitle2 as="h2">{t.chartTitle}</Subtitle2>
        {bars.length === 0 ? (
          <Caption1 as="p">{t.chartEmpty}</Caption1>
        ) : (
          <div>
            <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-label={t.chartTitle} preserveAspectRatio="none">
              {bars.map((bar, i) => {
                const h = Math.max(1, bar.ratio * (AXIS - 4));
                return (
                  <rect key={bar.day} className={styles.bar} x={i * slot + slot * 0.1} y={AXIS - h} width={slot * 0.8} height={h}>
                    <title>{t.chartBar(bar.dayLabel, bar.amountLabel, bar.countLabel)}</title>
                  </rect>
                );
              })}
              <line className={styles.axis} x1={0} x2={WIDTH} y1={AXIS} y2={AXIS} />
            </svg>
            <div className={styles.labels} aria-hidden="true">
              {bars.map((bar, i) => {
                if (!bar.showLabel) return null;
                const at = ((i + 0.5) / bars.length) * 100;
                // The end labels would hang half off the page if centred on their bars.
                const place = at < 8 ? 'first' : at > 92 ? 'last' : 'middle';
                return (
                  <span
                    key={bar.day}
                    className={mergeClasses(styles.label, place === 'first' && styles.first, place === 'last' && styles.last)}
                    style={{ left: place === 'first' ? 0 : `${at}%` }}
                  >
                    {bar.shortLabel}
                  </span>
                );
              })}
            </div>
          </div>
        )}
      </section>
    );
  },
  (a, b) => a.days.length === b.days.length && a.days.every((d, i) => sameDay(d, b.days[i]!)),
);
