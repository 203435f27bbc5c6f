import {
  Body1Strong,
  Button,
  Caption1,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { PaymentCustomer, PaymentItem } from '../../../../contract/api-contract';
import { useServices } from '../../app/services-context';
import { useLoad } from '../../app/use-load';
import { useNarrow } from '../../app/use-media-query';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { Pager } from '../../components/pager';
import { formatDay, formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { InvoiceLink } from './invoice-link';
import { dueWords, paymentWords, remainingWords } from './payment-words';

export const CUSTOMER_INVOICES_PAGE = 25;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  scroll: { overflowX: 'auto' },
  amount: { textAlign: 'end', whiteSpace: 'nowrap' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: 'none' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  itemHead: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** One customer's invoices (only the overdue ones when the view says so), newest first, with their payment status and a link each into Business Central. */
export function CustomerInvoices(props: { customer: PaymentCustomer; overdue: boolean; onBack: () => void }) {
  const styles = useStyles();
  const { api } = useServices();
  const { t, locale } = useI18n();
  const narrow = useNarrow();
  const { customer, overdue } = props;
  const [offset, setOffset] = useState(0);
  const invoices = useLoad(
    () => api.payments({ customer: customer.email, overdue, offset, limit: CUSTOMER_INVOICES_PAGE }),
    `payments:${customer.email}:${overdue}:${offset}`,
  );
  const title = t.customerInvoicesTitle(customer.name || customer.email);
  const day = (d: string | null) => (d ? formatDay(d, locale.tag) : t.notKnown);
  const status = (i: PaymentItem) => paymentWords(i.state, i, t, locale.tag);
  const data = invoices.data;
  return (
    <section className={styles.root} aria-label={title}>
      <div>
        <Button appearance="subtle" onClick={props.onBack}>
          {t.backToCustomers}
        </Button>
      </div>
      <Subtitle2 as="h2">{title}</Subtitle2>
      {invoices.error && <ErrorState message={invoices.error.message} onRetry={invoices.reload} />}
      {!data && invoices.loading && <LoadingState />}
      {data && data.total === 0 && <EmptyState title={t.customerInvoicesEmpty} />}
      {data && data.items.length > 0 && narrow && (
        <ul className={styles.list} aria-label={title}>
          {data.items.map((i) => (
            <li key={i.id} className={styles.item}>
              <div className={styles.itemHead}>
                <InvoiceLink number={i.number} url={i.url} />
                <Body1Strong>{status(i)}</Body1Strong>
              </div>
              <Caption1>
                {t.colInvoiceDate}: {day(i.invoiceDate)} · {t.colAmount}: {formatMoney(i.amount, locale.tag)}
              </Caption1>
              <Caption1>
                {t.colRemaining}: {remainingWords(i.payment, t, locale.tag)} · {t.colDueDate}: {dueWords(i.payment, t, locale.tag)}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {data && data.items.length > 0 && !narrow && (
        <div className={styles.scroll} tabIndex={0} role="region" aria-label={title}>
          <Table size="small" aria-label={title}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.colInvoice}</TableHeaderCell>
                <TableHeaderCell>{t.colInvoiceDate}</TableHeaderCell>
                <TableHeaderCell className={styles.amount}>{t.colAmount}</TableHeaderCell>
                <TableHeaderCell>{t.colPayment}</TableHeaderCell>
                <TableHeaderCell className={styles.amount}>{t.colRemaining}</TableHeaderCell>
                <TableHeaderCell>{t.colDueDate}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((i) => (
                <TableRow key={i.id}>
                  <TableCell>
                    <InvoiceLink number={i.number} url={i.url} />
                  </TableCell>
                  <TableCell>{day(i.invoiceDate)}</TableCell>
                  <TableCell className={styles.amount}>{formatMoney(i.amount, locale.tag)}</TableCell>
                  <TableCell>{status(i)}</TableCell>
                  <TableCell className={styles.amount}>{remainingWords(i.payment, t, locale.tag)}</TableCell>
                  <TableCell>{dueWords(i.payment, t, locale.tag)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {data && <Pager label={title} offset={data.offset} limit={data.limit} total={data.total} onOffset={setOffset} />}
    </section>
  );
}
