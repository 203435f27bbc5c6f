import {
  CardPreviewUnavailableError,
  InvalidRunRequestError,
  ListCursorError,
  RunNotFoundError,
  storeFailureOf,
  SyncJobError,
} from '../../service/app/service-errors';
import { ApiError, issueFields } from './api-error';

/** The service's errors callers must tell apart, as API errors; anything else stays unknown (500). */
export function mapServiceError(err: unknown): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (err instanceof CardPreviewUnavailableError) return new ApiError('unavailable', err.message);
  if (err instanceof RunNotFoundError) return new ApiError('not_found', `No invoice run ${err.runId}`);
  if (err instanceof InvalidRunRequestError) {
    const fields = issueFields(err.issues);
    const message = Object.entries(fields)
      .map(([path, text]) => `${path || '(root)'}: ${text}`)
      .join('; ');
    return new ApiError('invalid_body', `Invalid request body: ${message}`, fields);
  }
  // A cursor is only ever sent in GET /api/unbilled's query string: refused as the query's other fields are.
  if (err instanceof ListCursorError) return ApiError.invalid('invalid_query', err.issues);
  if (err instanceof SyncJobError) {
    switch (err.reason) {
      case 'busy':
      case 'stopping':
        return new ApiError('busy', err.message);
      case 'unknown-run':
        return new ApiError('not_found', err.message);
      default: {
        const unhandled: never = err.reason;
        return unhandled;
      }
    }
  }
  return storeErrorOf(err);
}

/** A database error as the caller may see it: what to do, never the database's own words. */
function storeErrorOf(err: unknown): ApiError | undefined {
  const failure = storeFailureOf(err);
  switch (failure) {
    case undefined:
      return undefined;
    case 'bad-value':
      return new ApiError('invalid_body', 'The request holds a value that cannot be stored; check the text and numbers you sent');
    case 'conflict':
      return new ApiError('conflict', 'Someone changed this at the same time; reload and try again');
    case 'busy':
      return new ApiError('unavailable', 'The database is busy; try again shortly');
    case 'unavailable':
      return new ApiError('unavailable', 'The database cannot be reached right now; try again shortly');
    default: {
      const unhandled: never = failure;
      return unhandled;
    }
  }
}
