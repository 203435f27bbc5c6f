import type { RouteResponse } from '../http/router';

/**
 * An error as Business Central's OData endpoint reports it. Codes follow its categories
 * (BadRequest_*, Authentication_*, Internal_*, Application_*, Request_*).
 */
export class BcError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'BcError';
  }
}

/** Business Central appends the correlation id to every message, with two spaces before and after the label. */
export function errorResponse(error: BcError, correlationId: string): RouteResponse {
  return {
    status: error.status,
    headers: { ...error.headers, 'request-id': correlationId },
    body: { error: { code: error.code, message: `${error.message}  CorrelationId:  ${correlationId}.` } },
  };
}

/** Record lookups by key that find nothing: BC answers 404 with its query-syntax wording. */
export const notFound = (): BcError => new BcError(404, 'BadRequest_NotFound', 'Bad Request - Error in query syntax.');

export const badRequest = (message: string, code = 'BadRequest'): BcError => new BcError(400, code, message);

/** What AL `Error()` calls in the API pages surface as. */
export const applicationError = (message: string): BcError => new BcError(400, 'Application_DialogException', message);

export const recordNotFound = (table: string, fields: string): BcError =>
  new BcError(400, 'Internal_RecordNotFound', `The ${table} does not exist. Identification fields and values: ${fields}`);

export const invalidBody = (): BcError => badRequest('Invalid Request Body');

export const unknownProperty = (property: string, type: string): BcError =>
  badRequest(
    `The property '${property}' does not exist on type 'Microsoft.NAV.${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
  );

export const readOnlyProperty = (property: string): BcError => badRequest(`Control '${property}' is read-only.`, 'BadRequest_InvalidOperation');

export const stringTooLong = (value: string, max: number): BcError =>
  new BcError(
    400,
    'Application_StringExceededLength',
    `The length of the string is ${value.length}, but it must be less than or equal to ${max} characters. Value: ${value}`,
  );

export const missingIfMatch = (): BcError =>
  badRequest(
    'Could not validate the client concurrency token required by the service. Please provide a valid token in the client request.',
    'BadRequest_InvalidToken',
  );

export const entityChanged = (): BcError => new BcError(409, 'Request_EntityChanged', 'Another user has already changed the record.');
