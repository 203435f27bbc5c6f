import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { BcState } from './bc';
import type { BookingsSeed } from './graph/types';

/**
 * The emulators' data kept in a file beside the database, so that a restarted sandbox continues
 * where it stopped (items, customers, invoice numbers, appointments) as the real services would,
 * instead of being seeded afresh around a new day. The shapes are the emulators' own: the file is
 * checked for its version and top-level form, and is written only by this module.
 */
const FILE_VERSION = 1;

type BcSnapshot = ReturnType<BcState['snapshot']>;
type CompanyState = BcSnapshot['companies'] extends Map<string, infer C> ? C : never;

const fileSchema = z.object({
  version: z.literal(FILE_VERSION),
  bookings: z.object({ businesses: z.array(z.unknown()) }),
  bc: z.object({
    companies: z.array(z.tuple([z.string(), z.unknown()])),
    versions: z.array(z.tuple([z.string(), z.number()])),
    versionCounter: z.number(),
  }),
});

export interface SandboxState {
  bookings: BookingsSeed;
  bc: BcSnapshot;
}

export function readSandboxState(file: string): SandboxState | undefined {
  if (!fs.existsSync(file)) return undefined;
  const parsed = fileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  return {
    bookings: parsed.bookings as BookingsSeed,
    bc: {
      companies: new Map(parsed.bc.companies as Array<[string, CompanyState]>),
      versions: new Map(parsed.bc.versions),
      versionCounter: parsed.bc.versionCounter,
    },
  };
}

/** Serialises the state; `write` puts it in place atomically (a killed process leaves the old file or the new one). */
export function serializeSandboxState(state: SandboxState): string {
  return JSON.stringify({
    version: FILE_VERSION,
    bookings: state.bookings,
    bc: { companies: [...state.bc.companies], versions: [...state.bc.versions], versionCounter: state.bc.versionCounter },
  });
}

export function writeSandboxState(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}

/**
 * Saves whenever the state changed, checked every `everyMs`, and once more on stop: at most a
 * couple of seconds of emulator changes are lost to a kill -9.
 */
export function keepSandboxState(file: string, current: () => SandboxState, everyMs = 2_000): { stop(): void } {
  let last = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const save = () => {
    const text = serializeSandboxState(current());
    if (text === last) return;
    writeSandboxState(file, text);
    last = text;
  };
  const timer = setInterval(save, everyMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      save();
    },
  };
}
