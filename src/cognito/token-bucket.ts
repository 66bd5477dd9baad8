interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * A rate limit that waits rather than refuses: `take()` resolves when a token is free, in the
 * order asked. Tokens refill continuously at the bucket's rate, up to a one-second burst. A
 * waiter whose signal aborts leaves the queue. The rate can change while callers wait (the
 * pacer learns it from Cognito's throttling answers).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private rate: number;
  /** No token is handed out before this time (performance.now()); then one is at once. */
  private heldUntil = 0;

  constructor(ratePerSecond: number) {
    this.rate = ratePerSecond;
    this.tokens = this.capacity;
    this.last = performance.now();
  }

  get ratePerSecond(): number {
    return this.rate;
  }

  /** A one-second burst, and at least one call. */
  get capacity(): number {
    return Math.max(1, this.rate);
  }

  /** Waiting callers, for the call log and tests. */
  get waiting(): number {
    return this.queue.length;
  }

  /** How long a take asked now would wait, in milliseconds, given the callers ahead of it. */
  expectedWaitMs(): number {
    this.refill();
    const held = Math.max(0, this.heldUntil - performance.now());
    const short = this.queue.length + 1 - (held > 0 ? 1 : this.tokens);
    return held + (short <= 0 ? 0 : (short / this.rate) * 1000);
  }

  /** Hands out nothing until `until` (a performance.now() time): Cognito's window is spent until then. */
  hold(until: number): void {
    this.refill();
    this.tokens = 0;
    this.heldUntil = Math.max(this.heldUntil, until);
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.schedule();
  }

  /**
   * A new rate. `drain` also empties the bucket: after a throttling answer the current window's
   * budget is evidently spent, so the next call waits its turn at the new rate.
   */
  setRate(ratePerSecond: number, drain = false): void {
    this.refill();
    this.rate = ratePerSecond;
    this.tokens = drain ? 0 : Math.min(this.tokens, this.capacity);
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.schedule();
  }

  take(signal?: AbortSignal): Promise<void> {
    this.refill();
    if (this.queue.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) this.queue.splice(index, 1);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.queue.push(waiter);
      this.schedule();
    });
  }

  private refill(): void {
    const now = performance.now();
    if (this.heldUntil > 0) {
      if (now < this.heldUntil) {
        this.last = now;
        return;
      }
      // The hold is over: one call goes at once, and the bucket fills from then on.
      this.tokens = Math.max(this.tokens, 1);
      this.last = Math.max(this.last, this.heldUntil);
      this.heldUntil = 0;
    }
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }

  private schedule(): void {
    if (this.timer !== undefined || this.queue.length === 0) return;
    const held = this.heldUntil - performance.now();
    const waitMs = held > 0 ? held : Math.max(0, ((1 - this.tokens) / this.rate) * 1000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.drain();
    }, Math.ceil(waitMs));
    this.timer.unref?.();
  }

  private drain(): void {
    this.refill();
    while (this.queue.length > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      const waiter = this.queue.shift() as Waiter;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve();
    }
    this.schedule();
  }
}
