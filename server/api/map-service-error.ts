import { InvalidRunRequestError, RunNotFoundError } from '../../service/invoicing/run/errors';
import { SyncJobError } from '../../service/jobs/errors';
import { ApiError, issueFields } from './api-error';

/** The service's errors callers must tell apart, as API errors; anything else stays unknown (500). */
export function mapServiceError(err: unknown): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (err instanceof RunNotFoundError) return new ApiError('not_found', `No invoice run ${err.runId}`);
  if (err instanceof InvalidRunRequestError) {
    const fields = issueFields(err.issues);
    const message = Object.entries(fields).map(([path, text]) => `${path || '(root)'}: ${text}`).join('; ');
    return new ApiError('invalid_body', `Invalid request body: ${message}`, fields);
  }
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
  return undefined;
}
