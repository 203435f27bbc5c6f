import type { RouteResponse } from '../http/router';
import type { BcState } from './state';
import type { BcSalesInvoice } from './types';

export function escapeHtml(value: unknown): string {
  return String(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

const money = (amount: number): string => amount.toFixed(2);

/**
 * `GET /sandbox/companies/{companyId}/salesInvoices/{id}`: a read-only view of one invoice, standing
 * in for BC's web client page that the product links to. Every value is HTML-escaped.
 */
export function invoicePage(state: BcState, companyId: string, invoiceId: string): RouteResponse {
  const company = state.company(companyId);
  const invoice = company?.salesInvoices.find((i) => i.id.toLowerCase() === invoiceId.toLowerCase());
  if (!company || !invoice) {
    return { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page('Not found', '<p>No such sales invoice.</p>') };
  }
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: page(title(invoice), invoiceBody(company.company.displayName, invoice)),
  };
}

function title(invoice: BcSalesInvoice): string {
  return `${invoice.status === 'Draft' ? 'Sales Invoice' : 'Posted Sales Invoice'} ${invoice.number}`;
}

function invoiceBody(companyName: string, invoice: BcSalesInvoice): string {
  const rows = [...invoice.salesInvoiceLines]
    .sort((a, b) => a.sequence - b.sequence)
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.lineType)}</td><td>${escapeHtml(l.lineObjectNumber)}</td><td>${escapeHtml(l.description)}</td>` +
        `<td class="n">${escapeHtml(l.quantity)}</td><td>${escapeHtml(l.unitOfMeasureCode)}</td><td class="n">${escapeHtml(l.unitPrice)}</td>` +
        `<td class="n">${escapeHtml(l.taxPercent)}</td><td class="n">${escapeHtml(money(l.amountExcludingTax))}</td>` +
        `<td class="n">${escapeHtml(money(l.amountIncludingTax))}</td></tr>`,
    )
    .join('\n');
  const field = (label: string, value: unknown) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`;
  return `<p class="company">${escapeHtml(companyName)}</p>
<dl>
${field('No.', invoice.number)}
${field('Status', invoice.status)}
${field('Customer', `${invoice.customerNumber} ${invoice.customerName}`)}
${field('Invoice date', invoice.invoiceDate)}
${field('Due date', invoice.dueDate)}
${field('External document no.', invoice.externalDocumentNumber)}
${field('Currency', invoice.currencyCode)}
${field('Prices including VAT', invoice.pricesIncludeTax ? 'Yes' : 'No')}
</dl>
<table>
<thead><tr><th>Type</th><th>No.</th><th>Description</th><th>Quantity</th><th>Unit</th><th>Unit price</th><th>VAT %</th><th>Amount excl. VAT</th><th>Amount incl. VAT</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<dl class="totals">
${field('Total excl. VAT', money(invoice.totalAmountExcludingTax))}
${field('Total VAT', money(invoice.totalTaxAmount))}
${field('Total incl. VAT', money(invoice.totalAmountIncludingTax))}
</dl>`;
}

function page(heading: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(heading)} - Business Central (sandbox)</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}dl{display:grid;grid-template-columns:max-content auto;gap:.25rem 1rem}dt{font-weight:600}table{border-collapse:collapse;margin:1rem 0}td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left}.n{text-align:right}</style>
</head><body><h1>${escapeHtml(heading)}</h1>
${body}
</body></html>`;
}
