import { Redis } from 'ioredis';
import type { Logger } from '../domain/logger';

/** How long one command may take before the gateway stops waiting for the store and uses its local share. */
const COMMAND_TIMEOUT_MS = 500;
/** Reconnection attempts back off to this, and keep going for as long as the gateway runs. */
const MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * The Redis the replicas share (REDIS_URL). Every command fails at once while the connection is
 * down (no offline queue, no resend): the callers then run on this replica's share of each limit
 * (see shared-limiters.ts) instead of waiting for a store that may not come back soon. The client
 * reconnects by itself; each change between reachable and unreachable is logged once.
 */
export class SharedStore {
  /** Commands: counters, the description cache, publishing. */
  readonly client: Redis;
  /** A subscribed connection can do nothing else: learned rates arrive here. */
  readonly subscriber: Redis;
  private reachable = false;
  /** Whether any state was logged yet: the first `unreachable` is worth saying only after a failed first attempt. */
  private known = false;
  private readonly listeners: ((reachable: boolean) => void)[] = [];
  private closing = false;

  constructor(
    url: string,
    /** Replicas sharing the store: while it is unreachable this one runs on 1/replicas of each limit. */
    readonly replicas: number,
    private readonly logger: Logger,
  ) {
    const options = {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: 2_000,
      retryStrategy: (attempt: number) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS),
    };
    this.client = new Redis(url, options);
    // Subscriptions are queued until connected, and renewed by ioredis after each reconnection.
    this.subscriber = new Redis(url, { ...options, enableOfflineQueue: true, commandTimeout: undefined });
    this.client.on('ready', () => this.transition(true));
    this.client.on('close', () => this.transition(false));
    // Connection errors are told through `close` and the transition log; without a listener ioredis prints each one.
    this.client.on('error', () => {});
    this.subscriber.on('error', () => {});
  }

  /** Whether the store answers now: for readiness (`/ready`) and the `gateway_shared_store_up` gauge. */
  isReachable(): boolean {
    return this.reachable;
  }

  /** Called at every change between reachable and unreachable. */
  onChange(listener: (reachable: boolean) => void): void {
    this.listeners.push(listener);
  }

  /** This replica's share of a limit of `points`, while the store is unreachable: never less than one. */
  share(points: number): number {
    return Math.max(1, Math.floor(points / this.replicas));
  }

  /** Waits (at most `timeoutMs`) for the first connection, so that a replica starts on the shared budget when it can. */
  async connected(timeoutMs: number): Promise<boolean> {
    if (this.reachable) return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.transition(false);
        resolve(false);
      }, timeoutMs);
      this.onChange((reachable) => {
        if (!reachable) return;
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    this.subscriber.disconnect();
    this.client.disconnect();
  }

  private transition(reachable: boolean): void {
    if (this.closing || (this.known && reachable === this.reachable)) return;
    this.known = true;
    this.reachable = reachable;
    const where = `shared store (REDIS_URL, ${this.client.options.host}:${this.client.options.port})`;
    if (reachable) this.logger.info(`${where} reachable: quotas, rate limits and the description cache are shared by the replicas`);
    else
      this.logger.warn(
        `${where} unreachable: serving on this replica's share (1/${this.replicas}, GATEWAY_REPLICAS) of every quota and rate limit until it is back`,
      );
    for (const listener of this.listeners) listener(reachable);
  }
}
