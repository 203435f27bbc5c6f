import {
  Body1,
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
import { useEffect, useMemo, useState } from 'react';
import type { InvoiceRunSummary, RunSummary } from '../../../../contract/api-contract';
import { useServices } from '../../app/services-context';
import { useLoad } from '../../app/use-load';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { ExportButton } from '../../components/export-button';
import { LoadingState } from '../../components/loading-state';
import { Pager } from '../../components/pager';
import { RunProgress } from '../../components/run-progress';
import { RunResultView } from '../../components/run-result';
import { invoiceErrorWords } from '../../../../service/invoicing/run/invoice-error-words';
import { formatDateTime, formatMoney, formatNumber, formatTotals } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { RunFlow, type RunFlowState } from '../unbilled/run-flow';
import { whoText } from '../../../../contract/words/who-text';
import { InvoiceLink } from './invoice-link';
import { paymentWords, remainingWords } from './payment-words';

export const RUN_INVOICES_PAGE = 25;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  scroll: { overflowX: 'auto' },
  amount: { textAlign: 'end', whiteSpace: 'nowrap' },
  problem: { display: 'block', color: tokens.colorPaletteRedForeground1 },
});

/**
 * One invoice run opened from the History: its invoices a page at a time (Business Central's number
 * with a link, customer, exact amount, status and why one failed, and its payment as the last sync read
 * it in Business Central), its export, and Retry of its failures.
 */
export function RunDetail(props: { run: InvoiceRunSummary; mayRetry: boolean; onBack: () => void; onRetried: (run: RunSummary) => void; pollMs?: number }) {
  const styles = useStyles();
  const { api, openLink } = useServices();
  const { t, locale, timeZone } = useI18n();
  const { run } = props;
  const [offset, setOffset] = useState(0);
  const invoices = useLoad(() => api.runInvoices(run.id, { offset, limit: RUN_INVOICES_PAGE }), `${run.id}:${offset}`);
  const [flow, setFlow] = useState<RunFlowState>({ phase: 'idle' });
  const onRetried = props.onRetried;
  const retryFlow = useMemo(() => new RunFlow({ api, onChange: setFlow, pollMs: props.pollMs ?? 1000, onSettled: onRetried }), [api, props.pollMs, onRetried]);
  // Left (back to the runs, another run, the customers): the retry goes on in the service and shows in
  // the list, but its end no longer opens it over whatever the person turned to.
  useEffect(() => () => retryFlow.cancel(), [retryFlow]);
  const n = (v: number) => formatNumber(v, locale.tag);
  const when = formatDateTime(run.createdAt, locale.tag, timeZone);
  const canRetry = props.mayRetry && run.finished && run.failures > 0 && flow.phase === 'idle';
  return (
    <section className={styles.root} aria-label={t.runOfTitle(when)}>
      <div className={styles.bar}>
        <Button appearance="subtle" onClick={props.onBack}>
          {t.backToRuns}
        </Button>
      </div>
      <Subtitle2 as="h2">{t.runOfTitle(when)}</Subtitle2>
      <Body1>
        {whoText(run.who, t)} · {t.sources[run.source] ?? run.source} · {t.runStates[run.state]}:{' '}
        {t.runSummary(n(run.counts.created), n(run.counts.failed), n(run.counts.skipped))} · {formatTotals(run.totals, locale.tag)}
      </Body1>
      <div className={styles.bar}>
        <ExportButton request={{ kind: 'run-invoices', runId: run.id }} what={t.runOfTitle(when)} />
        {canRetry && (
          <Button appearance="primary" onClick={() => void retryFlow.retry(run.id)}>
            {t.retryFailed}
          </Button>
        )}
      </div>
      {flow.phase === 'running' && (
        <div role="status" aria-live="polite">
          <Caption1>{t.retryRunning}</Caption1>
          <RunProgress run={flow.run} />
        </div>
      )}
      {flow.phase === 'done' && <RunResultView run={flow.run} openLink={openLink} onRetry={(id) => void retryFlow.retry(id)} />}
      {flow.phase === 'error' && <ErrorState message={t.retryFailedError(flow.error.message)} />}

      <Subtitle2 as="h3">{t.runInvoicesTitle}</Subtitle2>
      {invoices.error && <ErrorState message={invoices.error.message} onRetry={invoices.reload} />}
      {!invoices.data && invoices.loading && <LoadingState />}
      {invoices.data && invoices.data.total === 0 && <EmptyState title={t.runInvoicesEmpty} />}
      {invoices.data && invoices.data.invoices.length > 0 && (
        <div className={styles.scroll} tabIndex={0} role="region" aria-label={t.runInvoicesTitle}>
          <Table size="small" aria-label={t.runInvoicesTitle}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.colInvoice}</TableHeaderCell>
                <TableHeaderCell>{t.colCustomer}</TableHeaderCell>
                <TableHeaderCell className={styles.amount}>{t.colAmount}</TableHeaderCell>
                <TableHeaderCell>{t.colStatus}</TableHeaderCell>
                <TableHeaderCell>{t.colPayment}</TableHeaderCell>
                <TableHeaderCell className={styles.amount}>{t.colRemaining}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {invoices.data.invoices.map((invoice) => (
                <TableRow key={invoice.id}>
                  <TableCell>
                    <InvoiceLink number={invoice.number} url={invoice.url} />
                  </TableCell>
                  <TableCell>{invoice.customer.name || invoice.customer.email}</TableCell>
                  <TableCell className={styles.amount}>{formatMoney(invoice.amount, locale.tag)}</TableCell>
                  <TableCell>
                    {t.invoiceStatus[invoice.status]}
                    {/* A failure in the reader's words, as the run's result and the bot's card give it: the stored text is the run's English. */}
                    {(invoice.error ?? invoice.verifyProblem) && (
                      <Caption1 className={styles.problem}>{invoiceErrorWords(invoice.error, locale.language) ?? invoice.verifyProblem}</Caption1>
                    )}
                  </TableCell>
                  <TableCell>{paymentWords(invoice.paymentState, invoice, t, locale.tag)}</TableCell>
                  <TableCell className={styles.amount}>{remainingWords(invoice.payment, t, locale.tag)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {invoices.data && (
        <Pager label={t.runInvoicesTitle} offset={invoices.data.offset} limit={invoices.data.limit} total={invoices.data.total} onOffset={setOffset} />
      )}
    </section>
  );
}
