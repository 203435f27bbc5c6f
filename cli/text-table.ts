/** Plain text columns, each cut to its width with an ellipsis; one header line and a rule. */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[], maxWidths: readonly number[]): string {
  const cell = (text: string, width: number) => {
    // Names come from Bookings: control characters (terminal escape sequences) never reach the terminal.
    const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ');
    return flat.length > width ? `${flat.slice(0, Math.max(0, width - 1))}…` : flat;
  };
  const widths = headers.map((h, i) => Math.min(maxWidths[i] ?? 30, Math.max(h.length, ...rows.map((r) => cell(r[i] ?? '', maxWidths[i] ?? 30).length))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => cell(c, widths[i]!).padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
