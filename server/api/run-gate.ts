import { ApiError } from './api-error';

/**
 * How many invoice runs this process lets the API start at once: each one holds Business Central
 * connections for its duration, so a further request is 429 until one ends.
 */
export class RunGate {
  private running = 0;

  constructor(private readonly max: number) {}

  /** Starts `start` if there is room, and keeps the place until `finished` settles. */
  async admit(start: () => Promise<string>, finished: (runId: string) => Promise<unknown>): Promise<string> {
    if (this.running >= this.max) {
      throw new ApiError('busy', `${this.max} invoice run${this.max === 1 ? ' is' : 's are'} running already: wait for one to finish`);
    }
    this.running += 1;
    let runId: string;
    try {
      runId = await start();
    } catch (e) {
      this.running -= 1;
      throw e;
    }
    void finished(runId)
      .catch(() => undefined)
      .finally(() => (this.running -= 1));
    return runId;
  }
}
