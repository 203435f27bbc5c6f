/** Where users open an invoice: Business Central's web client, or the BC emulator's invoice page in the sandbox. */
export type InvoiceLinks =
  | { kind: 'sandbox'; /** The BC emulator's origin, e.g. http://127.0.0.1:4011 */ origin: string }
  | {
      kind: 'live';
      /** BC_API_BASE_URL: `https://api.businesscentral.dynamics.com/v2.0/{tenant}/{environment}/api/v2.0`. */
      apiBaseUrl: string;
      /** The company's name as the web client's `company=` parameter wants it. */
      companyName: string;
    };

const LIVE_API = /\/v2\.0\/([^/]+)\/([^/]+)\/api\//;

export interface InvoiceLinkTarget {
  companyId: string;
  bcInvoiceId: string;
  number: string;
  posted: boolean;
}

export function invoiceUrl(links: InvoiceLinks, target: InvoiceLinkTarget): string | null {
  if (links.kind === 'sandbox') {
    return `${links.origin.replace(/\/+$/, '')}/sandbox/companies/${encodeURIComponent(target.companyId)}/salesInvoices/${encodeURIComponent(target.bcInvoiceId)}`;
  }
  const match = LIVE_API.exec(new URL(links.apiBaseUrl).pathname + '/');
  if (!match || target.number === '') return null;
  const [, tenant, environment] = match;
  // Page 43 is the Sales Invoice card, 132 the Posted Sales Invoice.
  const page = target.posted ? 132 : 43;
  const filter = encodeURIComponent(`'No.' IS '${target.number}'`);
  return `https://businesscentral.dynamics.com/${tenant}/${environment}/?company=${encodeURIComponent(links.companyName)}&page=${page}&filter=${filter}`;
}
