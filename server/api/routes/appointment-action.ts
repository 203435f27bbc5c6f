import type { AppointmentActionResult } from '../../../service/invoicing/exclusions';
import type { NoShowResult } from '../../../service/invoicing/no-shows';
import type { AppointmentChangeResponse } from '../../../contract/api-contract';
import { ApiError } from '../api-error';
import { ok, type JsonAnswer } from '../route';

/** An appointment action's result as an answer: unknown id 404, a refused move 409 with its reason. */
export function answerOf(
  result: AppointmentActionResult | NoShowResult,
  id: string,
  change: AppointmentChangeResponse['change'],
): JsonAnswer<AppointmentChangeResponse> {
  if (result.ok) {
    const body: AppointmentChangeResponse = { id, change };
    return ok(body);
  }
  switch (result.code) {
    case 'not-found':
      throw new ApiError('not_found', `No appointment ${id}`);
    case 'not-allowed':
      throw new ApiError('conflict', result.message);
    default: {
      const unhandled: never = result;
      throw new Error(`Unknown appointment action result ${JSON.stringify(unhandled)}`);
    }
  }
}
