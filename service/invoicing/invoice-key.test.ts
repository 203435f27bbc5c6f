import fc from 'fast-check';
import { EXTERNAL_DOCUMENT_NUMBER_LENGTH, externalDocumentNumber } from './invoice-key';

describe('externalDocumentNumber', () => {
  it('is a short upper-case code', () => {
    const key = externalDocumentNumber('run-1', ['appt-2', 'appt-1'], 'mette@example.dk');
    expect(key).toMatch(/^BKI-[A-Z2-7]{31}$/);
    expect(key).toHaveLength(EXTERNAL_DOCUMENT_NUMBER_LENGTH);
  });

  it('tells runs, customers and appointment sets apart', () => {
    const key = externalDocumentNumber('run-1', ['a'], 'mette@example.dk');
    expect(externalDocumentNumber('run-2', ['a'], 'mette@example.dk')).not.toBe(key);
    expect(externalDocumentNumber('run-1', ['a'], 'ole@example.dk')).not.toBe(key);
    expect(externalDocumentNumber('run-1', ['a', 'b'], 'mette@example.dk')).not.toBe(key);
    // Joining ids with a separator must not let ['a,b'] collide with ['a', 'b'].
    expect(externalDocumentNumber('run-1', ['a,b'], 'm@x')).not.toBe(externalDocumentNumber('run-1', ['a', 'b'], 'm@x'));
  });

  it('refuses an invoice without appointments', () => {
    expect(() => externalDocumentNumber('run-1', [], 'm@x')).toThrow(RangeError);
  });

  it('is at most 35 characters, unchanged by upper-casing and independent of id order and email case', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc
          .uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 20 })
          .chain((ids) => fc.tuple(fc.constant(ids), fc.shuffledSubarray(ids, { minLength: ids.length }))),
        fc.emailAddress(),
        (runId, [ids, shuffled], email) => {
          const key = externalDocumentNumber(runId, ids, email);
          expect(key.length).toBeLessThanOrEqual(35);
          expect(key).toMatch(/^[A-Z0-9-]+$/);
          expect(key.toUpperCase()).toBe(key);
          expect(externalDocumentNumber(runId, [...shuffled, ...shuffled], email.toUpperCase())).toBe(key);
        },
      ),
    );
  });
});
