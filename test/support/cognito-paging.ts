import { randomUUID } from 'node:crypto';
import { listOperations } from '../../src/cognito/list-operations';

export interface PagedReply {
  status: number;
  body: Buffer;
}

/** What to do with one request: answer it here, or pass it on and page the backend's answer. */
export type PagingDecision = { kind: 'answer'; reply: PagedReply } | { kind: 'forward'; page: (reply: PagedReply) => PagedReply };

interface Remainder {
  /** The first answer without its items: what every later page repeats. */
  rest: Record<string, unknown>;
  items: unknown[];
}

/** Tokens kept at most; the oldest are dropped first, as an expired token would be. */
const MAX_REMAINDERS = 1_000;

/**
 * Pages list answers the way Cognito does, for a backend that answers whole lists (cognito-local
 * ignores page sizes and tokens): at most the requested page size (up to the documented maximum)
 * per answer, with a token for the rest. Later pages are cut from the first answer, like a
 * snapshot, and a token may be used again; an unknown token or a page size above the maximum gets Cognito's
 * InvalidParameterException.
 */
export class CognitoPaging {
  private readonly remainders = new Map<string, Remainder>();

  decide(operation: string, requestBody: Buffer): PagingDecision {
    const spec = (listOperations as Record<string, (typeof listOperations)[keyof typeof listOperations] | undefined>)[operation];
    if (!spec) return { kind: 'forward', page: (reply) => reply };
    const request = JSON.parse(requestBody.toString('utf8') || '{}') as Record<string, unknown>;
    const size = request[spec.pageSize] ?? spec.maxPageSize;
    if (typeof size !== 'number' || size < 1 || size > spec.maxPageSize) {
      return invalid(`1 validation error detected: Value '${String(size)}' at '${spec.pageSize}' failed to satisfy constraint`);
    }
    const token = request[spec.token];
    if (typeof token === 'string') {
      const remainder = this.remainders.get(token);
      if (!remainder) return invalid('Invalid pagination token');
      return { kind: 'answer', reply: this.cut(spec, remainder, size) };
    }
    return {
      kind: 'forward',
      page: (reply) => {
        if (reply.status !== 200) return reply;
        const { [spec.items]: items, ...rest } = JSON.parse(reply.body.toString('utf8')) as Record<string, unknown>;
        delete rest[spec.token];
        return this.cut(spec, { rest, items: Array.isArray(items) ? items : [] }, size);
      },
    };
  }

  private cut(spec: { items: string; token: string }, remainder: Remainder, size: number): PagedReply {
    const page = remainder.items.slice(0, size);
    const left = remainder.items.slice(size);
    const answer: Record<string, unknown> = { ...remainder.rest, [spec.items]: page };
    if (left.length > 0) {
      const token = randomUUID();
      this.remainders.set(token, { rest: remainder.rest, items: left });
      if (this.remainders.size > MAX_REMAINDERS) this.remainders.delete(this.remainders.keys().next().value!);
      answer[spec.token] = token;
    }
    return { status: 200, body: Buffer.from(JSON.stringify(answer)) };
  }
}

function invalid(message: string): PagingDecision {
  return {
    kind: 'answer',
    reply: { status: 400, body: Buffer.from(JSON.stringify({ __type: 'InvalidParameterException', message })) },
  };
}
