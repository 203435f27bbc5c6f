import { ApiError } from './api-error';
import { RunGate } from './run-gate';

test('refuses beyond the limit until a run finishes', async () => {
  const gate = new RunGate(1);
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  await expect(
    gate.admit(
      async () => 'r1',
      () => finished,
    ),
  ).resolves.toBe('r1');
  await expect(
    gate.admit(
      async () => 'r2',
      async () => undefined,
    ),
  ).rejects.toMatchObject({ code: 'busy' });
  finish();
  await finished;
  await new Promise((resolve) => setImmediate(resolve));
  await expect(
    gate.admit(
      async () => 'r3',
      async () => undefined,
    ),
  ).resolves.toBe('r3');
});

test('a start that fails gives its place back', async () => {
  const gate = new RunGate(1);
  await expect(
    gate.admit(
      async () => Promise.reject(new ApiError('invalid_body', 'bad')),
      async () => undefined,
    ),
  ).rejects.toBeInstanceOf(ApiError);
  await expect(
    gate.admit(
      async () => 'r1',
      async () => undefined,
    ),
  ).resolves.toBe('r1');
});
