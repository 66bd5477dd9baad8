import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { GatewayError } from '../domain/gateway-error';
import type { Logger } from '../domain/logger';
import type { Caller } from './caller';

type UserCaller = Extract<Caller, { kind: 'user' }>;

/** What Cognito says, now, of an access token whose claims make its holder an administrator. */
export type AdminStanding =
  /** The token is still good and its user still in the administrators' group. */
  | { kind: 'administrator' }
  /** Removed from the group: the token still counts, for the plain user it now is. */
  | { kind: 'no-longer-administrator' }
  /** Signed out (GlobalSignOut, AdminUserGlobalSignOut), or the user disabled or deleted. */
  | { kind: 'token-refused'; answer: string };

/**
 * Asks Cognito about one caller (src/resolvers/admin-standing.ts). Throws, with the call path's
 * GatewayError, when Cognito could not tell (throttled, failing, unreachable).
 */
export type AdminStandingCheck = (caller: UserCaller, adminGroup: { userPoolId: string; name: string }) => Promise<AdminStanding>;

export interface AdminRecheckOptions {
  /** How long a confirmed standing is trusted (AUTH_RECHECK_SECONDS); 0 asks Cognito on every request. */
  windowMs: number;
  adminGroup: { userPoolId: string; name: string } | undefined;
  /** Embedded demo only: everybody is an administrator, so there is nothing to confirm. */
  authDisabled: boolean;
  logger: Logger;
  /** The clock the window is measured by (tests move it instead of sleeping). */
  now?: () => number;
}

/**
 * Tokens whose standing is remembered at once. Beyond this the least recently used are dropped,
 * so a flood of distinct tokens costs memory no more than this and, at worst, repeated checks.
 */
const MAX_REMEMBERED_TOKENS = 10_000;

/**
 * Administrator rights come from the token's `cognito:groups` claim, and administrative fields run
 * with the gateway's own AWS credentials, so Cognito never sees the caller: without this, a token
 * keeps those rights until it expires, whatever happened to its user. Here they are confirmed with
 * Cognito (the caller's own token still accepted, the user still in the group) and trusted for
 * `windowMs`, per token. Concurrent requests with one token share one check.
 *
 * Only administrator rights need it. A plain user's rights are self-service calls made with the
 * caller's own token, which Cognito checks itself on every call; service keys are configuration.
 */
export class AdminRecheck {
  private readonly standings: LRUCache<string, AdminStanding, () => Promise<AdminStanding>> | undefined;

  constructor(private readonly options: AdminRecheckOptions) {
    if (options.windowMs > 0) {
      this.standings = new LRUCache({
        max: MAX_REMEMBERED_TOKENS,
        ttl: options.windowMs,
        // Read the clock on every look-up: the window is short, and tests move the clock.
        ttlResolution: 0,
        ...(options.now ? { perf: { now: options.now } } : {}),
        fetchMethod: (_key, _stale, { context }) => context(),
      });
    }
  }

  /** The caller with the rights Cognito confirms; refuses a token Cognito no longer accepts. */
  async confirm(caller: Caller, check: AdminStandingCheck): Promise<Caller> {
    const { adminGroup, authDisabled } = this.options;
    if (caller.kind !== 'user' || !caller.admin || authDisabled || !adminGroup) return caller;
    const standing = await this.standingOf(caller, () => check(caller, adminGroup));
    switch (standing.kind) {
      case 'administrator':
        return caller;
      case 'no-longer-administrator':
        return { ...caller, admin: false };
      case 'token-refused':
        this.options.logger.debug(`an administrator's access token was refused by Cognito (${standing.answer})`);
        throw new GatewayError(
          'UNAUTHENTICATED',
          'The bearer token is no longer accepted by Cognito (signed out, or its user disabled or deleted). Sign in again.',
        );
    }
  }

  private async standingOf(caller: UserCaller, ask: () => Promise<AdminStanding>): Promise<AdminStanding> {
    try {
      // Keyed by a digest: the cache never holds a usable token.
      const standing = this.standings ? await this.standings.fetch(tokenDigest(caller.accessToken), { context: ask }) : await ask();
      if (!standing) throw new Error('the administrator check answered nothing');
      return standing;
    } catch (error) {
      // Fail closed: rights that cannot be confirmed are not granted. Not remembered, so the next
      // request asks again.
      if (!(error instanceof GatewayError)) throw error;
      this.options.logger.warn(`administrator rights could not be confirmed with Cognito (${error.code}): request refused`);
      throw new GatewayError(
        'COGNITO_UNAVAILABLE',
        `Administrator rights could not be confirmed with Cognito just now (${error.code}); nothing was run. Try again shortly.`,
        { cause: error, details: { recheckFailedWith: error.code } },
      );
    }
  }
}

function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
