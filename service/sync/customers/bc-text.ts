/** Business Central field lengths (Text[n] counts UTF-16 code units). */
export const BC_NAME_LENGTH = 100;
export const BC_EMAIL_LENGTH = 80;

/** Whether Business Central's email field can hold the address as it is. */
export function emailFitsBc(email: string): boolean {
  return email.length <= BC_EMAIL_LENGTH;
}

/** Cuts to at most `max` code units without leaving half of a surrogate pair (an emoji) behind. */
export function truncateBcText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** PostgreSQL refuses U+0000 in text, so it never reaches the store. */
export function stripNul(text: string): string {
  return text.replaceAll('\u0000', '');
}
