import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Subtitle2,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { InvoiceRunSummary, RunSummary } from '../../../../contract/api-contract';
import { useServices } from '../../app/services-context';
import { useLoad } from '../../app/use-load';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { ExportButton } from '../../components/export-button';
import { LoadingState } from '../../components/loading-state';
import { Pager } from '../../components/pager';
import { formatDateTime, formatNumber, formatTotals } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { runErrorWords } from '../../../../service/invoicing/run/run-error-words';
import { auditDetails } from '../../../../contract/words/audit-details';
import { auditSubject } from '../../../../contract/words/audit-subject';
import { CustomersView } from './customers-view';
import { RunDetail } from './run-detail';
import { whoText } from '../../../../contract/words/who-text';

export const RUNS_PAGE = 20;
export const AUDIT_PAGE = 50;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  scroll: { overflowX: 'auto' },
  /** Named for screen readers only: the column holds each run's Open button. */
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/**
 * Invoice runs (who, when, from where, result; open one for its invoices) and the audit log, newest
 * first, paged, exportable; or the customers with their invoices' payment status.
 */
export function HistoryPage(props: { pollMs?: number }) {
  const styles = useStyles();
  const { api } = useServices();
  const { t, locale, timeZone } = useI18n();
  const [runsOffset, setRunsOffset] = useState(0);
  const [auditOffset, setAuditOffset] = useState(0);
  const [view, setView] = useState<'runs' | 'customers'>('runs');
  const [open, setOpen] = useState<InvoiceRunSummary | null>(null);
  /** A retry's run, opened once the list shows it, and what it did. */
  const [toOpen, setToOpen] = useState<string | null>(null);
  const [retried, setRetried] = useState<RunSummary | null>(null);
  const runs = useLoad(() => api.runs({ limit: RUNS_PAGE, offset: runsOffset }), `runs:${runsOffset}`);
  const audit = useLoad(() => api.audit({ limit: AUDIT_PAGE, offset: auditOffset }), `audit:${auditOffset}`);
  const me = useLoad(() => api.me(), 'me');
  const mayRetry = me.data?.roles.includes('invoicer') ?? false;
  const n = (v: number) => formatNumber(v, locale.tag);
  const when = (at: string) => formatDateTime(at, locale.tag, timeZone);

  const { reload: reloadRuns } = runs;
  const { reload: reloadAudit } = audit;
  const onRetried = useCallback(
    (run: RunSummary) => {
      setRetried(run);
      setToOpen(run.id);
      setRunsOffset(0);
      reloadRuns();
      reloadAudit();
    },
    [reloadRuns, reloadAudit],
  );
  useEffect(() => {
    const found = toOpen === null ? undefined : runs.data?.runs.find((r) => r.id === toOpen);
    if (found) {
      setOpen(found);
      setToOpen(null);
    }
  }, [runs.data, toOpen]);

  return (
    <div className={styles.root}>
      <Title3 as="h1">{t.historyTitle}</Title3>
      <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value === 'customers' ? 'customers' : 'runs')} aria-label={t.historyViews}>
        <Tab value="runs">{t.viewRuns}</Tab>
        <Tab value="customers">{t.viewCustomers}</Tab>
      </TabList>
      {view === 'customers' && <CustomersView />}
      {retried && (
        <MessageBar intent={retried.progress.failed > 0 ? 'warning' : 'success'} role="status">
          <MessageBarBody>{t.retryDone(n(retried.progress.created), n(retried.progress.failed))}</MessageBarBody>
        </MessageBar>
      )}
      {view === 'runs' && open && (
        <RunDetail
          key={open.id}
          run={open}
          mayRetry={mayRetry}
          onBack={() => {
            setOpen(null);
            setRetried(null);
            // A retry started from the run shows in the list at once, running or done.
            reloadRuns();
          }}
          onRetried={onRetried}
          {...(props.pollMs === undefined ? {} : { pollMs: props.pollMs })}
        />
      )}
      {view === 'runs' && !open && (
        <section className={styles.section}>
          <div className={styles.heading}>
            <Subtitle2 as="h2">{t.runsTitle}</Subtitle2>
            <ExportButton request={{ kind: 'runs' }} what={t.runsTitle} />
          </div>
          {runs.error && <ErrorState message={runs.error.message} onRetry={runs.reload} />}
          {!runs.data && runs.loading && <LoadingState />}
          {runs.data && runs.data.total === 0 && <EmptyState title={t.runsEmpty} />}
          {runs.data && runs.data.runs.length > 0 && (
            <div className={styles.scroll} tabIndex={0} role="region" aria-label={t.runsTitle}>
              <Table size="small" aria-label={t.runsTitle}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t.colWhen}</TableHeaderCell>
                    <TableHeaderCell>{t.colWho}</TableHeaderCell>
                    <TableHeaderCell>{t.colSource}</TableHeaderCell>
                    <TableHeaderCell>{t.colResult}</TableHeaderCell>
                    <TableHeaderCell>{t.colTotal}</TableHeaderCell>
                    <TableHeaderCell>
                      <span className={styles.hidden}>{t.openRun}</span>
                    </TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {runs.data.runs.map((run) => (
                    <TableRow key={run.id}>
                      <TableCell>{when(run.createdAt)}</TableCell>
                      <TableCell>{whoText(run.who, t)}</TableCell>
                      <TableCell>{t.sources[run.source] ?? run.source}</TableCell>
                      <TableCell>
                        {t.runStates[run.state]}: {t.runSummary(n(run.counts.created), n(run.counts.failed), n(run.counts.skipped))}
                        {run.error && <Caption1> · {runErrorWords(run.error, locale.language)}</Caption1>}
                      </TableCell>
                      <TableCell>{formatTotals(run.totals, locale.tag)}</TableCell>
                      <TableCell>
                        <Button size="small" aria-label={t.openRunLabel(when(run.createdAt))} onClick={() => setOpen(run)}>
                          {t.openRun}
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {runs.data && <Pager label={t.runsTitle} offset={runs.data.offset} limit={runs.data.limit} total={runs.data.total} onOffset={setRunsOffset} />}
        </section>
      )}
      {view === 'runs' && (
        <section className={styles.section}>
          <div className={styles.heading}>
            <Subtitle2 as="h2">{t.auditTitle}</Subtitle2>
            <ExportButton request={{ kind: 'audit' }} what={t.auditTitle} />
          </div>
          {audit.error && <ErrorState message={audit.error.message} onRetry={audit.reload} />}
          {!audit.data && audit.loading && <LoadingState />}
          {audit.data && audit.data.total === 0 && <EmptyState title={t.auditEmpty} />}
          {audit.data && audit.data.entries.length > 0 && (
            <div className={styles.scroll} tabIndex={0} role="region" aria-label={t.auditTitle}>
              <Table size="small" aria-label={t.auditTitle}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t.colWhen}</TableHeaderCell>
                    <TableHeaderCell>{t.colWho}</TableHeaderCell>
                    <TableHeaderCell>{t.colSource}</TableHeaderCell>
                    <TableHeaderCell>{t.colAction}</TableHeaderCell>
                    <TableHeaderCell>{t.colSubject}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {audit.data.entries.map((entry) => (
                    <TableRow key={entry.id}>
                      <TableCell>{when(entry.at)}</TableCell>
                      <TableCell>{whoText(entry.who, t)}</TableCell>
                      <TableCell>{t.sources[entry.source] ?? entry.source}</TableCell>
                      <TableCell>{t.auditActions[entry.action] ?? entry.action}</TableCell>
                      <TableCell>
                        {auditSubject(entry, t, locale.tag, timeZone)}
                        {auditDetails(entry.details) && <Caption1> · {auditDetails(entry.details)}</Caption1>}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {audit.data && <Pager label={t.auditTitle} offset={audit.data.offset} limit={audit.data.limit} total={audit.data.total} onOffset={setAuditOffset} />}
        </section>
      )}
    </div>
  );
}
