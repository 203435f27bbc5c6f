import { Body1Strong, Button, Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { formatMoney, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { invoiceErrorWords, isFailedInvoice } from '../../../service/invoicing/run/invoice-error-words';
import { afterCreateWords } from '../../../service/invoicing/run/after-create-words';
import { runErrorWords } from '../../../service/invoicing/run/run-error-words';
import type { SettledRun } from '../pages/unbilled/run-flow';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export interface RunResultViewProps {
  run: SettledRun;
  openLink: (url: string) => void;
  onRetry: (runId: string) => void;
}

/** Each invoice number linking into Business Central; each failure with its reason and Retry. */
export function RunResultView(props: RunResultViewProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const { run } = props;
  // The first page of the invoices is listed; the numbers are of all of them.
  const created = run.invoices.filter((i) => !isFailedInvoice(i));
  const failed = run.invoices.filter(isFailedInvoice);
  const counted = Object.entries(run.byStatus);
  const allCount = counted.reduce((sum, [, count]) => sum + count, 0);
  const failedCount = counted.reduce((sum, [status, count]) => sum + (isFailedInvoice({ status }) ? count : 0), 0);
  const n = (v: number) => formatNumber(v, locale.tag);
  return (
    <section className={styles.root} aria-label={t.runTitle}>
      <Body1Strong role="status">
        {run.error !== null && !run.finished
          ? t.runStopped(runErrorWords(run.errorKind ?? run.error, locale.language) ?? '')
          : allCount === 0
            ? t.runNothing
            : t.runDone(n(allCount - failedCount), n(failedCount))}
      </Body1Strong>
      {run.counts.invoices > 0 && <Caption1>{t.runCounts(n(run.counts.appointments), n(run.counts.invoices), n(run.counts.customers))}</Caption1>}
      {created.length > 0 && (
        <ul className={styles.list}>
          {created.map((invoice) => {
            const number = invoice.number ?? invoice.externalDocumentNumber;
            const title = t.invoiceNumber(number);
            return (
              <li key={invoice.id}>
                {invoice.url ? (
                  <Link
                    href={invoice.url}
                    target="_blank"
                    rel="noreferrer"
                    aria-label={t.openInBc(number)}
                    onClick={(e) => {
                      e.preventDefault();
                      if (invoice.url) props.openLink(invoice.url);
                    }}
                  >
                    {title}
                  </Link>
                ) : (
                  <span>{title}</span>
                )}{' '}
                {t.invoiceStatus[invoice.status]} · {invoice.customer.name || invoice.customer.email} · {formatMoney(invoice.amount, locale.tag)}
                {invoice.sent && <> · {t.invoiceSent}</>}
                {invoice.status === 'posted' && invoice.draftNumber && <Caption1> · {t.draftNumber(invoice.draftNumber)}</Caption1>}
                {invoice.verifyProblem && <Caption1> · {invoice.verifyProblem}</Caption1>}
                {invoice.afterCreateProblem && <Caption1> · {afterCreateWords(invoice.afterCreateProblem, locale.language)}</Caption1>}
              </li>
            );
          })}
        </ul>
      )}
      {failed.length > 0 && (
        <>
          <Body1Strong>{t.failuresTitle}</Body1Strong>
          <ul className={styles.list}>
            {failed.map((invoice) => (
              <li key={invoice.id}>
                {invoice.customer.name || invoice.customer.email}:{' '}
                {/* A run that ended on an error: its failures are that error, in words; otherwise the invoice's own words. */}
                {(run.errorKind === null ? invoiceErrorWords(invoice.error, locale.language) : runErrorWords(run.errorKind, locale.language)) ??
                  t.invoiceStatus.failed}
              </li>
            ))}
          </ul>
        </>
      )}
      {allCount > run.invoices.length && <Caption1>{t.moreInvoicesInHistory(n(allCount - run.invoices.length))}</Caption1>}
      {run.skippedCount > 0 && (
        <Caption1>
          {t.skippedTitle}: {n(run.skippedCount)}
        </Caption1>
      )}
      {(failedCount > 0 || (run.error !== null && !run.finished)) && (
        <div>
          <Button onClick={() => props.onRetry(run.id)}>{t.retryFailed}</Button>
        </div>
      )}
    </section>
  );
}
