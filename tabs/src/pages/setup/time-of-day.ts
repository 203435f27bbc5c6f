/**
 * The daily summary's time as typed, made HH:MM on 24 hours whatever the browser's locale: "7:30",
 * "7.30", "730" and "0730" are 07:30. What is not a time is returned as typed, for the setup's own
 * validation to name.
 */
export function normalizeTimeOfDay(typed: string): string {
  const text = typed.trim();
  const parts = /^(\d{1,2})[:.]?(\d{2})$/.exec(text);
  if (!parts) return typed;
  const hours = Number(parts[1]);
  const minutes = Number(parts[2]);
  if (hours > 23 || minutes > 59) return typed;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
