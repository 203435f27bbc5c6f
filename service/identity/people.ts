import type { Kysely } from 'kysely';
import type { Clock } from '../domain/clock';
import { toIsoUtc } from '../store/columns';
import type { Database } from '../store/database';

/** Display names longer than this are cut: a name is for reading, not a place to store text. */
const MAX_NAME = 200;

/**
 * Who acted, by name: runs and audit entries keep the stable actor id (an object id), and each
 * face remembers here the display name its token or Teams activity carried when the person acted.
 */
export class People {
  /** Names remembered by this process, so an unchanged name is not written on every action. */
  private readonly known = new Map<string, string>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async remember(actor: string, displayName: string): Promise<void> {
    const name = displayName.replaceAll('\u0000', '').trim().slice(0, MAX_NAME);
    if (actor === '' || name === '' || this.known.get(actor) === name) return;
    const row = { actor, display_name: name, seen_at: toIsoUtc(this.clock()) };
    await this.db
      .insertInto('people')
      .values(row)
      .onConflict((oc) => oc.column('actor').doUpdateSet({ display_name: row.display_name, seen_at: row.seen_at }))
      .execute();
    this.known.set(actor, name);
  }

  namesOf(actors: Iterable<string>): Promise<Map<string, string>> {
    return namesOf(this.db, actors);
  }
}

/** The remembered names of these actors; an actor never seen is absent. */
export async function namesOf(db: Kysely<Database>, actors: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(actors)].filter((a) => a !== '');
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['actor', 'display_name']).where('actor', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.actor, r.display_name]));
}
