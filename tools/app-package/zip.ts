import { type Zippable, zipSync } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

// Every entry is dated 1980-01-01 00:00, the format's epoch (fflate writes local-time fields, so a
// date built from local parts gives the same bytes in every time zone): same inputs, same zip.
const EPOCH = new Date(1980, 0, 1, 0, 0, 0);

/** A deflated zip archive of the entries, in their order, with no directories (an app package is flat). */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const files: Zippable = {};
  for (const entry of entries) files[entry.name] = [new Uint8Array(entry.data), { level: 9, mtime: EPOCH }];
  return Buffer.from(zipSync(files));
}
