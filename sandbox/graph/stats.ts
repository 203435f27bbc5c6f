import type { FaultKind } from './settings';

export interface GraphEmulatorStats {
  /** HTTP requests answered under /v1.0; a $batch counts once. */
  requestsServed: number;
  batchItemsServed: number;
  /** 429 answers, top-level and inside batch envelopes. */
  throttled: number;
  faultsInjected: number;
  faultsByKind: Record<FaultKind, number>;
  /** The most requests seen in flight at once per mailbox (lower-case SMTP address), refused ones included. */
  maxConcurrencyByMailbox: Record<string, number>;
}

export class StatsRecorder {
  requestsServed = 0;
  batchItemsServed = 0;
  throttled = 0;
  private readonly faults: Record<FaultKind, number> = { '500': 0, '503': 0, reset: 0 };

  fault(kind: FaultKind): void {
    this.faults[kind] += 1;
  }

  snapshot(maxConcurrencyByMailbox: Record<string, number>): GraphEmulatorStats {
    return {
      requestsServed: this.requestsServed,
      batchItemsServed: this.batchItemsServed,
      throttled: this.throttled,
      faultsInjected: this.faults['500'] + this.faults['503'] + this.faults.reset,
      faultsByKind: { ...this.faults },
      maxConcurrencyByMailbox,
    };
  }
}
