import type { AfterCreate } from '../../setup/setup-schema';
import { totalsByCurrency } from '../../domain/money';
import { toIsoUtc } from '../../store/columns';
import { describeLine } from '../line-description';
import type { InvoicePlan } from './plan-invoices';
import { countsOf } from './run-counts';
import type { Preview } from './run-schemas';

/** A plan as the preview card and the tab's preview dialog show it: nothing is claimed or sent. */
export function previewOf(plan: InvoicePlan, staffNames: ReadonlyMap<string, string>, timeZone: string, afterCreate: AfterCreate): Preview {
  const invoices = plan.groups.map((group) => ({
    customer: { name: group.customer.name, email: group.customer.email.trim().toLowerCase() },
    invoiceDate: group.invoiceDate,
    appointmentIds: group.appointmentIds,
    lines: group.lines.map((line) => ({
      appointmentId: line.appointmentId,
      description: describeLine({
        serviceName: line.serviceName,
        start: line.start,
        timeZone,
        staffNames: (plan.staffOf.get(line.appointmentId) ?? []).flatMap((id) => staffNames.get(id) ?? []),
        ...(line.feeKind === undefined ? {} : { feeKind: line.feeKind }),
      }),
      feeKind: line.feeKind ?? null,
      serviceName: line.serviceName,
      start: toIsoUtc(line.start),
      durationMinutes: line.durationMinutes,
      priceType: line.priceType,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amount: line.amount,
      review: line.review,
    })),
    total: group.total,
  }));
  return {
    afterCreate,
    invoices,
    skipped: plan.skipped,
    totals: totalsByCurrency(plan.groups.map((g) => g.total)),
    counts: countsOf(invoices),
  };
}
