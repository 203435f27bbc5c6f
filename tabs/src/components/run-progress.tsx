import { Field, ProgressBar } from '@fluentui/react-components';
import type { RunSummary } from '../../../contract/api-contract';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';

/** Progress of a run; indeterminate until the run has planned its invoices. */
export function RunProgress(props: { run: RunSummary | null }) {
  const { t, locale } = useI18n();
  const progress = props.run?.progress;
  const planned = progress?.planned ?? 0;
  const done = progress ? progress.created + progress.failed : 0;
  const label = planned > 0 ? t.runProgress(formatNumber(done, locale.tag), formatNumber(planned, locale.tag)) : t.runStarting;
  return (
    <Field label={t.runTitle} validationMessage={label} validationState="none">
      <ProgressBar value={planned > 0 ? done / planned : undefined} max={1} aria-label={label} />
    </Field>
  );
}
