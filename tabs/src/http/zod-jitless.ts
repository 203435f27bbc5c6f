import { config } from 'zod';

/*
 * Imported first by the tab's entry, before any schema is made (zod decides at a schema's creation).
 * By default zod compiles each object schema into a function with `new Function` on its first parse:
 * worth it for a server parsing the same shape a million times, but the tab parses each answer's
 * schemas a few times, and compiling them was about a tenth of the CPU before the first row was shown.
 */
config({ jitless: true });
