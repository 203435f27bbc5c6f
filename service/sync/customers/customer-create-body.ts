import type { CustomerCreate } from '../../clients/business-central/schemas/customer';
import type { CustomerTemplate } from '../../setup/setup-schema';
import { BC_NAME_LENGTH, emailFitsBc, truncateBcText } from './bc-text';

/** The template's fields the API exposes beyond CustomerCreate's. */
export type CustomerCreateBody = CustomerCreate & { shipmentMethodId?: string; paymentMethodId?: string };

/**
 * A new Business Central customer as the customer template says; Business Central's own template
 * selection rules add posting groups and "Prices Including VAT". Blank names take the email, since
 * Business Central refuses a customer without a name. An email that does not fit Business Central's
 * field is left out rather than cut (a cut address would reach nobody).
 */
export function customerCreateBody(name: string, email: string, template: CustomerTemplate): CustomerCreateBody {
  const displayName = truncateBcText(name.trim() || email, BC_NAME_LENGTH);
  const body: CustomerCreateBody = { displayName, type: template.type };
  if (emailFitsBc(email)) body.email = email;
  if (template.currencyCode !== undefined) body.currencyCode = template.currencyCode;
  if (template.paymentTermsId !== undefined) body.paymentTermsId = template.paymentTermsId;
  if (template.taxAreaId !== undefined) body.taxAreaId = template.taxAreaId;
  if (template.taxLiable !== undefined) body.taxLiable = template.taxLiable;
  if (template.shipmentMethodId !== undefined) body.shipmentMethodId = template.shipmentMethodId;
  if (template.paymentMethodId !== undefined) body.paymentMethodId = template.paymentMethodId;
  return body;
}
