import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Env } from '../../service/config/env-files';
import { fillPlaceholders } from './fill-placeholders';
import { iconProblems } from './icon-checks';
import { schemaErrors } from './manifest-schema';
import { zip, type ZipEntry } from './zip';

export class AppPackageError extends Error {
  override readonly name = 'AppPackageError';
}

/** The manifest's parts that name other files of the package. */
const manifestFiles = z.object({
  manifestVersion: z.string(),
  icons: z.object({ color: z.string(), outline: z.string() }),
  localizationInfo: z
    .object({ defaultLanguageFile: z.string().optional(), additionalLanguages: z.array(z.object({ file: z.string() })).default([]) })
    .optional(),
});

export interface BuiltAppPackage {
  zipPath: string;
  manifest: Record<string, unknown>;
  entries: ZipEntry[];
}

/**
 * appPackage/ for one environment, as the toolkit's teamsApp/zipAppPackage builds it: placeholders
 * filled from env (every missing one named at once), the manifest and its localization files valid
 * against Microsoft's schema for its manifestVersion, the icons of the right size; written to
 * appPackage/build/appPackage.<env>.zip beside the filled manifest.<env>.json.
 */
export function buildAppPackage(root: string, envName: string, env: Env): BuiltAppPackage {
  const dir = path.join(root, 'appPackage');
  const read = (file: string) => readFileSync(path.join(dir, file));
  const filled = (file: string) => {
    const { text, missing } = fillPlaceholders(read(file).toString('utf8'), env);
    if (missing.length > 0) {
      throw new AppPackageError(
        `appPackage/${file}: no value for ${missing.join(', ')}; set ${missing.length > 1 ? 'them' : 'it'} in env/.env.${envName} (secrets in env/.env.${envName}.user) or the environment, or run the toolkit's provision`,
      );
    }
    return text;
  };

  const manifestText = filled('manifest.json');
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;
  const files = manifestFiles.parse(manifest);
  const problems = schemaErrors(manifest, 'manifest', files.manifestVersion).map((e) => `manifest.json ${e}`);
  const entries: ZipEntry[] = [{ name: 'manifest.json', data: Buffer.from(manifestText, 'utf8') }];

  for (const kind of ['color', 'outline'] as const) {
    const file = files.icons[kind];
    const data = read(file);
    problems.push(...iconProblems(kind, data).map((p) => `${file} (${kind} icon) ${p}`));
    entries.push({ name: file, data });
  }
  const languages = [files.localizationInfo?.defaultLanguageFile, ...(files.localizationInfo?.additionalLanguages ?? []).map((l) => l.file)];
  for (const file of languages.filter((f) => f !== undefined)) {
    const text = filled(file);
    problems.push(...schemaErrors(JSON.parse(text), 'localization', files.manifestVersion).map((e) => `${file} ${e}`));
    entries.push({ name: file, data: Buffer.from(text, 'utf8') });
  }
  if (problems.length > 0) throw new AppPackageError(`the app package is not valid:\n  ${problems.join('\n  ')}`);

  const buildDir = path.join(dir, 'build');
  mkdirSync(buildDir, { recursive: true });
  const zipPath = path.join(buildDir, `appPackage.${envName}.zip`);
  writeFileSync(path.join(buildDir, `manifest.${envName}.json`), manifestText);
  writeFileSync(zipPath, zip(entries));
  return { zipPath, manifest, entries };
}
