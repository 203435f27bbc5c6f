import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { ErrorState } from '../../components/error-state';
import { formatPercent } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { syncPercent, type SyncWatchState } from './sync-watch';
import { syncErrorWords } from '../../../../service/jobs/sync-error-words';

export interface SyncStatusProps {
  state: SyncWatchState;
  onSyncNow: () => void;
  onRetry: () => void;
  /** Where connections and the sync are set up; without it the failure offers no way there. */
  onOpenSetup?: () => void;
}

/** The latest sync as the Unbilled page needs it: progress while it runs, its error if it failed. */
export function SyncStatus(props: SyncStatusProps) {
  const { t, locale } = useI18n();
  const { state } = props;
  if (state.phase === 'starting') return <Spinner size="extra-small" labelPosition="after" label={t.syncStarting} role="status" />;
  if (state.phase === 'active') {
    const { run } = state;
    const percent = syncPercent(run);
    const text =
      run.state === 'queued'
        ? t.syncQueued
        : t.syncProgress(percent === null ? null : formatPercent(percent, locale.tag), run.phase === null ? null : (t.syncPhases[run.phase] ?? run.phase));
    return <Spinner size="extra-small" labelPosition="after" label={text} role="status" />;
  }
  if (state.phase === 'error') return <ErrorState message={state.error.message} onRetry={props.onRetry} />;
  if (state.phase === 'ended' && state.run.state === 'failed') {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t.syncFailedTitle}</MessageBarTitle>
          {syncErrorWords(state.run.errorKind ?? state.run.error, locale.language) ?? t.syncStates.failed}
        </MessageBarBody>
        <MessageBarActions>
          {props.onOpenSetup && <Button onClick={props.onOpenSetup}>{t.openSetup}</Button>}
          <Button onClick={props.onSyncNow}>{t.syncNow}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return null;
}
