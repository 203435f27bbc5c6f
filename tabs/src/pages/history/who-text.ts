import type { Who } from '../../../../contract/api-contract';
import type { Messages } from '../../i18n/messages-en';

/** Who acted, as a person reads it: their name, or what kind of actor it was. */
export function whoText(who: Who, t: Messages): string {
  return who.kind === 'person' ? who.name : t.who[who.kind];
}
