import { z } from 'zod';
import { API_ERROR_CODES } from '../../contract/api-contract';
import { ApiError, statusOf } from './api-error';

test('every code has its status', () => {
  expect(Object.fromEntries(API_ERROR_CODES.map((code) => [code, statusOf(code)]))).toEqual({
    invalid_body: 400,
    invalid_query: 400,
    invalid_path: 400,
    unauthenticated: 401,
    forbidden: 403,
    not_found: 404,
    conflict: 409,
    too_large: 413,
    busy: 429,
    internal: 500,
    unavailable: 503,
  });
});

test('zod issues become one message per field, unknown keys named', () => {
  const schema = z.strictObject({ a: z.number(), b: z.strictObject({ c: z.string() }) });
  const err = ApiError.invalid('invalid_body', schema.safeParse({ a: 'x', b: { c: 1, d: 2 }, e: 3 }).error!.issues);
  expect(Object.keys(err.fields ?? {}).sort()).toEqual(['a', 'b.c', 'b.d', 'e']);
  expect(err.toBody().error.code).toBe('invalid_body');
  expect(err.status).toBe(400);
});
