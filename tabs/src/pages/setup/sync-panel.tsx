import { Body1, Button, Caption1, Field, makeStyles, ProgressBar, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useServices } from '../../app/services-context';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorState } from '../../components/error-state';
import { syncErrorWords } from '../../../../service/jobs/sync-error-words';
import { SyncWatch, type SyncWatchState } from '../unbilled/sync-watch';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '480px' } });

/**
 * Sync now, its progress, and the last sync's time, counts and error. Followed as the Unbilled page
 * follows it (SyncWatch): a sync already running when Setup opens (the scheduler's, another person's)
 * shows its progress to its end, and Sync now comes back when it ends.
 */
export function SyncPanel(props: { pollMs?: number }) {
  const styles = useStyles();
  const { api } = useServices();
  const { t, locale, timeZone } = useI18n();
  const [state, setState] = useState<SyncWatchState>({ phase: 'checking' });
  const watch = useMemo(() => new SyncWatch({ api, onChange: setState, pollMs: props.pollMs ?? 1000 }), [api, props.pollMs]);
  useEffect(() => {
    void watch.start();
    return () => watch.stop();
  }, [watch]);

  const n = (v: number) => formatNumber(v, locale.tag);
  const running = state.phase === 'starting' || state.phase === 'active';
  const progress = state.phase === 'active' ? state.run.progress : null;
  const last = state.phase === 'ended' ? state.run : null;
  return (
    <section className={styles.root} aria-label={t.sectionSync}>
      <Subtitle2 as="h2">{t.sectionSync}</Subtitle2>
      {state.phase === 'starting' && <Spinner size="extra-small" labelPosition="after" label={t.syncStarting} role="status" />}
      {progress && (
        <Field validationMessage={t.syncRunning(n(progress.done), n(progress.total))} validationState="none">
          <ProgressBar
            value={progress.total > 0 ? progress.done / progress.total : undefined}
            max={1}
            aria-label={t.syncRunning(n(progress.done), n(progress.total))}
          />
        </Field>
      )}
      {last && (
        <>
          <Body1>{t.syncLast(formatDateTime(last.finishedAt ?? last.updatedAt, locale.tag, timeZone), t.syncStates[last.state])}</Body1>
          <Caption1>{t.syncCounts(n(last.counts.added), n(last.counts.updated), n(last.counts.removed), n(last.counts.rejected))}</Caption1>
          {last.error && <Caption1>{syncErrorWords(last.errorKind ?? last.error, locale.language)}</Caption1>}
        </>
      )}
      {state.phase === 'never' && <Caption1>{t.syncNever}</Caption1>}
      {state.phase === 'error' && <ErrorState message={state.error.message} />}
      <div>
        <Button disabled={running || state.phase === 'checking'} onClick={() => void watch.syncNow()}>
          {t.syncNow}
        </Button>
      </div>
    </section>
  );
}
