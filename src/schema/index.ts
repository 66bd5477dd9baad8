import { printSubgraphSchema } from '@apollo/subgraph';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder';
import { guardFederationFields } from './federation-guards';
import { forwardOnlyConnections } from './forward-connections';
import { clientView, routerView } from './schema-views';
import './user-pool';
import './client';
import './user';
import './group';
import './viewer';
import './auth';
import './device';
import './session';
import './passkeys';
import './tokens';
import './import-job';
import './user-mutations';
import './group-mutations';
import './pool-mutations';
import './client-mutations';
import './mfa';
import './entities';
// Sign-in risk and linked identities (issue 16)
import './auth-event';
import './risk-configuration';
import './provider-links';
// Branding and terms (issue 17)
import './terms';
import './managed-login-branding';
import './ui-customization';
// Log delivery, replicas, signing certificate and provisioned limits (issue 17)
import './log-delivery';
import './replica';
import './signing-certificate';
import './provisioned-limit';
// Client secrets, session configuration and tags (issue 17)
import './client-secrets';
import './session-configuration';
import './tags';
// Domains, identity providers and resource servers (issue 17)
import './user-pool-domain';
import './identity-provider';
import './resource-server';

/** An Apollo Federation v2 subgraph: `_service { sdl }` and `_entities` come with it. */
export const schema: GraphQLSchema = guardFederationFields(
  forwardOnlyConnections(
    builder.toSubGraphSchema({
      linkUrl: 'https://specs.apollo.dev/federation/v2.6',
      federationDirectives: ['@key', '@shareable'],
    }),
  ),
  () => (subgraphSdl ??= printGatewaySchema()),
);

let subgraphSdl: string | undefined;

/**
 * The subgraph SDL (with its federation directives), committed as schema.graphql and what a
 * router composes; sorted so that moving code around changes nothing.
 */
export function printGatewaySchema(): string {
  return `${printSubgraphSchema(lexicographicSortSchema(routerView(schema))).trim()}\n`;
}

/** The schema a frontend generates code from, committed as schema.client.graphql (see schema-views.ts). */
export function printClientSchema(): string {
  return `${printSchema(lexicographicSortSchema(clientView(schema))).trim()}\n`;
}
