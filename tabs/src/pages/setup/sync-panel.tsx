import { Body1, Button, Caption1, Field, makeStyles, ProgressBar, Subtitle2, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { SyncRunView } from '../../../../contract/api-contract';
import { useServices } from '../../app/services-context';
import { asApiError } from '../../http/api-error';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorState } from '../../components/error-state';
import { syncErrorWords } from '../../../../service/jobs/sync-error-words';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '480px' } });

const isDone = (run: SyncRunView) => run.state === 'succeeded' || run.state === 'failed';

/** Sync now, its progress, and the last sync's time, counts and error. */
export function SyncPanel(props: { pollMs?: number }) {
  const styles = useStyles();
  const { api } = useServices();
  const { t, locale, timeZone } = useI18n();
  const [run, setRun] = useState<SyncRunView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    api.syncRuns(1).then(
      (r) => alive.current && setRun(r.runs[0] ?? null),
      (e: unknown) => alive.current && setError(asApiError(e).message),
    );
    return () => {
      alive.current = false;
    };
  }, [api]);

  const poll = async (id: string) => {
    for (;;) {
      const next = await api.syncRun(id);
      if (!alive.current) return;
      setRun(next);
      if (isDone(next) || next.state === 'stopped') return;
      await new Promise((resolve) => setTimeout(resolve, props.pollMs ?? 1000));
    }
  };

  const syncNow = async () => {
    setError(null);
    try {
      const { syncRunId } = await api.startSync();
      await poll(syncRunId);
    } catch (e) {
      if (alive.current) setError(asApiError(e).message);
    }
  };

  const n = (v: number) => formatNumber(v, locale.tag);
  const running = run !== null && !isDone(run) && run.state !== 'stopped';
  return (
    <section className={styles.root} aria-label={t.sectionSync}>
      <Subtitle2 as="h2">{t.sectionSync}</Subtitle2>
      {running && run && (
        <Field validationMessage={t.syncRunning(n(run.progress.done), n(run.progress.total))} validationState="none">
          <ProgressBar
            value={run.progress.total > 0 ? run.progress.done / run.progress.total : undefined}
            max={1}
            aria-label={t.syncRunning(n(run.progress.done), n(run.progress.total))}
          />
        </Field>
      )}
      {run && !running && (
        <>
          <Body1>{t.syncLast(formatDateTime(run.finishedAt ?? run.updatedAt, locale.tag, timeZone), t.syncStates[run.state])}</Body1>
          <Caption1>{t.syncCounts(n(run.counts.added), n(run.counts.updated), n(run.counts.removed), n(run.counts.rejected))}</Caption1>
          {run.error && <Caption1>{syncErrorWords(run.errorKind ?? run.error, locale.language)}</Caption1>}
        </>
      )}
      {!run && !error && <Caption1>{t.syncNever}</Caption1>}
      {error && <ErrorState message={error} />}
      <div>
        <Button disabled={running} onClick={() => void syncNow()}>
          {t.syncNow}
        </Button>
      </div>
    </section>
  );
}
