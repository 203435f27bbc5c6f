export type { Command, CommandKind, Language, Period, PeriodName, UnknownReason } from './command';
export type { CommandDescription, CommandHelp, CommandScope } from './command-description';
export { parseCommand, type ParseOptions } from './parse-command';
export { type NamedPeriod, periodFromKey, resolveNamedPeriod } from './periods';
export { commandDescriptions, MAX_MANIFEST_COMMANDS_PER_SCOPE, type ManifestCommandList, manifestCommandLists } from './registry';
