import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export type SchemaKind = 'manifest' | 'localization';

const FILE: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

/**
 * Microsoft's JSON schema for a manifest version, as shipped inside @microsoft/app-manifest: read
 * from disk, never fetched, so validation works offline and cannot change under us.
 */
function schemaFile(kind: SchemaKind, manifestVersion: string): string {
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(packageDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, FILE[kind]);
}

/**
 * Schema errors of a manifest or localization file ("/path message"), none when valid. Validated as
 * the toolkit does: JSON schema draft-04, every error, the uri, email and regex formats. Patterns are
 * compiled without the `u` flag: the localization schema's `\]` outside a class is invalid in unicode mode.
 */
export function schemaErrors(document: unknown, kind: SchemaKind, manifestVersion: string): string[] {
  const schema: unknown = JSON.parse(readFileSync(schemaFile(kind, manifestVersion), 'utf8'));
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema as object);
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`);
}
