import type { Kysely } from 'kysely';
import type { Database } from '../store/database';
import { queryUnbilled } from './query-unbilled';
import { MAX_LIMIT, type UnbilledRequestInput, type UnbilledRow } from './unbilled-schemas';
import type { UnbilledContext } from './unbilled-source';

/**
 * Every row of an unbilled query (its filter and sort), a page at a time, for an export. Rows that
 * change state while it pages may move between pages; an export is a reading of the moment.
 */
export async function* allUnbilled(
  db: Kysely<Database>,
  request: Omit<UnbilledRequestInput, 'offset' | 'limit'>,
  context: UnbilledContext,
): AsyncGenerator<UnbilledRow[]> {
  for (let offset = 0; ; offset += MAX_LIMIT) {
    const page = await queryUnbilled(db, { ...request, offset, limit: MAX_LIMIT }, context);
    if (page.rows.length === 0) return;
    yield page.rows;
    if (offset + page.rows.length >= page.total) return;
  }
}
