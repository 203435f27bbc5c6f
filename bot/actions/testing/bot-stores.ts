import type { Kysely } from 'kysely';
import { PostedCards } from '../../../service/conversations';
import type { Clock } from '../../../service/domain/clock';
import { AppRoleGrantStore } from '../../../service/identity/app-role-grants';
import type { Setup } from '../../../service/setup/setup-schema';
import type { Database } from '../../../service/store';
import { queryUnbilled } from '../../../service/unbilled';
import type { BotServices } from '../bot-services';

/** The store-backed members of BotServices over one database, as the façade wires them (createAppServices). */
export function botStores(
  db: Kysely<Database>,
  clock: Clock,
  business: { businessId: string; currentSetup(): Promise<Setup> },
): Pick<BotServices, 'postedCards' | 'roleGrants' | 'unbilled'> {
  return {
    postedCards: new PostedCards(db, clock),
    roleGrants: new AppRoleGrantStore(db, clock),
    unbilled: {
      list: async (request) => queryUnbilled(db, { ...request, businessId: business.businessId }, { now: clock(), setup: await business.currentSetup() }),
    },
  };
}
