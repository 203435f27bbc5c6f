/*
 * bot/cards measures card size with Node's Buffer.byteLength. The browser has no Buffer, so the
 * tab supplies that one function (UTF-8 byte count) before the builder runs.
 */
const scope = globalThis as { Buffer?: unknown };
if (scope.Buffer === undefined) {
  scope.Buffer = { byteLength: (text: string) => new TextEncoder().encode(text).length };
}

export {};
