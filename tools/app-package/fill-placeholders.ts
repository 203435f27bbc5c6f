import type { Env } from '../../service/config/env-files';

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Replaces the toolkit's `${{NAME}}` placeholders in a JSON text with the environment's values (as
 * JSON string content, so a quote cannot break the document); returns the names that had no value.
 */
export function fillPlaceholders(jsonText: string, env: Env): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = jsonText.replace(PLACEHOLDER, (whole, name: string) => {
    const value = env[name];
    if (value === undefined || value === '') {
      missing.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text, missing: [...missing] };
}
