/** The form emails are compared in: trimmed and lower-cased; null when there is none. */
export function normalizeEmail(email: string | null | undefined): string | null {
  const normalized = (email ?? '').trim().toLowerCase();
  return normalized === '' ? null : normalized;
}

/** Every address of a Business Central email field, which may list several separated by ';' or ','. */
export function emailsOfField(field: string): string[] {
  return field.split(/[;,]/).flatMap((part) => normalizeEmail(part) ?? []);
}
