import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { Download } from '../route';

/** RFC 6266: an ASCII fallback name and the UTF-8 one. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Streams a download chunk by chunk, waiting for the client to drain. Its first chunk is read
 * before anything is sent, so a failure there is thrown (and answered as JSON); a failure later
 * cuts the connection, so a partial file is never taken for a whole one.
 */
export async function sendDownload(res: ServerResponse, file: Download, onLateError: (err: unknown) => void): Promise<void> {
  const iterator = file.chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-disposition': contentDisposition(file.fileName),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  try {
    for (let chunk = first; !chunk.done; chunk = await iterator.next()) {
      if (res.destroyed) {
        await iterator.return?.(undefined);
        return;
      }
      if (!res.write(chunk.value)) await once(res, 'drain');
    }
    res.end();
  } catch (err) {
    onLateError(err);
    res.destroy(err instanceof Error ? err : new Error(String(err)));
  }
}
