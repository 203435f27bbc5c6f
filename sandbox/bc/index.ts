export { createBcEmulator, type BcEmulator, type BcEmulatorDeps, type BcListening } from './server';
export { defaultBcEmulatorSettings, type BcEmulatorSettings, type BcEmulatorSettingsPatch, type FaultKind } from './settings';
export type { BcEmulatorStats } from './stats';
export { BcState } from './state';
export type * from './types';
