import {
  Body1Strong,
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  Subtitle2,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { PAYMENT_CUSTOMER_SORTS, type PaymentCustomer, type PaymentCustomerSort } from '../../../../contract/api-contract';
import { useServices } from '../../app/services-context';
import { useLoad } from '../../app/use-load';
import { useNarrow } from '../../app/use-media-query';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { Pager } from '../../components/pager';
import { formatDay, formatNumber, formatTotals } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { CustomerInvoices } from './customer-invoices';

export const CUSTOMERS_PAGE = 25;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  sort: { minWidth: 0, maxWidth: '100%' },
  scroll: { overflowX: 'auto' },
  number: { textAlign: 'end', whiteSpace: 'nowrap' },
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
  itemHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

/**
 * The customer view of the History: each customer with invoices in Business Central, how many are
 * overdue, what it owes and its oldest unpaid due date, sorted and paged on the server; opening one
 * lists its invoices. "Overdue only" narrows both to overdue invoices. A table when wide, a list of
 * cards on a phone or in the side panel.
 */
export function CustomersView() {
  const styles = useStyles();
  const { api } = useServices();
  const { t, locale } = useI18n();
  const narrow = useNarrow();
  const [overdue, setOverdue] = useState(false);
  const [sort, setSort] = useState<PaymentCustomerSort>('name');
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<PaymentCustomer | null>(null);
  const customers = useLoad(() => api.paymentCustomers({ overdue, sort, offset, limit: CUSTOMERS_PAGE }), `customers:${overdue}:${sort}:${offset}`);
  const n = (v: number) => formatNumber(v, locale.tag);
  const nameOf = (c: PaymentCustomer) => c.name || c.email;
  const due = (c: PaymentCustomer) => (c.oldestDue ? formatDay(c.oldestDue, locale.tag) : t.notKnown);

  if (open) return <CustomerInvoices key={open.email} customer={open} overdue={overdue} onBack={() => setOpen(null)} />;

  const openButton = (c: PaymentCustomer) => (
    <Button size="small" aria-label={t.showInvoicesLabel(nameOf(c))} onClick={() => setOpen(c)}>
      {t.showInvoices}
    </Button>
  );
  const data = customers.data;
  return (
    <section className={styles.root} aria-label={t.customersTitle}>
      <Subtitle2 as="h2">{t.customersTitle}</Subtitle2>
      <div className={styles.toolbar}>
        <Switch
          label={t.overdueOnly}
          checked={overdue}
          onChange={(_, d) => {
            setOverdue(d.checked);
            setOffset(0);
          }}
        />
        <Field label={t.customerSortLabel} className={styles.sort}>
          <Select
            value={sort}
            onChange={(_, d) => {
              setSort(PAYMENT_CUSTOMER_SORTS.find((s) => s === d.value) ?? 'name');
              setOffset(0);
            }}
          >
            {PAYMENT_CUSTOMER_SORTS.map((s) => (
              <option key={s} value={s}>
                {t.customerSorts[s]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {customers.error && <ErrorState message={customers.error.message} onRetry={customers.reload} />}
      {!data && customers.loading && <LoadingState />}
      {data && data.total === 0 && <EmptyState title={overdue ? t.customersOverdueEmpty : t.customersEmpty} />}
      {/* The last answer stays on screen while the next loads (a switch, a sort, a page): marked busy, as the Unbilled list is. */}
      {data && data.customers.length > 0 && narrow && (
        <ul className={styles.list} aria-label={t.customersTitle} aria-busy={customers.loading}>
          {data.customers.map((c) => (
            <li key={c.email} className={styles.item}>
              <div className={styles.itemHead}>
                <Body1Strong>{nameOf(c)}</Body1Strong>
                {openButton(c)}
              </div>
              {c.name && <Caption1>{c.email}</Caption1>}
              <Caption1>{t.customerSummary(n(c.invoices), n(c.overdue), formatTotals(c.owed, locale.tag))}</Caption1>
              <Caption1>
                {t.colOldestDue}: {due(c)}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {data && data.customers.length > 0 && !narrow && (
        <div className={styles.scroll} tabIndex={0} role="region" aria-label={t.customersTitle} aria-busy={customers.loading}>
          <Table size="small" aria-label={t.customersTitle}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.colCustomer}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t.colInvoices}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t.colOverdue}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t.colOwed}</TableHeaderCell>
                <TableHeaderCell>{t.colOldestDue}</TableHeaderCell>
                <TableHeaderCell>{t.showInvoices}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.customers.map((c) => (
                <TableRow key={c.email}>
                  <TableCell>
                    {nameOf(c)}
                    {c.name && <Caption1> · {c.email}</Caption1>}
                  </TableCell>
                  <TableCell className={styles.number}>{n(c.invoices)}</TableCell>
                  <TableCell className={styles.number}>{n(c.overdue)}</TableCell>
                  <TableCell className={styles.number}>{formatTotals(c.owed, locale.tag)}</TableCell>
                  <TableCell>{due(c)}</TableCell>
                  <TableCell>{openButton(c)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {data && <Pager label={t.customersTitle} offset={data.offset} limit={data.limit} total={data.total} onOffset={setOffset} />}
    </section>
  );
}
