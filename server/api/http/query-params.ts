/** A query string as an object; a repeated key becomes a list, which the strict schemas then refuse. */
export function queryParams(url: string | undefined): Record<string, string | string[]> {
  const params = new URL(url ?? '/', 'http://localhost').searchParams;
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}
