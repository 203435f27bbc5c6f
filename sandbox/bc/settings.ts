import { z } from 'zod';
import { faultScheduleSchema } from '../http/fault-schedule';
import { lostAnswerSchema, noLostAnswers } from './lost-answer';

export const faultKindSchema = z.enum(['500', '503', 'reset']);
export type FaultKind = z.infer<typeof faultKindSchema>;

export const bcEmulatorSettingsSchema = z.strictObject({
  token: z.string().min(1),
  pageSize: z.number().int().min(1).max(20000),
  latencyMs: z.number().int().min(0),
  serviceTimeMs: z.number().int().min(0),
  maxConcurrent: z.number().int().min(1),
  maxQueued: z.number().int().min(0),
  rateLimit: z.strictObject({ maxRequests: z.number().int().min(1), windowMs: z.number().int().min(1) }),
  faultRate: z.number().min(0).max(1),
  faultKinds: z.array(faultKindSchema).min(1),
  /** Faults on chosen requests (counted from when it is set), besides faultRate. */
  faultSchedule: faultScheduleSchema.nullable(),
  lostAnswer: lostAnswerSchema,
});
export type BcEmulatorSettings = z.infer<typeof bcEmulatorSettingsSchema>;

/** A settings patch; `rateLimit` may itself be partial. */
export const bcEmulatorSettingsPatchSchema = bcEmulatorSettingsSchema.extend({ rateLimit: bcEmulatorSettingsSchema.shape.rateLimit.partial() }).partial();
export type BcEmulatorSettingsPatch = z.infer<typeof bcEmulatorSettingsPatchSchema>;

/** Business Central online's documented limits: 5 processed at once, 95 queued, 6,000 per 5 minutes. */
export const defaultBcEmulatorSettings: Omit<BcEmulatorSettings, 'token'> = {
  pageSize: 1000,
  latencyMs: 0,
  serviceTimeMs: 0,
  maxConcurrent: 5,
  maxQueued: 95,
  rateLimit: { maxRequests: 6000, windowMs: 300_000 },
  faultRate: 0,
  faultKinds: ['500', '503', 'reset'],
  faultSchedule: null,
  lostAnswer: noLostAnswers,
};

export function resolveSettings(input: Partial<BcEmulatorSettings> | undefined): BcEmulatorSettings {
  return bcEmulatorSettingsSchema.parse({ ...defaultBcEmulatorSettings, ...input });
}

export function applySettingsPatch(current: BcEmulatorSettings, patch: BcEmulatorSettingsPatch): BcEmulatorSettings {
  const { rateLimit, ...rest } = patch;
  return bcEmulatorSettingsSchema.parse({ ...current, ...rest, rateLimit: { ...current.rateLimit, ...rateLimit } });
}
