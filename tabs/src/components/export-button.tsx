import { Button, Caption1, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ExportRequest } from '../http/export-path';
import { useServices } from '../app/services-context';
import { asApiError } from '../http/api-error';
import { useI18n } from '../i18n/i18n-context';
import { saveFile } from './save-file';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** "Export CSV": downloads what `request` names in the reader's language; a failure is said beside it. */
export function ExportButton(props: { request: ExportRequest; what: string }) {
  const styles = useStyles();
  const { api } = useServices();
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await api.exportCsv(props.request, locale.language);
      saveFile(file.blob, file.fileName);
    } catch (e) {
      setError(t.exportFailed(asApiError(e).message));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className={styles.root}>
      <Button icon={busy ? <Spinner size="tiny" /> : undefined} disabled={busy} aria-label={t.exportWhat(props.what)} onClick={() => void run()}>
        {t.exportCsv}
      </Button>
      {error && (
        <Caption1 role="alert" className={styles.error}>
          {error}
        </Caption1>
      )}
    </span>
  );
}
