import { SpanKind, SpanStatusCode, type Span, type Tracer } from '@opentelemetry/api';
import { getOperationAST, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { CallObserver } from '../cognito/call-observer';
import { currentRequestId } from './request-context';

/** The span attribute carrying the request's id (X-Request-Id), as its log lines carry `requestId`. */
export const REQUEST_ID_ATTRIBUTE = 'http.request.header.x-request-id';

/**
 * OpenTelemetry spans: one per GraphQL operation executed (`graphql.query`, `graphql.mutation`),
 * made the active span while it runs, so that each Cognito call it makes (`cognito.<Operation>`,
 * one span for all the call's attempts) is its child. Attributes are the operation's type and name,
 * the Cognito operation, error codes and the request id: never the document, variables, results,
 * users, tokens or pools (a document may carry a password inline; variables do).
 *
 * Hand-written over the OpenTelemetry API rather than @envelop/opentelemetry, which puts the
 * document in its spans by default, links children only through per-resolver spans, and pulls in
 * the 1.x SDK beside the 2.x one used here.
 */
export class GatewayTracing {
  constructor(private readonly tracer: Tracer) {}

  yogaPlugin(): Plugin {
    const tracer = this.tracer;
    return {
      onExecute({ args, executeFn, setExecuteFn }) {
        const operation = getOperationAST(args.document, args.operationName);
        const type = operation?.operation ?? 'unknown';
        const attributes = {
          'graphql.operation.type': type,
          ...(operation?.name ? { 'graphql.operation.name': operation.name.value } : {}),
          ...requestIdAttribute(),
        };
        setExecuteFn((executeArgs) =>
          tracer.startActiveSpan(`graphql.${type}`, { kind: SpanKind.SERVER, attributes }, async (span) => {
            try {
              const result = await executeFn(executeArgs);
              const errors = Symbol.asyncIterator in result ? undefined : (result.errors as readonly GraphQLError[] | undefined);
              if (errors?.length) {
                const codes = [...new Set(errors.map((error) => String(error.extensions?.['code'] ?? 'UNKNOWN')))];
                span.setAttribute('graphql.error.codes', codes);
              }
              return result;
            } catch (error) {
              failed(span, error);
              throw error;
            } finally {
              span.end();
            }
          }),
        );
      },
    };
  }

  readonly callObserver: CallObserver = {
    attempted() {},
    paced() {},
    around: (operation, run) =>
      this.tracer.startActiveSpan(
        `cognito.${operation}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'rpc.system': 'aws-api',
            'rpc.service': 'CognitoIdentityProvider',
            'rpc.method': operation,
            ...requestIdAttribute(),
          },
        },
        async (span) => {
          try {
            return await run();
          } catch (error) {
            failed(span, error);
            throw error;
          } finally {
            span.end();
          }
        },
      ),
  };
}

function requestIdAttribute(): Record<string, string> {
  const requestId = currentRequestId();
  return requestId ? { [REQUEST_ID_ATTRIBUTE]: requestId } : {};
}

/** The error's code only: a message may quote input. */
function failed(span: Span, error: unknown): void {
  const code = (error as { code?: unknown }).code;
  span.setAttribute('error.type', typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown');
  span.setStatus({ code: SpanStatusCode.ERROR });
}

/** Both observers see every call: metrics count the attempts, tracing wraps the call. */
export function observeWith(first: CallObserver, second: CallObserver): CallObserver {
  return {
    attempted: (...args) => {
      first.attempted(...args);
      second.attempted(...args);
    },
    paced: (...args) => {
      first.paced(...args);
      second.paced(...args);
    },
    around: (operation, run) => first.around(operation, () => second.around(operation, run)),
  };
}
