import type { CommandKind, Language } from './command';

export type CommandScope = 'personal' | 'team' | 'groupChat';

/** A phrase in help text and the manifest: title at most 32 characters, description at most 128. */
export interface CommandHelp {
  title: string;
  description: string;
}

/**
 * One chat command: the phrases that trigger it (lower case, matched as whole words anywhere in
 * the message) and what help and the Teams manifest say about it, in both languages.
 */
export interface CommandDescription {
  kind: CommandKind;
  triggers: Record<Language, readonly string[]>;
  /** Whether a period ("last week", "2026-11-01..2026-11-15") and a customer may follow. */
  accepts: { period: boolean; customer: boolean };
  /** Manifest and help entries; the first is the command itself, others are useful variants. */
  help: Record<Language, readonly CommandHelp[]>;
  /** Scopes whose command menu shows it. */
  scopes: readonly CommandScope[];
}
