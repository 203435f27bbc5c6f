import type { Language } from './command';
import type { CommandDescription, CommandHelp, CommandScope } from './command-description';
import { helpCommand } from './help';
import { invoiceCommand } from './invoice';
import { statusCommand } from './status';
import { summaryCommand } from './summary';
import { syncCommand } from './sync';
import { unbilledCommand } from './unbilled';

/** Every chat command, in the order help and the manifest list them. */
export const commandDescriptions: readonly CommandDescription[] = [invoiceCommand, unbilledCommand, summaryCommand, syncCommand, statusCommand, helpCommand];

/** Teams allows at most 10 commands per scope in a bot's command list. */
export const MAX_MANIFEST_COMMANDS_PER_SCOPE = 10;

export interface ManifestCommandList {
  scopes: CommandScope[];
  commands: CommandHelp[];
}

/**
 * The manifest's `bots[].commandLists`: one list per distinct set of commands (scopes that show
 * the same commands share a list). The manifest holds one language; the other goes in its
 * localization file under the same indexes.
 */
export function manifestCommandLists(language: Language = 'en'): ManifestCommandList[] {
  const allScopes: CommandScope[] = ['personal', 'team', 'groupChat'];
  const lists: ManifestCommandList[] = [];
  for (const scope of allScopes) {
    const commands = commandDescriptions.filter((c) => c.scopes.includes(scope)).flatMap((c) => c.help[language]);
    if (commands.length === 0) continue;
    if (commands.length > MAX_MANIFEST_COMMANDS_PER_SCOPE) {
      throw new Error(`scope ${scope} has ${commands.length} commands; Teams allows ${MAX_MANIFEST_COMMANDS_PER_SCOPE}`);
    }
    const same = lists.find((l) => JSON.stringify(l.commands) === JSON.stringify(commands));
    if (same) same.scopes.push(scope);
    else lists.push({ scopes: [scope], commands: commands.map((c) => ({ ...c })) });
  }
  return lists;
}
