import {
  Caption1,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useServices } from '../../app/services-context';
import { useLoad } from '../../app/use-load';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { formatDateTime, formatNumber, formatTotals } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { auditDetails } from './audit-details';
import { auditSubject } from './audit-subject';
import { runErrorWords } from '../../../../service/invoicing/run/run-error-words';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  scroll: { overflowX: 'auto' },
});

/** Invoice runs (who, when, from where, result) and the audit log, newest first. */
export function HistoryPage() {
  const styles = useStyles();
  const { api } = useServices();
  const { t, locale, timeZone } = useI18n();
  const runs = useLoad(() => api.runs({ limit: 50, offset: 0 }), 'runs');
  const audit = useLoad(() => api.audit({ limit: 100, offset: 0 }), 'audit');
  const n = (v: number) => formatNumber(v, locale.tag);
  const when = (at: string) => formatDateTime(at, locale.tag, timeZone);
  return (
    <div className={styles.root}>
      <Title3 as="h1">{t.historyTitle}</Title3>
      <section aria-label={t.runsTitle} className={styles.scroll} tabIndex={0}>
        <Subtitle2 as="h2">{t.runsTitle}</Subtitle2>
        {runs.error && <ErrorState message={runs.error.message} onRetry={runs.reload} />}
        {!runs.data && runs.loading && <LoadingState />}
        {runs.data && runs.data.runs.length === 0 && <EmptyState title={t.runsEmpty} />}
        {runs.data && runs.data.runs.length > 0 && (
          <Table size="small" aria-label={t.runsTitle}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.colWhen}</TableHeaderCell>
                <TableHeaderCell>{t.colWho}</TableHeaderCell>
                <TableHeaderCell>{t.colSource}</TableHeaderCell>
                <TableHeaderCell>{t.colResult}</TableHeaderCell>
                <TableHeaderCell>{t.colTotal}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {runs.data.runs.map((run) => (
                <TableRow key={run.id}>
                  <TableCell>{when(run.createdAt)}</TableCell>
                  <TableCell>{run.requestedBy}</TableCell>
                  <TableCell>{t.sources[run.source] ?? run.source}</TableCell>
                  <TableCell>
                    {t.runStates[run.state]}: {t.runSummary(n(run.counts.created), n(run.counts.failed), n(run.counts.skipped))}
                    {/* The stored run error is a kind (older runs: English text, shown as the unknown kind). */}
                    {run.error && <Caption1> · {runErrorWords(run.error, locale.language)}</Caption1>}
                  </TableCell>
                  <TableCell>{formatTotals(run.totals, locale.tag)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section aria-label={t.auditTitle} className={styles.scroll} tabIndex={0}>
        <Subtitle2 as="h2">{t.auditTitle}</Subtitle2>
        {audit.error && <ErrorState message={audit.error.message} onRetry={audit.reload} />}
        {!audit.data && audit.loading && <LoadingState />}
        {audit.data && audit.data.entries.length === 0 && <EmptyState title={t.auditEmpty} />}
        {audit.data && audit.data.entries.length > 0 && (
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
                  <TableCell>{entry.actor}</TableCell>
                  <TableCell>{t.sources[entry.source] ?? entry.source}</TableCell>
                  <TableCell>{t.auditActions[entry.action] ?? entry.action}</TableCell>
                  <TableCell>
                    {auditSubject(entry, t)}
                    {auditDetails(entry.details) && <Caption1> · {auditDetails(entry.details)}</Caption1>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
