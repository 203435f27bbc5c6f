import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { parse } from 'yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../service/config/config';

export const actionSchema = z.object({
  uses: z.string(),
  name: z.string().optional(),
  with: z.record(z.string(), z.unknown()).optional(),
  writeToEnvironmentFile: z.record(z.string(), z.string()).optional(),
});
export type Action = z.infer<typeof actionSchema>;

export const lifecycleSchema = z.strictObject({
  version: z.string(),
  projectId: z.string(),
  environmentFolderPath: z.string(),
  provision: z.array(actionSchema),
  deploy: z.array(actionSchema).optional(),
  publish: z.array(actionSchema).optional(),
});
export type Lifecycle = z.infer<typeof lifecycleSchema>;

export const readText = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
export const readLifecycle = (file: string): Lifecycle => lifecycleSchema.parse(parse(readText(file)));
/** The names an env file lists (values may be empty). */
export const envFileNames = (file: string) => new Set(Object.keys(parseEnv(readText(file))));
/** Every `${{NAME}}` a text refers to. */
export const placeholders = (text: string) => [...new Set([...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!))];
