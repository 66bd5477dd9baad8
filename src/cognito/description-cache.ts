/** Descriptions kept across requests: in this process (DescriptionCache) or shared by replicas (REDIS_URL). */
export interface Descriptions {
  readonly enabled: boolean;
  /** The cached value, or the loaded one (then kept for the TTL). Failures are not cached. */
  through<Value>(kind: string, userPoolId: string, key: string, load: () => Promise<Value>): Promise<Value>;
  /** After a write: everything of that pool, or everything when the write names no pool. */
  forget(userPoolId: string | undefined): void;
}

/**
 * An optional cache across requests for descriptions that change rarely (pools, app clients,
 * groups), keyed by pool. Off unless a TTL is configured. This gateway's own writes drop the
 * entries of the pool they touch; changes made elsewhere show after at most the TTL.
 */
export class DescriptionCache implements Descriptions {
  private readonly entries = new Map<string, { value: unknown; expiresAt: number }>();

  constructor(readonly ttlMs: number) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** The cached value, or the loaded one (then kept for the TTL). Failures are not cached. */
  async through<Value>(kind: string, userPoolId: string, key: string, load: () => Promise<Value>): Promise<Value> {
    if (!this.enabled) return load();
    const id = `${userPoolId}\u0000${kind}\u0000${key}`;
    const hit = this.entries.get(id);
    if (hit && hit.expiresAt > performance.now()) return hit.value as Value;
    const value = await load();
    this.entries.set(id, { value, expiresAt: performance.now() + this.ttlMs });
    return value;
  }

  /** After a write: everything of that pool, or everything when the write names no pool. */
  forget(userPoolId: string | undefined): void {
    if (userPoolId === undefined) {
      this.entries.clear();
      return;
    }
    for (const id of this.entries.keys()) if (id.startsWith(`${userPoolId}\u0000`)) this.entries.delete(id);
  }
}
