/**
 * Whether this process should be sent traffic: every registered check passes and it is not
 * shutting down. Checks are named (`cognito`, and `sharedStore` when replicas share one) so a
 * failing answer says which; each is cached by whoever registers it, so probes cost little.
 */
export type ReadinessCheck = () => Promise<void>;

export interface ReadinessReport {
  ready: boolean;
  /** `draining` once shutdown has begun: finishing the requests in flight, taking no new ones. */
  status: 'ready' | 'not ready' | 'draining';
  /** Each check by name: `ok`, or why it fails (a code or a short reason, never a secret). */
  checks: Record<string, string>;
}

export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private draining = false;

  /** A check resolves when the dependency is usable and rejects (with a short reason) when not. */
  add(name: string, check: ReadinessCheck): void {
    if (this.checks.has(name)) throw new Error(`readiness check "${name}" is registered twice`);
    this.checks.set(name, check);
  }

  /** From the first shutdown signal on, the process answers not ready, whatever its checks say. */
  startDraining(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  async report(): Promise<ReadinessReport> {
    const results = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          await check();
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, reasonOf(error)] as const;
        }
      }),
    );
    const checks = Object.fromEntries(results);
    if (this.draining) return { ready: false, status: 'draining', checks };
    const ready = results.every(([, result]) => result === 'ok');
    return { ready, status: ready ? 'ready' : 'not ready', checks };
  }
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : 'failed';
}

/**
 * Runs `check` at most once per `ttlMs`: every probe within that time gets the last answer, and
 * probes arriving while a check runs wait for that one. A readiness probe every second from each of
 * several orchestrators then costs one call per `ttlMs`, not one per probe.
 */
export function cachedCheck(check: ReadinessCheck, ttlMs: number, now: () => number = () => performance.now()): ReadinessCheck {
  let last: { at: number; result: Promise<void> } | undefined;
  return () => {
    if (!last || now() - last.at >= ttlMs) {
      const result = check();
      // A rejection is kept as the answer until the time is up; it is observed by every caller.
      result.catch(() => {});
      last = { at: now(), result };
    }
    return last.result;
  };
}
