import { HttpError, type RequestName } from './http-error';

/** A response that does not have the shape we rely on: names the entity, its id when known and the field. */
export class InvalidResponseError extends HttpError {
  constructor(
    readonly entity: string,
    readonly entityId: string | undefined,
    readonly fieldPath: string,
    readonly issue: string,
    request?: RequestName,
  ) {
    super('invalid-response', { request }, `invalid ${entity}${entityId === undefined ? '' : ` ${entityId}`}: ${fieldPath || '(root)'} ${issue}`);
    this.name = 'InvalidResponseError';
  }

  /** The same problem, tied to the request that returned it. */
  forRequest(request: RequestName): InvalidResponseError {
    return new InvalidResponseError(this.entity, this.entityId, this.fieldPath, this.issue, request);
  }
}
