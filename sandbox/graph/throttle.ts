/**
 * Bookings allows a few concurrent requests per mailbox; one more is refused with 429 at once rather
 * than queued. Peaks count every request that arrived, refused ones included, so a client that
 * overruns the limit shows it in the stats.
 */
export class MailboxLimiter {
  private readonly inFlight = new Map<string, number>();
  private readonly peaks = new Map<string, number>();

  constructor(private readonly limit: () => number) {}

  /** A release function when a slot is free, undefined when the mailbox is at its limit. */
  tryAcquire(mailbox: string): (() => void) | undefined {
    const current = this.inFlight.get(mailbox) ?? 0;
    this.peaks.set(mailbox, Math.max(this.peaks.get(mailbox) ?? 0, current + 1));
    if (current >= this.limit()) return undefined;
    this.inFlight.set(mailbox, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight.set(mailbox, (this.inFlight.get(mailbox) ?? 1) - 1);
    };
  }

  peakByMailbox(): Record<string, number> {
    return Object.fromEntries(this.peaks);
  }
}
