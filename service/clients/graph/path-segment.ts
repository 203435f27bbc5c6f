/**
 * A Bookings business id (its SMTP address) or a record id as one segment of a Graph path, as Graph's
 * documentation writes them: `@` and `=` (the padding of the base64 ids) as they are, both allowed in
 * a path segment (RFC 3986 pchar); anything else that would end or split the segment (`/`, `?`, `#`,
 * `%`, spaces) percent-encoded. Graph reads either form; a service that compares paths as written
 * (the URLs inside a `$batch` are never decoded by a router) reads only this one.
 */
export function graphPathSegment(value: string): string {
  return encodeURIComponent(value).replace(/%40/gi, '@').replace(/%3D/gi, '=');
}
