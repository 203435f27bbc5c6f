import { appointmentCustomerChoices, linkAppointmentCustomer } from './appointment-customer-link';
import { customerLinkChoices, linkCustomer } from './customer-link';
import type { LinkActor, LinkDeps } from './link-deps';
import type { AppointmentLinkChoice, CustomerLinkChoices, LinkChoice, LinkOutcome, LinkRefused, ServiceLinkChoices } from './link-schemas';
import { linkServiceToItem, serviceLinkChoices } from './service-item-link';

/** The link use cases bound to one business, as the façade hands them to every face. */
export interface Linking {
  serviceChoices(input: { serviceId: string; search?: string | undefined }): Promise<ServiceLinkChoices | LinkRefused>;
  linkService(input: { serviceId: string; choice: LinkChoice } & LinkActor): Promise<LinkOutcome>;
  customerChoices(input: { customerId: string; search?: string | undefined }): Promise<CustomerLinkChoices | LinkRefused>;
  linkCustomer(input: { customerId: string; choice: LinkChoice } & LinkActor): Promise<LinkOutcome>;
  /** An appointment without attendees: the Business Central customer it is invoiced to. */
  appointmentCustomerChoices(input: { appointmentId: string; search?: string | undefined }): Promise<CustomerLinkChoices | LinkRefused>;
  linkAppointmentCustomer(input: { appointmentId: string; choice: AppointmentLinkChoice } & LinkActor): Promise<LinkOutcome>;
}

export function createLinking(deps: LinkDeps): Linking {
  return {
    serviceChoices: (input) => serviceLinkChoices(deps, input),
    linkService: (input) => linkServiceToItem(deps, input),
    customerChoices: (input) => customerLinkChoices(deps, input),
    linkCustomer: (input) => linkCustomer(deps, input),
    appointmentCustomerChoices: (input) => appointmentCustomerChoices(deps, input),
    linkAppointmentCustomer: (input) => linkAppointmentCustomer(deps, input),
  };
}

/** A refusal rather than choices. */
export const isRefusal = (value: ServiceLinkChoices | CustomerLinkChoices | LinkOutcome): value is LinkRefused => 'ok' in value && value.ok === false;
