import { Spinner } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context';

export function LoadingState(props: { label?: string }) {
  const { t } = useI18n();
  return <Spinner size="small" label={props.label ?? t.loading} role="status" />;
}
