import type { Who } from '../api-contract';
import type { RecordWords } from './record-words-en';

/** Who acted, as a person reads it: their name, or what kind of actor it was. */
export function whoText(who: Who, t: RecordWords): string {
  return who.kind === 'person' ? who.name : t.who[who.kind];
}
