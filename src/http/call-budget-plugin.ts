import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { GatewayError } from '../domain/gateway-error';
import { estimateCognitoCalls } from '../schema/call-cost';
import { toGraphQLError } from '../schema/error-mapping';

/**
 * Refuses, before any Cognito call, an HTTP request whose operations together may make more
 * Cognito calls than `limit` (MAX_CALLS_PER_REQUEST): the estimate of src/schema/call-cost.ts,
 * summed over every operation of a batch, since a batch is one request of one caller. The same
 * limit is enforced again at run time on the calls really made (src/cognito/call-budget.ts).
 * A document that does not parse or fit the schema is left to the GraphQL server to refuse.
 */
export function useCallBudget(schema: GraphQLSchema, limit: number, maxTokens: number): Plugin {
  return {
    onRequestParse() {
      return {
        onRequestParseDone({ requestParserResult }) {
          const operations = Array.isArray(requestParserResult) ? requestParserResult : [requestParserResult];
          const estimates = operations.map(({ query, variables, operationName }) => {
            const document = parsed(query, maxTokens);
            return document ? (estimateCognitoCalls(schema, document, variables, operationName) ?? 0) : 0;
          });
          const total = estimates.reduce((sum, calls) => sum + calls, 0);
          if (total <= limit) return;
          const each = operations.length > 1 ? ` (${estimates.join(' + ')} over its ${operations.length} operations)` : '';
          throw toGraphQLError(
            new GatewayError(
              'CALL_BUDGET_EXCEEDED',
              `This request may make ${total} Cognito calls${each}, over the ${limit} MAX_CALLS_PER_REQUEST allows; nothing was sent. Ask for fewer items, or fewer fields that need a call per item (mfa, a listed user's groups or devices, a listed pool's or client's descriptions).`,
              { details: { estimatedCalls: total, limit } },
            ),
          );
        },
      };
    },
  };
}

/** The document, parsed as the GraphQL server will (no more tokens than MAX_TOKENS), or undefined for it to refuse. */
function parsed(query: string | undefined, maxTokens: number): DocumentNode | undefined {
  if (!query) return undefined;
  try {
    return parse(query, { maxTokens });
  } catch {
    return undefined;
  }
}
