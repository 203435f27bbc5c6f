import { Body1Strong, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ConnectionTestResponse } from '../../../../contract/api-contract';
import { useServices } from '../../app/services-context';
import { asApiError } from '../../http/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS } });

function Side(props: { title: string; ok: boolean; name?: string; messages: readonly string[] }) {
  const { t } = useI18n();
  return (
    <div role="status">
      <Body1Strong>
        {props.title}: {props.ok ? t.testOk : t.testFailed}
        {props.name ? ` (${props.name})` : ''}
      </Body1Strong>
      <ul>
        {props.messages.map((m, i) => (
          <li key={i}>
            <Caption1>{m}</Caption1>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Tests Bookings and Business Central with the company the form shows, saved or not. */
export function ConnectionTest(props: { companyId: string | null }) {
  const styles = useStyles();
  const { api } = useServices();
  const { t } = useI18n();
  const [result, setResult] = useState<ConnectionTestResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const test = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.testConnections({ companyId: props.companyId }));
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.root}>
      <div>
        <Button disabled={busy} onClick={() => void test()}>
          {t.testConnection}
        </Button>
      </div>
      {busy && <LoadingState />}
      {error && <ErrorState message={error} />}
      {result && (
        <>
          <Side
            title={t.testBookings}
            ok={result.bookings.ok}
            name={result.bookings.businessName}
            messages={[...result.bookings.problems, ...result.bookings.warnings]}
          />
          <Side
            title={t.testBc}
            ok={result.businessCentral.ok}
            name={result.businessCentral.companyName}
            messages={[...result.businessCentral.problems, ...result.businessCentral.warnings, ...result.businessCentral.notes]}
          />
        </>
      )}
    </div>
  );
}
