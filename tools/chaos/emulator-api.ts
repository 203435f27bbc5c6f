import { z } from 'zod';
import { SANDBOX_BUSINESS_ID, SANDBOX_COMPANY_ID } from '../../sandbox/seed';
import { CHAOS_TOKEN } from './chaos-config';

const bcInvoiceSchema = z.object({
  id: z.string(),
  number: z.string(),
  externalDocumentNumber: z.string(),
  status: z.string(),
  customerId: z.string(),
  totalAmountExcludingTax: z.number(),
  totalAmountIncludingTax: z.number(),
  '@odata.etag': z.string().optional(),
});
export type BcInvoice = z.infer<typeof bcInvoiceSchema>;

const bcCustomerSchema = z.object({ id: z.string(), number: z.string(), email: z.string() });
export type BcCustomer = z.infer<typeof bcCustomerSchema>;

const appointmentSchema = z.object({
  id: z.string(),
  startDateTime: z.object({ dateTime: z.string() }),
  endDateTime: z.object({ dateTime: z.string() }),
});
export type GraphAppointment = z.infer<typeof appointmentSchema>;

const page = <T extends z.ZodType>(item: T) => z.object({ value: z.array(item), '@odata.nextLink': z.string().optional() });

/** The harness's side of the emulators: their control endpoints, and the same API a person in Bookings or Business Central would use. */
export class EmulatorApi {
  constructor(
    readonly graphBaseUrl: string,
    readonly bcApiBaseUrl: string,
  ) {}

  private async call(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, {
      ...init,
      headers: { authorization: `Bearer ${CHAOS_TOKEN}`, 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
      signal: AbortSignal.timeout(30_000),
    });
    return res;
  }

  private async ok(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await this.call(url, init);
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    return res;
  }

  private get company(): string {
    return `${this.bcApiBaseUrl}/companies(${SANDBOX_COMPANY_ID})`;
  }

  private get business(): string {
    return `${this.graphBaseUrl}/solutions/bookingBusinesses/${encodeURIComponent(SANDBOX_BUSINESS_ID)}`;
  }

  async patchBc(patch: Record<string, unknown>): Promise<void> {
    await this.ok(`${new URL(this.bcApiBaseUrl).origin}/_emulator/settings`, { method: 'PATCH', body: JSON.stringify(patch) });
  }

  async patchGraph(patch: Record<string, unknown>): Promise<void> {
    await this.ok(`${new URL(this.graphBaseUrl).origin}/_emulator/settings`, { method: 'PATCH', body: JSON.stringify(patch) });
  }

  private async all<T extends z.ZodType>(first: string, item: T): Promise<Array<z.output<T>>> {
    const out: Array<z.output<T>> = [];
    for (let url: string | undefined = first; url !== undefined;) {
      const body = page(item).parse(await (await this.ok(url)).json());
      out.push(...body.value);
      url = body['@odata.nextLink'];
    }
    return out;
  }

  bcInvoices(): Promise<BcInvoice[]> {
    return this.all(`${this.company}/salesInvoices`, bcInvoiceSchema);
  }

  bcCustomers(): Promise<BcCustomer[]> {
    return this.all(`${this.company}/customers`, bcCustomerSchema);
  }

  /** Deletes a draft as a person in Business Central would; false when it could not (gone, posted meanwhile). */
  async deleteInvoice(invoice: BcInvoice): Promise<boolean> {
    const res = await this.call(`${this.company}/salesInvoices(${invoice.id})`, { method: 'DELETE', headers: { 'if-match': invoice['@odata.etag'] ?? '*' } });
    return res.ok;
  }

  async postInvoice(invoice: BcInvoice): Promise<boolean> {
    const res = await this.call(`${this.company}/salesInvoices(${invoice.id})/Microsoft.NAV.post`, { method: 'POST' });
    return res.ok;
  }

  appointments(from: Date, to: Date): Promise<GraphAppointment[]> {
    return this.all(`${this.business}/calendarView?start=${from.toISOString()}&end=${to.toISOString()}`, appointmentSchema);
  }

  async cancelAppointment(id: string): Promise<boolean> {
    const res = await this.call(`${this.business}/appointments/${encodeURIComponent(id)}/cancel`, {
      method: 'POST',
      body: JSON.stringify({ cancellationMessage: 'Cancelled by the chaos suite' }),
    });
    return res.ok;
  }

  /** Moves an appointment by `shiftMs`, keeping its length. */
  async rescheduleAppointment(appointment: GraphAppointment, shiftMs: number): Promise<boolean> {
    const moved = (dateTime: string) => ({ dateTime: new Date(Date.parse(`${dateTime.replace(/Z$/, '')}Z`) + shiftMs).toISOString(), timeZone: 'UTC' });
    const res = await this.call(`${this.business}/appointments/${encodeURIComponent(appointment.id)}`, {
      method: 'PATCH',
      body: JSON.stringify({ startDateTime: moved(appointment.startDateTime.dateTime), endDateTime: moved(appointment.endDateTime.dateTime) }),
    });
    return res.ok;
  }
}
