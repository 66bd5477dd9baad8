import { onTestFinished } from 'vitest';
import { AppClients } from '../../src/auth/app-clients';
import type { Caller } from '../../src/auth/caller';
import { PublicFlowLimiter } from '../../src/auth/rate-limit';
import type { AccessTokenClaims } from '../../src/auth/token-verifier';
import type { CognitoCall } from '../../src/cognito/call';
import { CallLog } from '../../src/cognito/call-log';
import type { InputOf, OperationName, OutputOf } from '../../src/cognito/commands';
import type { PagingOptions } from '../../src/cognito/connection';
import { CursorCodec } from '../../src/cognito/cursor';
import { DescriptionCache } from '../../src/cognito/description-cache';
import { exceptionName, fromCognitoException } from '../../src/cognito/errors';
import { listOperations, type ListItem, type ListOperationName } from '../../src/cognito/list-operations';
import { createLoaders, type Loaders } from '../../src/cognito/loaders';
import { GatewayError } from '../../src/domain/gateway-error';
import { silentLogger } from '../../src/domain/logger';
import type { GatewayContext } from '../../src/resolvers/context';
import { UserExistencePrevention } from '../../src/resolvers/user-existence';

/**
 * Cognito's answers for one test, by operation, typed with the SDK's own shapes: a scripted
 * answer the real API could not give does not compile.
 */
export type Script = { [Name in OperationName]?: (input: InputOf<Name>) => OutputOf<Name> | Promise<OutputOf<Name>> };

export interface RecordedCall {
  operation: OperationName;
  input: unknown;
}

/**
 * A mistake of the test's own (an unscripted operation, a page asked for the wrong way). Resolvers
 * may swallow errors (read-ahead does), so these are also collected and fail the test at its end.
 */
export class ScriptError extends Error {
  override readonly name = 'ScriptError';
}

export interface ScriptedOptions {
  caller?: Caller;
  subLookupPools?: readonly string[];
}

export interface Scripted {
  ctx: GatewayContext;
  /** Every call made, in order, with its input as sent. */
  calls: RecordedCall[];
  /** The operations called, in order: for asserting counts at a glance. */
  operations(): OperationName[];
  /** The inputs sent to one operation, in order. */
  inputsOf<Name extends OperationName>(operation: Name): InputOf<Name>[];
}

export const testPaging = (): PagingOptions => ({
  codec: new CursorCodec('test-secret'),
  maxSize: 1000,
  defaultSize: 20,
  maxPagesPerField: 100,
});

export const serviceCaller: Caller = { kind: 'service', admin: true };

/** A signed-in, non-administrator user (Ada, unless told otherwise). */
export function userCaller(claims: Partial<AccessTokenClaims> = {}): Extract<Caller, { kind: 'user' }> {
  return {
    kind: 'user',
    admin: false,
    accessToken: 'token-of-ada',
    claims: { userPoolId: 'eu-west-1_Pool1', sub: 'sub-of-ada', username: 'ada', clientId: 'client1', groups: [], ...claims },
  };
}

/**
 * A real request context whose Cognito is `script`, with the gateway's own loaders over it. Call
 * it inside a test: problems of the script itself are checked when the test finishes.
 */
export function scriptedContext(script: Script, options: ScriptedOptions = {}): Scripted {
  const calls: RecordedCall[] = [];
  const problems: ScriptError[] = [];
  const callLog = new CallLog();
  onTestFinished(() => {
    if (problems.length > 0) throw new Error(`the script went wrong:\n${problems.map((problem) => problem.message).join('\n')}`);
  });

  const call: CognitoCall = async <Name extends OperationName>(operation: Name, input: InputOf<Name>) => {
    calls.push({ operation, input: structuredClone(input) });
    const startedAt = performance.now();
    const answer = script[operation] as ((input: InputOf<Name>) => OutputOf<Name> | Promise<OutputOf<Name>>) | undefined;
    try {
      if (!answer) throw new ScriptError(`${operation} was called but not scripted; input: ${JSON.stringify(input)}`);
      const output = await answer(input);
      callLog.record(operation, startedAt, 'ok');
      return output;
    } catch (error) {
      if (error instanceof ScriptError) {
        problems.push(error);
        throw error;
      }
      callLog.record(operation, startedAt, exceptionName(error) ?? 'UnknownError');
      // What the real call path does with Cognito's exceptions (src/cognito/call.ts).
      throw fromCognitoException(error, operation) ?? error;
    }
  };

  const paging = testPaging();
  const descriptions = new DescriptionCache(0);
  let loaders: Loaders | undefined;
  const ctx: GatewayContext = {
    call,
    callLog,
    caller: options.caller ?? serviceCaller,
    clientAddress: '127.0.0.1',
    paging,
    logger: silentLogger,
    appClients: new AppClients([]),
    publicFlows: new PublicFlowLimiter({ perAddress: 1000, perUsername: 1000 }),
    userExistence: new UserExistencePrevention(true, 'scripted-call'),
    limits: { complexity: 5000, depth: 12, breadth: 100 },
    subLookupPools: options.subLookupPools ?? [],
    introspection: false,
    // Lazy and the same object for the whole request, as createContext makes it.
    get loaders() {
      loaders ??= createLoaders(call, paging, descriptions);
      return loaders;
    },
  };

  return {
    ctx,
    calls,
    operations: () => calls.map((recorded) => recorded.operation),
    inputsOf: <Name extends OperationName>(operation: Name) =>
      calls.filter((recorded) => recorded.operation === operation).map((recorded) => recorded.input as InputOf<Name>),
  };
}

export interface ScriptedPage<Item> {
  items: Item[];
  /** The token Cognito hands out with this page; absent on the last one. */
  next?: string;
}

/**
 * Serves a list as Cognito does: the request's token picks the page, the answer carries the next
 * page's token. Pages are cut for `pageSize` items per request (the gateway asks for the maximum);
 * a request of another size fails the test, since Cognito would then cut its pages differently.
 */
export function pagedList<Name extends ListOperationName>(
  operation: Name,
  pages: ScriptedPage<ListItem<Name>>[],
  pageSize: number = listOperations[operation].maxPageSize,
): (input: InputOf<Name>) => OutputOf<Name> {
  const spec = listOperations[operation];
  const byToken = new Map<string | undefined, ScriptedPage<ListItem<Name>>>();
  pages.forEach((page, index) => byToken.set(index === 0 ? undefined : pages[index - 1]?.next, page));
  return (input) => {
    const request = input as unknown as Record<string, unknown>;
    if (spec.pageSize === null) {
      // Cognito picks the size: a request naming one would be refused as an unknown member.
      const sized = Object.keys(request).filter((member) => /^(Limit|MaxResults)$/.test(member));
      if (sized.length > 0) throw new ScriptError(`${operation} takes no page size, but was sent ${sized.join(', ')}`);
    } else if (request[spec.pageSize] !== pageSize) {
      throw new ScriptError(`${operation} asked for ${spec.pageSize}=${String(request[spec.pageSize])}, scripted for ${pageSize}`);
    }
    const token = request[spec.token] as string | undefined;
    const page = byToken.get(token);
    if (!page) throw new ScriptError(`${operation} asked for ${spec.token}=${String(token)}, which no scripted page follows`);
    return { [spec.items]: page.items, ...(page.next ? { [spec.token]: page.next } : {}) } as OutputOf<Name>;
  };
}

/** The GatewayError a resolver fails with (it fails the test if it succeeds or fails otherwise). */
export async function gatewayErrorOf(run: () => Promise<unknown>): Promise<GatewayError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError, but it succeeded');
}
