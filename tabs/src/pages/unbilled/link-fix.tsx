import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { createContext, lazy, type ReactNode, Suspense, useContext, useMemo, useRef, useState } from 'react';
import type { LinkResult } from '../../../../contract/api-contract';
import { useLoad } from '../../app/use-load';
import { useServices } from '../../app/services-context';
import { useI18n } from '../../i18n/i18n-context';
import type { LinkTarget } from './link-picker-dialog';
import type { RowView } from './row-view';

/*
 * The fixes for "service not linked" and a customer nobody can invoice, where the row is: a button
 * per thing to link, opening the picker. Links are setup-like, so only admins see the buttons (the
 * server refuses anyone else with 403 all the same).
 */

interface LinkFixValue {
  canLink: boolean;
  /** After a link: reload the list and say what was linked. */
  onLinked: (message: string) => void;
}

/** Opened by a click: its dialog and search load then, not before the list's first rows. */
const LinkPickerDialog = lazy(() => import('./link-picker-dialog').then((m) => ({ default: m.LinkPickerDialog })));

const LinkFixContext = createContext<LinkFixValue | null>(null);

/** Around the Unbilled list: asks once who the user is, and what to do after a link. */
export function LinkFixProvider(props: { onLinked: (message: string) => void; children: ReactNode }) {
  const { api } = useServices();
  const me = useLoad(() => api.me(), 'me');
  const canLink = me.data?.roles.includes('admin') ?? false;
  // The same value while nothing it holds changes: a new one re-renders every row's link buttons.
  const onLinked = useRef(props.onLinked);
  onLinked.current = props.onLinked;
  const value: LinkFixValue = useMemo(() => ({ canLink, onLinked: (message) => onLinked.current(message) }), [canLink]);
  return <LinkFixContext.Provider value={value}>{props.children}</LinkFixContext.Provider>;
}

/** What a row can link: its service when no item is linked, and each attendee without an email or a Business Central customer. */
export function linkTargetsOf(row: RowView): LinkTarget[] {
  const targets: LinkTarget[] = [];
  if (row.reasonCodes.includes('service-not-linked') && row.serviceId !== null) targets.push({ kind: 'service', id: row.serviceId, name: row.service });
  if (row.reasonCodes.includes('no-customer')) targets.push({ kind: 'appointment', id: row.id, name: row.service });
  if (row.reasonCodes.includes('customer-without-email')) for (const c of row.unlinkedCustomers) targets.push({ kind: 'customer', id: c.id, name: c.name });
  return targets;
}

/** The row's link buttons and, while one is open, the picker. */
export function useLinkFix(row: RowView): { targets: LinkTarget[]; canLink: boolean; open: (target: LinkTarget) => void; dialog: ReactNode } {
  const context = useContext(LinkFixContext);
  const { t } = useI18n();
  const [open, setOpen] = useState<LinkTarget | null>(null);
  const onLinked = (target: LinkTarget, result: LinkResult) => {
    setOpen(null);
    context?.onLinked(
      target.kind === 'service'
        ? t.serviceLinked(target.name, result.number, result.displayName)
        : target.kind === 'customer'
          ? t.customerLinked(target.name, result.number, result.displayName)
          : t.appointmentCustomerLinked(target.name, result.number, result.displayName),
    );
  };
  return {
    targets: linkTargetsOf(row),
    canLink: context?.canLink ?? false,
    open: setOpen,
    dialog: open && (
      <Suspense fallback={null}>
        <LinkPickerDialog target={open} onLinked={onLinked} onClose={() => setOpen(null)} />
      </Suspense>
    ),
  };
}

const useStyles = makeStyles({ buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS } });

/** Under a row's hints: "Link Klipning to an item…", "Link Inge Nielsen to a customer…". */
export function LinkFixButtons({ row }: { row: RowView }) {
  const styles = useStyles();
  const { t } = useI18n();
  const fix = useLinkFix(row);
  if (!fix.canLink || fix.targets.length === 0) return null;
  return (
    <div className={styles.buttons}>
      {fix.targets.map((target) => (
        <Button key={`${target.kind}|${target.id}`} size="small" onClick={() => fix.open(target)}>
          {target.kind === 'service'
            ? t.linkServiceButton(target.name)
            : target.kind === 'customer'
              ? t.linkCustomerButton(target.name)
              : t.linkAppointmentButton}
        </Button>
      ))}
      {fix.dialog}
    </div>
  );
}
