import { z } from 'zod';

/** BENCH_EMULATORS: what bench/emulator-process.ts is started with (JSON). */
export const emulatorConfigSchema = z.strictObject({
  /** The seed's and the emulators' "now", the app's SANDBOX_CLOCK_START: time flows on from it. */
  now: z.iso.datetime(),
  appointments: z.int().min(1),
  token: z.string().min(1),
  graphPort: z.int().min(1),
  bcPort: z.int().min(1),
  tenant: z.string().min(1),
  environment: z.string().min(1),
});
export type EmulatorProcessConfig = z.infer<typeof emulatorConfigSchema>;

export const READY_PATTERN = /^emulators ready (\{.*\})$/m;
