import {
  Badge,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  SearchBox,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AppointmentLinkChoice, CustomerLinkChoices, LinkChoice, LinkResult, ServiceLinkChoices } from '../../../../contract/api-contract';
import { useLoad } from '../../app/use-load';
import { useServices } from '../../app/services-context';
import { LoadingState } from '../../components/loading-state';
import { asApiError } from '../../http/api-error';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  choices: { maxHeight: '40vh', overflowY: 'auto' },
  option: { display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  detail: { color: tokens.colorNeutralForeground3 },
});

/** What is being linked: a Bookings service to an item, or a Bookings customer to a customer. */
export type LinkTarget =
  | { kind: 'service'; id: string; name: string }
  | { kind: 'customer'; id: string; name: string }
  /** An appointment without attendees (named by its service): the customer it is invoiced to. */
  | { kind: 'appointment'; id: string; name: string };

export interface LinkPickerDialogProps {
  target: LinkTarget;
  onLinked: (target: LinkTarget, result: LinkResult) => void;
  onClose: () => void;
}

/** A search delay, so typing asks Business Central once per pause rather than once per letter. */
const SEARCH_PAUSE_MS = 250;
const CREATE = 'create';

interface Option {
  value: string;
  label: string;
  detail: string;
  badges: string[];
}

/**
 * Links a Bookings service or customer to a Business Central record: a searchable list (by name,
 * number, and email for customers; never an id), or a new record from the setup's template. The
 * sync's same-named item conflict is said first, so choosing here settles it.
 */
export function LinkPickerDialog({ target, onLinked, onClose }: LinkPickerDialogProps) {
  const styles = useStyles();
  const { api } = useServices();
  const { t, locale } = useI18n();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [choice, setChoice] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const loaded = useLoad<ServiceLinkChoices | CustomerLinkChoices>(
    () =>
      target.kind === 'service'
        ? api.serviceLinkChoices(target.id, search)
        : target.kind === 'customer'
          ? api.customerLinkChoices(target.id, search)
          : api.appointmentCustomerChoices(target.id, search),
    `${target.kind}|${target.id}|${search}`,
  );
  const data = loaded.data;

  let options: Option[] = [];
  let notes: string[] = [];
  let conflict: string | null = null;
  if (data && 'service' in data) {
    options = data.items.map((i) => ({
      value: i.id,
      label: `${i.number} · ${i.displayName}`,
      detail: formatMoney(i.unitPrice, locale.tag),
      badges: i.sameName ? [t.linkSameName] : [],
    }));
    if (data.service.conflict) conflict = t.linkConflict(data.service.conflict.number, data.service.conflict.displayName);
    if (data.service.linkedItem) notes = [t.linkCurrently(data.service.linkedItem.number, data.service.linkedItem.displayName)];
  } else if (data && 'customer' in data) {
    options = data.customers.map((c) => ({ value: c.id, label: `${c.number} · ${c.displayName}`, detail: c.email, badges: c.blocked ? [t.linkBlocked] : [] }));
    if (data.customer.linkedCustomer) notes = [t.linkCurrently(data.customer.linkedCustomer.number, data.customer.linkedCustomer.displayName)];
  }
  const title =
    target.kind === 'service'
      ? t.linkServiceTitle(target.name)
      : target.kind === 'customer'
        ? t.linkCustomerTitle(target.name)
        : t.linkAppointmentTitle(target.name);
  // Nobody attends the appointment to name a new customer after: it takes the name typed in the search.
  const newName = typed.trim();
  const createLabel: string | null =
    target.kind === 'service'
      ? t.linkCreateItem(target.name)
      : target.kind === 'customer'
        ? t.linkCreateCustomer(target.name)
        : newName === ''
          ? null
          : t.linkCreateCustomer(newName);

  const confirm = async () => {
    const picked: LinkChoice = choice === CREATE ? { kind: 'create' } : { kind: 'existing', id: choice };
    const forAppointment: AppointmentLinkChoice = choice === CREATE ? { kind: 'create', name: newName } : { kind: 'existing', id: choice };
    setBusy(true);
    setError(null);
    try {
      const result =
        target.kind === 'service'
          ? await api.linkService(target.id, picked)
          : target.kind === 'customer'
            ? await api.linkCustomer(target.id, picked)
            : await api.linkAppointmentCustomer(target.id, forAppointment);
      onLinked(target, result);
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-label={title}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {conflict && (
              <MessageBar intent="warning">
                <MessageBarBody>{conflict}</MessageBarBody>
              </MessageBar>
            )}
            {notes.map((note) => (
              <Caption1 key={note}>{note}</Caption1>
            ))}
            <SearchBox
              aria-label={target.kind === 'service' ? t.linkSearchItems : t.linkSearchCustomers}
              placeholder={target.kind === 'service' ? t.linkSearchItems : t.linkSearchCustomers}
              value={typed}
              onChange={(_, d) => setTyped(d.value)}
            />
            {loaded.loading && !data && <LoadingState label={t.linkLoading} />}
            {loaded.error && (
              <MessageBar intent="error">
                <MessageBarBody>{loaded.error.message}</MessageBarBody>
              </MessageBar>
            )}
            {data && (
              <div className={styles.choices}>
                <RadioGroup aria-label={t.linkChoices} value={choice} onChange={(_, d) => setChoice(d.value)}>
                  {options.map((o) => (
                    <Radio
                      key={o.value}
                      value={o.value}
                      label={
                        <span className={styles.option}>
                          <span>{o.label}</span>
                          {o.detail && <Caption1 className={styles.detail}>{o.detail}</Caption1>}
                          {o.badges.map((b) => (
                            <Badge key={b} appearance="outline" size="small">
                              {b}
                            </Badge>
                          ))}
                        </span>
                      }
                    />
                  ))}
                  {createLabel !== null && <Radio value={CREATE} label={createLabel} />}
                </RadioGroup>
                {options.length === 0 && <Caption1>{t.linkNoMatches}</Caption1>}
                {data.more && <Caption1>{t.linkMore}</Caption1>}
              </div>
            )}
            {error && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy || choice === '' || (choice === CREATE && createLabel === null)} onClick={() => void confirm()}>
              {t.linkConfirm}
            </Button>
            <Button onClick={onClose} disabled={busy}>
              {t.linkCancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
