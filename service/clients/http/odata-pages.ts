import type { HttpClient, HttpRequest } from './http-client';
import { InvalidResponseError } from './invalid-response-error';
import { odataCollectionSchema } from './odata-collection';
import { parseBody } from './parse-body';
import { redactUrl } from './redact-url';

export interface RawPage {
  values: unknown[];
  /** Where the next page is; a sync may checkpoint it. Absent on the last page. */
  nextLink?: string;
}

/**
 * Every page of an OData collection, following `@odata.nextLink` until it is absent. A next link to
 * another host is refused: it would receive our bearer token.
 */
export async function* odataPages(http: HttpClient, firstUrl: string, entity: string, limit?: HttpRequest['limit']): AsyncGenerator<RawPage> {
  const origin = new URL(firstUrl).origin;
  let url: string | undefined = firstUrl;
  while (url) {
    const request: HttpRequest = { method: 'GET', url, limit };
    const response = await http.send(request);
    const page = parseBody(odataCollectionSchema, response.body, `${entity} collection`, request);
    const nextLink = page['@odata.nextLink'];
    if (nextLink !== undefined && new URL(nextLink, url).origin !== origin) {
      throw new InvalidResponseError(`${entity} collection`, undefined, '@odata.nextLink', `points to another host (${new URL(nextLink, url).origin})`, {
        method: 'GET',
        url: redactUrl(url),
      });
    }
    yield nextLink === undefined ? { values: page.value } : { values: page.value, nextLink };
    url = nextLink === undefined ? undefined : new URL(nextLink, url).toString();
  }
}
