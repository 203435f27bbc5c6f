import type { Migration } from 'kysely';
import { initial } from './0001-initial';
import { sync } from './0002-sync';
import { jobs } from './0003-jobs';
import { invoicing } from './0004-invoicing';
import { customerBlocks } from './0005-customer-blocks';
import { conversationNames } from './0006-conversation-names';
import { rolesByObjectId } from './0007-roles-by-object-id';
import { conversationPostResults } from './0008-conversation-post-results';
import { appRoleGrants } from './0009-app-role-grants';
import { lastAttemptFailed } from './0010-last-attempt-failed';
import { people } from './0011-people';
import { leaseFencing } from './0012-lease-fencing';
import { appointmentCustomer } from './0013-appointment-customer';
import { invoiceInDoubt } from './0014-invoice-in-doubt';
import { paymentStatus } from './0015-payment-status';
import { afterCreate } from './0016-after-create';
import { noShows } from './0017-no-shows';
import { unbilledListColumns } from './0018-unbilled-list-columns';
import { appointmentCustomers } from './0021-appointment-customers';
import { unbilledListGenerations } from './0022-unbilled-list-generations';
import { unbilledListLookups } from './0023-unbilled-list-lookups';
import { unbilledListAmountIndexes } from './0025-unbilled-list-amount-indexes';
import { unbilledListDescendingIndexes } from './0026-unbilled-list-descending-indexes';
import { listTriggerSkipsUnchanged } from './0027-list-trigger-skips-unchanged';
import { unbilledListByIdIndex } from './0028-unbilled-list-by-id-index';
import { appointmentInserts } from './0029-appointment-inserts';
import { dropDuplicatePriceIndex } from './0030-drop-duplicate-price-index';
import { listSortsByStart } from './0031-list-sorts-by-start';
import { deferredIndexes } from './0032-deferred-indexes';
import { listIndexesOpenRows } from './0033-list-indexes-open-rows';

/**
 * Every migration, keyed by its permanent name. Names sort in the order they run:
 * add a new module as the next number and never rename or edit one that has shipped.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-sync': sync,
  '0003-jobs': jobs,
  '0004-invoicing': invoicing,
  '0005-customer-blocks': customerBlocks,
  '0006-conversation-names': conversationNames,
  '0007-roles-by-object-id': rolesByObjectId,
  '0008-conversation-post-results': conversationPostResults,
  '0009-app-role-grants': appRoleGrants,
  '0010-last-attempt-failed': lastAttemptFailed,
  '0011-people': people,
  '0012-lease-fencing': leaseFencing,
  '0013-appointment-customer': appointmentCustomer,
  '0014-invoice-in-doubt': invoiceInDoubt,
  '0015-payment-status': paymentStatus,
  '0016-after-create': afterCreate,
  '0017-no-shows': noShows,
  '0018-unbilled-list-columns': unbilledListColumns,
  '0021-appointment-customers': appointmentCustomers,
  '0022-unbilled-list-generations': unbilledListGenerations,
  '0023-unbilled-list-lookups': unbilledListLookups,
  '0025-unbilled-list-amount-indexes': unbilledListAmountIndexes,
  '0026-unbilled-list-descending-indexes': unbilledListDescendingIndexes,
  '0027-list-trigger-skips-unchanged': listTriggerSkipsUnchanged,
  '0028-unbilled-list-by-id-index': unbilledListByIdIndex,
  '0029-appointment-inserts': appointmentInserts,
  '0030-drop-duplicate-price-index': dropDuplicatePriceIndex,
  '0031-list-sorts-by-start': listSortsByStart,
  '0032-deferred-indexes': deferredIndexes,
  '0033-list-indexes-open-rows': listIndexesOpenRows,
};
