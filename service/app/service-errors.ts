/*
 * The errors of the use cases a face must tell apart to answer in its own words: faces import them
 * from here, never from the store or the jobs' internals.
 */
export { InvalidRunRequestError, RunNotFoundError } from '../invoicing/run/errors';
export { SyncJobError } from '../jobs/errors';
export { storeFailureOf, type StoreFailure } from '../store';
export { CardPreviewUnavailableError } from './card-preview';
export { ListCursorError } from '../unbilled/list-cursor';
