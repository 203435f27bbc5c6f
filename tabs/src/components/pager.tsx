import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** Previous / next over a server-paged list, with "21–40 of 132"; nothing while everything fits on one page. */
export function Pager(props: { label: string; offset: number; limit: number; total: number; onOffset: (offset: number) => void }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const { offset, limit, total } = props;
  if (total <= limit && offset === 0) return null;
  const n = (v: number) => formatNumber(v, locale.tag);
  return (
    <nav className={styles.root} aria-label={props.label}>
      <Button disabled={offset === 0} onClick={() => props.onOffset(Math.max(0, offset - limit))}>
        {t.previousPage}
      </Button>
      <Caption1>{t.pageRange(n(Math.min(offset + 1, total)), n(Math.min(offset + limit, total)), n(total))}</Caption1>
      <Button disabled={offset + limit >= total} onClick={() => props.onOffset(offset + limit)}>
        {t.nextPage}
      </Button>
    </nav>
  );
}
