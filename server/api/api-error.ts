import type { z } from 'zod';
import type { ApiErrorBody, ApiErrorCode, ApiFieldErrors } from '../../contract/api-contract';

/** An answer other than success: the one place an error's code becomes an HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: ApiFieldErrors,
    readonly extra: { currentVersion?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get status(): number {
    return statusOf(this.code);
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}), ...this.extra } };
  }

  /** A 400 naming each bad field, from zod issues (unknown keys included). */
  static invalid(code: 'invalid_body' | 'invalid_query', issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): ApiError {
    const fields = issueFields(issues, prefix);
    const what = code === 'invalid_body' ? 'request body' : 'query string';
    const list = Object.entries(fields)
      .map(([path, message]) => `${path || '(root)'}: ${message}`)
      .join('; ');
    return new ApiError(code, `Invalid ${what}: ${list}`, fields);
  }
}

export function statusOf(code: ApiErrorCode): number {
  switch (code) {
    case 'invalid_body':
    case 'invalid_query':
    case 'invalid_path':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'too_large':
      return 413;
    case 'busy':
      return 429;
    case 'internal':
      return 500;
    case 'unavailable':
      return 503;
    default: {
      const unhandled: never = code;
      throw new Error(`No status for ${String(unhandled)}`);
    }
  }
}

/** One message per dotted path (the first wins); each unknown key is named on its own path. */
export function issueFields(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): ApiFieldErrors {
  const fields: ApiFieldErrors = {};
  const add = (path: readonly PropertyKey[], message: string) => {
    fields[[...prefix, ...path].map(String).join('.')] ??= message;
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key], 'Unknown field: remove it');
    } else {
      add(issue.path, issue.message);
    }
  }
  return fields;
}
