import { TokenError } from '../clients/auth/token-provider';
import { HttpError } from '../clients/http/http-error';
import { InvalidResponseError } from '../clients/http/invalid-response-error';

export type Side = 'bookings' | 'businessCentral';

const SERVICE: Record<Side, string> = { bookings: 'Microsoft Graph (Bookings)', businessCentral: 'Business Central' };

const PERMISSION: Record<Side, string> = {
  bookings:
    'the app registration has no permission for Bookings. Grant the application permissions Bookings.Read.All and ' +
    'BookingsAppointment.ReadWrite.All (Microsoft Graph) with admin consent, and check AAD_TENANT_ID and AAD_CLIENT_ID',
  businessCentral:
    'the app registration has no permission for Business Central. Grant the application permission API.ReadWrite.All ' +
    '(Dynamics 365 Business Central) with admin consent, then add the app on the Microsoft Entra Applications page in ' +
    'Business Central with permission sets that allow customers, items and sales invoices (e.g. D365 BUS FULL ACCESS)',
};

/** A failed call as one sentence a user can act on. */
export function describeFailure(side: Side, err: unknown): string {
  const service = SERVICE[side];
  if (err instanceof TokenError) {
    return `Could not sign in to Microsoft Entra for ${service}: check AAD_TENANT_ID, AAD_CLIENT_ID and AAD_CLIENT_SECRET (${err.message})`;
  }
  if (err instanceof InvalidResponseError) return `${service} answered in an unexpected format: ${err.message}`;
  if (!(err instanceof HttpError)) return `${service} could not be checked: ${err instanceof Error ? err.message : String(err)}`;
  const said = `${service} said ${err.status ?? 'no status'}`;
  switch (err.reason) {
    case 'auth':
      return `${said}: ${PERMISSION[side]}.`;
    case 'not-found':
      return `${said}: the address was not found. Check ${side === 'bookings' ? 'GRAPH_BASE_URL' : 'BC_API_BASE_URL (…/v2.0/<tenant>/<environment>/api/v2.0)'}.`;
    case 'throttled':
      return `${said}: too many requests right now. Try again in a minute.`;
    case 'unavailable':
    case 'server':
      return `${said}: the service has a problem right now. Try again later.`;
    case 'network':
    case 'timeout':
      return `Could not reach ${service}: ${err.message}. Check the URL and the network.`;
    case 'client':
    case 'conflict':
    case 'invalid-response':
      return `${said}: ${err.serviceMessage ?? err.message}`;
  }
}
