interface Waiter {
  caller: string;
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/** The caller of takes that name none: they share one queue, served in the order asked. */
export const ANY_CALLER = '';

/**
 * A rate limit that waits rather than refuses: `take()` resolves when a token is free. Tokens
 * refill continuously at the bucket's rate, up to a one-second burst. A waiter whose signal
 * aborts leaves the queue. The rate can change while callers wait (the pacer learns it from
 * Cognito's throttling answers).
 *
 * Waiting is fair between callers: each caller's takes queue on their own, in the order asked,
 * and free tokens go round the callers with takes waiting, one each in turn (round-robin; every
 * take costs one token, so this is deficit round-robin with equal costs). A caller joining the
 * queue goes last in the round. So a caller's single take is let through after at most one take
 * of each other caller that had takes waiting when it came (its n-th waiting take, after at most n
 * of each): a caller with a backlog of a thousand delays another caller's single call by one
 * call, not a thousand.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  /** Each caller's waiting takes, in the order asked. */
  private readonly queues = new Map<string, Waiter[]>();
  /** Callers with takes waiting, in the order their next take is served. */
  private readonly turns: string[] = [];
  private queued = 0;
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

  /** Waiting takes, of every caller, for the call log and tests. */
  get waiting(): number {
    return this.queued;
  }

  /**
   * How long a take `caller` asked now would wait, in milliseconds, given the takes served
   * before it: its caller's own waiting takes, and as many of each other caller's as the round
   * serves first (one per round, for as many rounds as the new take needs).
   */
  expectedWaitMs(caller: string = ANY_CALLER): number {
    this.refill();
    const held = Math.max(0, this.heldUntil - performance.now());
    const short = this.takesBefore(caller) + 1 - (held > 0 ? 1 : this.tokens);
    return held + (short <= 0 ? 0 : (short / this.rate) * 1000);
  }

  /** Takes let through before a new take of `caller`. */
  private takesBefore(caller: string): number {
    const own = this.queues.get(caller)?.length ?? 0;
    const position = this.turns.indexOf(caller);
    let before = own;
    this.turns.forEach((other, index) => {
      if (other === caller) return;
      const theirs = this.queues.get(other)?.length ?? 0;
      // Callers ahead in the round are served in the new take's own round too.
      before += Math.min(theirs, position < 0 || index < position ? own + 1 : own);
    });
    return before;
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

  take(signal?: AbortSignal, caller: string = ANY_CALLER): Promise<void> {
    this.refill();
    if (this.queued === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const waiter: Waiter = {
        caller,
        resolve,
        reject,
        signal,
        onAbort: () => {
          this.leave(waiter);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.join(waiter);
      this.schedule();
    });
  }

  private join(waiter: Waiter): void {
    const queue = this.queues.get(waiter.caller);
    if (queue) queue.push(waiter);
    else {
      this.queues.set(waiter.caller, [waiter]);
      this.turns.push(waiter.caller);
    }
    this.queued += 1;
  }

  private leave(waiter: Waiter): void {
    const queue = this.queues.get(waiter.caller);
    const index = queue?.indexOf(waiter) ?? -1;
    if (!queue || index < 0) return;
    queue.splice(index, 1);
    this.queued -= 1;
    if (queue.length === 0) {
      this.queues.delete(waiter.caller);
      this.turns.splice(this.turns.indexOf(waiter.caller), 1);
    }
  }

  /** The next waiter in the round: the first take of the caller whose turn it is. */
  private next(): Waiter {
    const caller = this.turns.shift() as string;
    const queue = this.queues.get(caller) as Waiter[];
    const waiter = queue.shift() as Waiter;
    this.queued -= 1;
    if (queue.length > 0) this.turns.push(caller);
    else this.queues.delete(caller);
    return waiter;
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
    if (this.timer !== undefined || this.queued === 0) return;
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
    while (this.queued > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      const waiter = this.next();
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve();
    }
    this.schedule();
  }
}
