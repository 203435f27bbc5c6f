import { z } from 'zod';
import { faultScheduleSchema } from '../http/fault-schedule';

export const FAULT_KINDS = ['500', '503', 'reset'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const rate = z.number().min(0).max(1);

/** Every knob of the emulator; PATCH /_emulator/settings takes any subset of it. */
export const settingsSchema = z.strictObject({
  token: z.string().min(1),
  pageSize: z.int().min(1).max(1000),
  latencyMs: z.int().min(0).max(60_000),
  faultRate: rate,
  faultKinds: z.array(z.enum(FAULT_KINDS)),
  /** Faults on chosen requests (counted from when it is set; $batch items count too), besides faultRate. */
  faultSchedule: faultScheduleSchema.nullable(),
  emptyCustomersRate: rate,
  maxConcurrentPerMailbox: z.int().min(1).max(1000),
  retryAfterSeconds: z.int().min(0).max(3600),
});

export type GraphEmulatorSettings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema.partial();

export const DEFAULT_SETTINGS: Omit<GraphEmulatorSettings, 'token'> = {
  pageSize: 100,
  latencyMs: 0,
  faultRate: 0,
  faultKinds: [...FAULT_KINDS],
  faultSchedule: null,
  emptyCustomersRate: 0,
  maxConcurrentPerMailbox: 4,
  retryAfterSeconds: 1,
};

export class InvalidSettingsError extends Error {
  constructor(readonly issues: string) {
    super(`invalid emulator settings: ${issues}`);
    this.name = 'InvalidSettingsError';
  }
}

/** Merges a partial update into the current settings; throws InvalidSettingsError naming the bad fields. */
export function mergeSettings(current: Partial<GraphEmulatorSettings>, patch: unknown): GraphEmulatorSettings {
  const parsedPatch = settingsPatchSchema.safeParse(patch);
  if (!parsedPatch.success) throw new InvalidSettingsError(describeIssues(parsedPatch.error));
  const merged = settingsSchema.safeParse({ ...current, ...parsedPatch.data });
  if (!merged.success) throw new InvalidSettingsError(describeIssues(merged.error));
  return merged.data;
}

/** One line per issue, each naming its field, for error messages a developer can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(body)'}: ${issue.message}`).join('; ');
}
