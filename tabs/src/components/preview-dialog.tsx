import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AfterCreate, Preview } from '../../../contract/api-contract';
import { formatMoney, formatNumber, formatTotals } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { LoadingState } from './loading-state';

const useStyles = makeStyles({
  scroll: { maxHeight: '50vh', overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface PreviewDialogProps {
  /** null while the preview loads. */
  preview: Preview | null;
  /** Names an appointment for the reader ("customer · service · start"). */
  describe: (appointmentId: string) => string;
  /** With what the invoicer chose to do after the drafts (the setup's choice unless changed). */
  onConfirm: (afterCreate: AfterCreate) => void;
  onCancel: () => void;
}

/** What a run would create and skip, and the one explicit click that creates it. */
export function PreviewDialog(props: PreviewDialogProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const { preview } = props;
  const n = (v: number) => formatNumber(v, locale.tag);
  const [afterCreate, setAfterCreate] = useState<AfterCreate>(preview?.afterCreate ?? 'draft');
  // The setup's choice arrives with the preview; an invoicer may pick another for this run. Taken
  // while rendering (not in an effect after it), so the choices never show 'draft' first.
  const [choiceOf, setChoiceOf] = useState(preview);
  if (preview !== choiceOf) {
    setChoiceOf(preview);
    if (preview) setAfterCreate(preview.afterCreate);
  }
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && props.onCancel()}>
      <DialogSurface aria-label={t.previewTitle}>
        <DialogBody>
          <DialogTitle>{t.previewTitle}</DialogTitle>
          <DialogContent className={styles.scroll}>
            {!preview && <LoadingState label={t.previewLoading} />}
            {preview && preview.invoices.length === 0 && <Body1>{preview.skipped.length > 0 ? t.previewNothingStale : t.previewNothing}</Body1>}
            {preview && preview.invoices.length > 0 && (
              <>
                <Body1>{t.previewInvoices(n(preview.counts.appointments), n(preview.counts.invoices), n(preview.counts.customers))}</Body1>
                <Body1>{t.previewTotal(formatTotals(preview.totals, locale.tag))}</Body1>
                <Table size="small" aria-label={t.previewTitle}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t.previewCustomer}</TableHeaderCell>
                      <TableHeaderCell>{t.previewLines}</TableHeaderCell>
                      <TableHeaderCell>{t.previewAmount}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {preview.invoices.map((invoice, i) => (
                      <TableRow key={`${invoice.customer.email}-${i}`}>
                        <TableCell>{invoice.customer.name || invoice.customer.email}</TableCell>
                        <TableCell>{n(invoice.lines.length)}</TableCell>
                        <TableCell>{formatMoney(invoice.total, locale.tag)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                <RadioGroup aria-label={t.afterCreateLabel} value={afterCreate} onChange={(_, d) => setAfterCreate(d.value as AfterCreate)}>
                  <Body1>{t.afterCreateLabel}</Body1>
                  {(['draft', 'post', 'send'] as const).map((choice) => (
                    <Radio key={choice} value={choice} label={t.afterCreateChoices[choice]} />
                  ))}
                </RadioGroup>
                {afterCreate !== 'draft' && <Body1>{t.afterCreateWarning}</Body1>}
              </>
            )}
            {preview && preview.skipped.length > 0 && (
              <section aria-label={t.previewSkipped(n(preview.skipped.length))}>
                <Body1>{t.previewSkipped(n(preview.skipped.length))}</Body1>
                <ul>
                  {preview.skipped.map((s) => (
                    <li key={`${s.appointmentId}-${s.customerEmail ?? ''}`}>
                      {t.skippedLine(
                        s.customerEmail ? `${props.describe(s.appointmentId)} (${s.customerEmail})` : props.describe(s.appointmentId),
                        s.reasons.map((r) => t.reasons[r]).join(', '),
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onCancel}>{t.cancel}</Button>
            <Button appearance="primary" disabled={!preview || preview.invoices.length === 0} onClick={() => props.onConfirm(afterCreate)}>
              {t.previewConfirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
