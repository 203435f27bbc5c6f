import { Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { type DayBar, dayBars } from './day-bars';
import { useI18n } from '../i18n/i18n-context';
import type { Money } from '../i18n/format';

const useStyles = makeStyles({
  bar: { fill: tokens.colorBrandBackground },
  axis: { stroke: tokens.colorNeutralStroke1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '10px' },
});

const WIDTH = 600;
const HEIGHT = 120;
const BOTTOM = 16;

export interface DayChartProps {
  days: readonly { day: string; count: number; amounts: readonly Money[] }[];
}

/** Unbilled amount by day in plain SVG; each bar carries its day, amount and count as text. */
export function DayChart(props: DayChartProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const bars: DayBar[] = dayBars(props.days, locale.tag);
  return (
    <section aria-label={t.chartTitle}>
      <Subtitle2 as="h2">{t.chartTitle}</Subtitle2>
      {bars.length === 0 ? (
        <Caption1 as="p">{t.chartEmpty}</Caption1>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-label={t.chartTitle} preserveAspectRatio="none">
          {bars.map((bar, i) => {
            const slot = WIDTH / bars.length;
            const h = Math.max(1, bar.ratio * (HEIGHT - BOTTOM - 4));
            const label = t.chartBar(bar.dayLabel, bar.amountLabel, bar.countLabel);
            return (
              <g key={bar.day}>
                <rect className={styles.bar} x={i * slot + slot * 0.1} y={HEIGHT - BOTTOM - h} width={slot * 0.8} height={h}>
                  <title>{label}</title>
                </rect>
                {bar.showLabel && (
                  <text className={styles.label} x={i * slot + slot / 2} y={HEIGHT - 4} textAnchor="middle">
                    {bar.shortLabel}
                  </text>
                )}
              </g>
            );
          })}
          <line className={styles.axis} x1={0} x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} />
        </svg>
      )}
    </section>
  );
}
