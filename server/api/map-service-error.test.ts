import { CardPreviewUnavailableError } from '../../service/app/card-preview';
import { ListCursorError } from '../../service/app/service-errors';
import { mapServiceError } from './map-service-error';

/* A database error reaches the caller as what to do, with a 4xx or 5xx status and none of the database's words. */

const dbError = (code: string, message = 'invalid byte sequence for encoding "UTF8": 0x00 in relation appointments') =>
  Object.assign(new Error(message), { code });

test.each([
  ['22021', 400, 'invalid_body'],
  ['22P02', 400, 'invalid_body'],
  ['SQLITE_TOOBIG', 400, 'invalid_body'],
  ['23505', 409, 'conflict'],
  ['SQLITE_CONSTRAINT_UNIQUE', 409, 'conflict'],
  ['40001', 503, 'unavailable'],
  ['40P01', 503, 'unavailable'],
  ['SQLITE_BUSY', 503, 'unavailable'],
  ['57P01', 503, 'unavailable'],
  ['08006', 503, 'unavailable'],
  ['ECONNREFUSED', 503, 'unavailable'],
  ['SQLITE_IOERR_WRITE', 503, 'unavailable'],
])('database error %s is %i %s, without its detail', (code, status, apiCode) => {
  const mapped = mapServiceError(dbError(code));
  expect(mapped).toMatchObject({ status, code: apiCode });
  expect(mapped?.message).not.toMatch(/UTF8|0x00|relation|appointments/);
});

test('a database error wrapped as the cause of another is found', () => {
  expect(mapServiceError(new Error('claim failed', { cause: dbError('40001') }))?.status).toBe(503);
});

test('anything else stays unknown (500, logged)', () => {
  expect(mapServiceError(dbError('42P01'))).toBeUndefined();
  expect(mapServiceError(new TypeError('x is undefined'))).toBeUndefined();
});

test('a process without the bot’s cards answers the card preview 503, in words', () => {
  expect(mapServiceError(new CardPreviewUnavailableError())).toMatchObject({
    status: 503,
    code: 'unavailable',
    message: 'The card preview is not available in this process',
  });
});

test('a refused list cursor is 400 invalid_query naming the after field, as the query string’s other fields are', () => {
  expect(mapServiceError(new ListCursorError())).toMatchObject({
    status: 400,
    code: 'invalid_query',
    message: 'Invalid query string: after: Use the after of an earlier answer with the same sort, direction and state',
    fields: { after: 'Use the after of an earlier answer with the same sort, direction and state' },
  });
});
