import { z } from 'zod';

/** Graph and Business Central both answer `{"error":{"code","message"}}`; Graph adds `innerError.request-id`. */
const errorBodySchema = z.object({
  error: z.object({
    code: z.string().optional(),
    message: z.string().optional(),
    innerError: z.object({ 'request-id': z.string().optional() }).optional(),
  }),
});

export interface ServiceError {
  code?: string;
  message?: string;
  requestId?: string;
}

const MAX_TEXT = 300;

/** The service's error out of a body, or the start of a body that is not the usual shape. */
export function parseServiceError(body: unknown): ServiceError {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const e = parsed.data.error;
    return { code: e.code, message: e.message, requestId: e.innerError?.['request-id'] };
  }
  if (typeof body === 'string' && body.trim() !== '') return { message: body.trim().slice(0, MAX_TEXT) };
  return {};
}
