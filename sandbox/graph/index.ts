export { createGraphEmulator } from './emulator';
export type { GraphEmulator, GraphEmulatorDeps, ListeningGraphEmulator } from './emulator';
export { DEFAULT_SETTINGS, FAULT_KINDS, InvalidSettingsError, settingsPatchSchema } from './settings';
export type { FaultKind, GraphEmulatorSettings } from './settings';
export type { GraphEmulatorStats } from './stats';
export type { GraphErrorBody } from './errors';
export type * from './types';
