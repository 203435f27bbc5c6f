import type { Setup, SyncRunView } from '../../../../contract/api-contract';

export type ChecklistItemId = 'bookings' | 'businessCentral' | 'roles';

export interface ChecklistItem {
  id: ChecklistItemId;
  done: boolean;
}

/**
 * What a new install still lacks: Bookings answered (a sync has succeeded), a Business Central company
 * is chosen, and someone is named admin (until then every signed-in user is admin: the first run).
 */
export function checklistItems(setup: Setup, syncRuns: readonly SyncRunView[]): ChecklistItem[] {
  return [
    { id: 'bookings', done: syncRuns.some((run) => run.state === 'succeeded') },
    { id: 'businessCentral', done: setup.companyId !== null },
    { id: 'roles', done: setup.roles.admins.length > 0 },
  ];
}
