import { Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { LinkFixButtons } from './link-fix';
import type { RowView } from './row-view';
import { parseTypedPrice } from './typed-price';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
  // The grid's cells break long words anywhere; the price field and its currency stay whole.
  price: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalXS, overflowWrap: 'normal' },
  input: { width: '96px' },
});

export interface ReasonCellProps {
  row: RowView;
  busy: boolean;
  onSetPrice: (id: string, minor: number, currency: string) => void;
}

/** Why a row cannot be invoiced, what to do about it in words, and, for a missing price, the fix itself. */
export function ReasonCell({ row, busy, onSetPrice }: ReasonCellProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const save = () => {
    const minor = parseTypedPrice(text, row.currency);
    setInvalid(minor === null);
    if (minor !== null) onSetPrice(row.id, minor, row.currency);
  };
  return (
    <div className={styles.root}>
      <span>{row.reason}</span>
      {row.reasonCodes.map((code) => (
        <Caption1 key={code} className={styles.hint}>
          {code === 'customer-blocked' && row.blockedNumbers.length > 0 ? t.customerBlockedHint(row.blockedNumbers.join(', ')) : t.reasonHints[code]}
        </Caption1>
      ))}
      <LinkFixButtons row={row} />
      {row.reasonCodes.includes('price-needed') && (
        <form
          className={styles.price}
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Field validationMessage={invalid ? t.priceInvalid : undefined} validationState={invalid ? 'error' : 'none'}>
            <Input
              className={styles.input}
              size="small"
              inputMode="decimal"
              aria-label={t.priceInputLabel(row.label)}
              contentAfter={row.currency}
              value={text}
              onChange={(_, d) => setText(d.value)}
            />
          </Field>
          <Button size="small" type="submit" disabled={busy || text.trim() === ''}>
            {t.savePrice}
          </Button>
        </form>
      )}
    </div>
  );
}
