import { sideBySide } from './side-by-side';

describe('sideBySide', () => {
  it('answers every read in the order given', async () => {
    await expect(sideBySide<[number, string]>([Promise.resolve(1), Promise.resolve('two')])).resolves.toEqual([1, 'two']);
  });

  it('throws the first failure only once every read has settled', async () => {
    let release!: () => void;
    let slowDone = false;
    const slow = new Promise<void>((resolve) => (release = resolve)).then(() => {
      slowDone = true;
    });
    const answer = sideBySide<[never, void]>([Promise.reject(new Error('refused')), slow]);
    let settled = false;
    void answer.catch(() => (settled = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(false);
    release();
    await expect(answer).rejects.toThrow('refused');
    expect(slowDone).toBe(true);
  });
});
