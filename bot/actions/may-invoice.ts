import type { Setup } from '../../service/setup/setup-schema';
import type { BotUser, EmailLookup } from './bot-request';

/**
 * The invoicer role, re-checked on every click: an empty list means nobody was singled out, so
 * everyone in the conversation may invoice; otherwise the user's Entra object id or sign-in email
 * must be listed (admins may too).
 */
export async function mayInvoice(setup: Pick<Setup, 'roles'>, user: BotUser, email: EmailLookup): Promise<boolean> {
  const allowed = new Set([...setup.roles.invoicers, ...setup.roles.admins]);
  if (setup.roles.invoicers.length === 0) return true;
  if (user.aadObjectId !== null && allowed.has(user.aadObjectId.toLowerCase())) return true;
  if (![...allowed].some((identity) => identity.includes('@'))) return false;
  const address = await email();
  return address !== null && allowed.has(address.trim().toLowerCase());
}
