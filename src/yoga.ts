import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, maskError, useExecutionCancellation, type YogaServerInstance } from 'graphql-yoga';
import { useCallLog } from './call-log-plugin';
import { CursorCodec } from './cognito/cursor';
import type { PagingOptions } from './cognito/connection';
import { DEFAULT_CURSOR_SECRET } from './config';
import { createContext, type GatewayContext } from './context';
import { graphiqlTabs } from './graphiql-tabs';
import { silentLogger, type Logger } from './logger';
import { schema } from './schema';

export interface GatewayOptions {
  client: CognitoIdentityProviderClient;
  logger?: Logger;
  /** Adds each request's Cognito call log to the response `extensions`. */
  debug?: boolean;
  maxConnectionSize?: number;
  cursorSecret?: string;
  /** The pool GraphiQL's example tab starts with (the demo pool in embedded mode). */
  exampleUserPoolId?: string;
}

export type Gateway = YogaServerInstance<Record<string, unknown>, GatewayContext>;

export const DEFAULT_CONNECTION_SIZE = 20;
/** Page fetches one connection field may make; see PagingOptions.maxPagesPerField. */
const MAX_PAGES_PER_FIELD = 100;

/** The GraphQL server, without listening: main.ts serves it over HTTP, tests call `fetch`. */
export function createGateway(options: GatewayOptions): Gateway {
  const logger = options.logger ?? silentLogger;
  const paging: PagingOptions = {
    codec: new CursorCodec(options.cursorSecret ?? DEFAULT_CURSOR_SECRET),
    maxSize: options.maxConnectionSize ?? 1000,
    defaultSize: DEFAULT_CONNECTION_SIZE,
    maxPagesPerField: MAX_PAGES_PER_FIELD,
  };
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    logging: logger,
    context: ({ request }) => createContext({ client: options.client, paging, logger }, request.signal),
    graphiql: { title: 'cognito-graphql-gateway', defaultTabs: graphiqlTabs(options.exampleUserPoolId) },
    // GraphiQL served from the package itself, not a CDN: it works offline and on closed networks.
    renderGraphiQL,
    maskedErrors: {
      maskError(error, message, isDev) {
        const masked = maskError(error, message, isDev);
        if (masked !== error) logger.error('unexpected error (masked for the client):', error);
        return masked;
      },
    },
    plugins: [useExecutionCancellation(), useCallLog({ exposeInResponse: options.debug ?? false, logger })],
  });
}
