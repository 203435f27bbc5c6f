import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context';

/** A failed load or action: the server's message as text, and a way to try again. */
export function ErrorState(props: { message: string; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
        {props.message}
      </MessageBarBody>
      {props.onRetry && (
        <MessageBarActions>
          <Button onClick={props.onRetry}>{t.tryAgain}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
