import type { ApiErrorCode, ApiFieldErrors } from '../../../contract/api-contract';

/** The server's own codes, plus what can go wrong before there is an answer to read. */
export type ApiErrorReason = ApiErrorCode | 'network' | 'bad_response';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly reason: ApiErrorReason,
    message: string,
    readonly status: number | null = null,
    readonly fields: ApiFieldErrors = {},
    readonly currentVersion: number | null = null,
  ) {
    super(message);
  }
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('network', error instanceof Error ? error.message : String(error));
}
