import type { z } from 'zod';
import { parseJsonBody } from '../http/router';
import { badRequest } from './errors';
import { describeIssues } from './settings';

/** Parses and validates a JSON request body; a 400 Graph error names the offending field. */
export function parseBody<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = parseJsonBody(text);
  } catch {
    throw badRequest('Invalid JSON in the request body.');
  }
  if (json === undefined) throw badRequest('A request body is required.');
  const result = schema.safeParse(json);
  if (!result.success) throw badRequest(`Invalid request body: ${describeIssues(result.error)}`);
  return result.data;
}
