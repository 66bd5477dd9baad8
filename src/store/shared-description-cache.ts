import { deserialize, serialize } from 'node:v8';
import type { Descriptions } from '../cognito/description-cache';
import type { Logger } from '../domain/logger';
import { KEY_PREFIX } from './shared-limiters';
import type { SharedStore } from './shared-store';

const PREFIX = `${KEY_PREFIX}:descriptions`;

interface Entry {
  value: unknown;
  /** Date.now() after which the entry is not used: the replicas' TTL, whoever stored it. */
  expiresAt: number;
}

/**
 * The description cache (DESCRIPTION_CACHE_TTL_MS) shared by the replicas: one Redis hash per
 * pool, so that a write through any replica drops that pool's descriptions for all of them at
 * once. Values are stored with v8's serializer, which keeps the SDK's Dates as Dates. While the
 * store is unreachable descriptions are loaded from Cognito every time (a write elsewhere could
 * not drop a copy kept here), and when it is back everything cached before is dropped: writes
 * made meanwhile could not clear it.
 */
export class SharedDescriptionCache implements Descriptions {
  constructor(
    private readonly store: SharedStore,
    readonly ttlMs: number,
    private readonly logger: Logger,
  ) {
    store.onChange((reachable) => {
      if (reachable) this.forget(undefined);
    });
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  async through<Value>(kind: string, userPoolId: string, key: string, load: () => Promise<Value>): Promise<Value> {
    if (!this.enabled || !this.store.isReachable()) return load();
    const hash = `${PREFIX}:${userPoolId}`;
    const field = `${kind}\u0000${key}`;
    try {
      const stored = await this.store.client.hgetBuffer(hash, field);
      if (stored) {
        const entry = deserialize(stored) as Entry;
        if (entry.expiresAt > Date.now()) return entry.value as Value;
      }
    } catch (error) {
      this.logger.debug('description cache: read from the shared store failed, loading from Cognito:', error);
    }
    const value = await load();
    const entry: Entry = { value, expiresAt: Date.now() + this.ttlMs };
    this.store.client
      .multi()
      .hset(hash, field, serialize(entry))
      .pexpire(hash, this.ttlMs)
      .exec()
      .catch(() => {});
    return value;
  }

  forget(userPoolId: string | undefined): void {
    const dropped = userPoolId === undefined ? this.dropAll() : this.store.client.del(`${PREFIX}:${userPoolId}`);
    dropped.catch((error: unknown) => this.logger.debug('description cache: could not drop entries in the shared store:', error));
  }

  private async dropAll(): Promise<void> {
    const stream = this.store.client.scanStream({ match: `${PREFIX}:*`, count: 100 });
    for await (const keys of stream as AsyncIterable<string[]>) if (keys.length > 0) await this.store.client.del(...keys);
  }
}
