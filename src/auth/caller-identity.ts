import { createHash } from 'node:crypto';
import { SERVICE_KEY_HEADER, type Caller } from './caller';

/**
 * Who a request's Cognito calls are counted against, for the per-caller limits and the pacer's
 * fair queuing: a signed-in user (administrator or not) by its token's `sub`, a machine caller by
 * an id derived from its service key (never the key itself: the id may appear in logs and
 * metrics), anybody else by client address.
 */
export interface CallerIdentity {
  /** `sub:<sub>`, `key:<16 hex digits of the key's SHA-256>` or `address:<client address>`. */
  key: string;
  /**
   * Which per-caller limit applies: administrators', the far lower self-service one, or none here
   * for anonymous callers, whose only calls are public flows, limited per address by
   * PUBLIC_FLOW_RATE_LIMIT already.
   */
  limit: 'admin' | 'selfService' | 'publicFlows';
}

export function callerIdentity(caller: Caller, clientAddress: string, headers?: Headers): CallerIdentity {
  const limit = caller.admin ? 'admin' : caller.kind === 'user' ? 'selfService' : 'publicFlows';
  switch (caller.kind) {
    case 'user':
      return { key: `sub:${caller.claims.sub}`, limit };
    case 'service':
      return { key: `key:${serviceKeyId(headers?.get(SERVICE_KEY_HEADER) ?? '')}`, limit };
    default:
      return { key: `address:${clientAddress}`, limit };
  }
}

/** Tells keys apart without revealing them: 64 bits of the key's digest. */
function serviceKeyId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}
