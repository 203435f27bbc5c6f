import { BC_EMAIL_LENGTH } from './bc-text';

/** Why a Bookings customer has no Business Central customer: stored in `customer_links.skip_reason`, shown to users. */
export const SKIP_REASONS = {
  noEmail: 'No email address in Bookings',
  sharedEmail: 'Another Bookings customer has the same email address: none of them is created in Business Central',
  /** Only when there is no Bookings customer to link a customer created without its email to. */
  emailTooLong: `The email address is longer than the ${BC_EMAIL_LENGTH} characters Business Central allows`,
  rejected: (message: string) => `Business Central refused it: ${message}`,
} as const;

/** What users should know about a link that exists: stored in `customer_links.note`. */
export const LINK_NOTES = {
  createdWithoutEmail: `Email too long for Business Central (over ${BC_EMAIL_LENGTH} characters): created without email`,
} as const;
