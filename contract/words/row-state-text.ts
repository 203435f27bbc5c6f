import type { UnbilledRow } from '../../service/unbilled/unbilled-schemas';
import type { RecordWords } from './record-words-en';

/**
 * A row's state in words, as the tab and the CSV export say it: a no-show or late cancellation not
 * billed yet is its fee ("No-show fee"); once billed, the state and the fee ("Invoiced · No-show fee").
 */
export function rowStateText(row: Pick<UnbilledRow, 'state' | 'fee'>, words: Pick<RecordWords, 'states' | 'feeKinds'>): string {
  if (row.fee === null) return words.states[row.state];
  const fee = words.feeKinds[row.fee.kind];
  return row.state === 'unbilled' || row.state === 'cancelled' ? fee : `${words.states[row.state]} · ${fee}`;
}
