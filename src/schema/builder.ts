import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DirectivePlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { refusal } from '../auth/refusal';
import { GatewayError, invalidInput } from '../domain/gateway-error';
import type { GatewayContext } from '../resolvers/context';
import { InvalidInputError, toGraphQLError } from './error-mapping';

/** The only SchemaBuilder: every type file adds to it. */
export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  AuthScopes: {
    /** Trusted to run operations with the gateway's own AWS credentials. */
    admin: boolean;
    /** Presented a verified access token: self-service, with that token. */
    signedIn: boolean;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
  };
}>({
  // Scope checks first, so that a refused field runs no other plugin and makes no Cognito call;
  // federation last, after the plugins that wrap resolvers.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, DirectivePlugin, RelayPlugin, ComplexityPlugin, FederationPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({ admin: ctx.caller.admin, signedIn: ctx.caller.kind === 'user' }),
    unauthorizedError: (_parent, ctx) => refusal(ctx.caller),
  },
  errors: {
    // Every mutation reports invalid input as a typed result naming the field.
    defaultTypes: [InvalidInputError],
    directResult: true,
    defaultUnionOptions: { name: ({ fieldName }) => `${upperFirst(fieldName)}Result` },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // `first` already multiplies a connection's cost; its edges list must not multiply it again.
    edgesFieldOptions: { nullable: false, complexity: { field: 1, multiplier: 1 } },
    nodeFieldOptions: { nullable: false },
    // Relay's node and nodes, for administrators (every node type is theirs), refused before any
    // call. They are served, but left out of the subgraph SDL (index.ts): in a supergraph that root
    // field is the router's (global object identification), and two subgraphs defining it would
    // not compose.
    nodeQueryOptions: {
      authScopes: { admin: true },
      description: 'A node of the graph by its global `id`; null when there is none.',
      resolve: (_root, args, _ctx, info, resolveNode) => {
        checkNodeIds(info.schema, [args.id], 'id');
        return resolveNode(args.id);
      },
    },
    nodesQueryOptions: {
      authScopes: { admin: true },
      description: 'Nodes by their global ids, in the order asked; null for an id that names nothing.',
      resolve: (_root, args, _ctx, info, resolveNodes) => {
        checkNodeIds(info.schema, args.ids, 'ids');
        return resolveNodes(args.ids);
      },
      complexity: (args) => ({ field: 1, multiplier: Math.max(1, (args['ids'] as unknown[] | undefined)?.length ?? 1) }),
    },
    // Other Relay subgraphs define PageInfo too; the supergraph needs one.
    pageInfoTypeOptions: { shareable: true },
    // A connection costs what it may return: `first` times its selection.
    defaultConnectionFieldOptions: { complexity: (args) => ({ field: 1, multiplier: Math.max(1, Number(args['first'] ?? 20)) }) },
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    complexityError: (kind, result) =>
      toGraphQLError(
        new GatewayError(
          'QUERY_TOO_COMPLEX',
          `Query complexity ${result.complexity} is over the limit of ${result.maxComplexity}; ask for fewer items.`,
          {
            details: { kind },
          },
        ),
      ),
    limit: (ctx) => ctx.limits,
  },
});

/** A global id may name only a type of the schema that implements Node: read off the schema, not listed by hand. */
function checkNodeIds(schema: GraphQLSchema, ids: readonly { typename: string }[], field: string): void {
  ids.forEach((id, index) => {
    const type = schema.getType(id.typename);
    if (isObjectType(type) && type.getInterfaces().some((face) => face.name === 'Node')) return;
    throw invalidInput(field === 'id' ? field : `${field}[${index}]`, `names no node type of this graph (${id.typename})`);
  });
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

builder.addScalarType('DateTime', DateTimeResolver);
// WebAuthn's documents (credential creation options, the browser's credential) pass through as JSON objects.
builder.addScalarType('JSONObject', JSONObjectResolver);

builder.queryType({ description: 'Reads of Cognito user pools and what they hold.' });
builder.mutationType({ description: 'Write operations of the Cognito user pools API, each named after its operation (the README lists which are served).' });

/** The builder's resolved types, for helpers that build fields outside a `fields` callback. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;
