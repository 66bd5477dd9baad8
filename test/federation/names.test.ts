import { composeServices as composeWithApollo } from '@apollo/composition';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printGatewaySchema } from '../../src/schema';
import { accountsTypeDefs } from './accounts-subgraph';
import { ordersTypeDefs } from './orders-subgraph';

/**
 * The gateway's names compose beside subgraphs that have their own `Error`, `Node`, `PageInfo`
 * and `Viewer` (README, "Names in a supergraph"), by both compositions routers use.
 */
const services = [
  { name: 'cognito', typeDefs: parse(printGatewaySchema()), url: 'http://cognito.subgraph/graphql' },
  { name: 'orders', typeDefs: parse(ordersTypeDefs), url: 'http://orders.subgraph/graphql' },
  { name: 'accounts', typeDefs: parse(accountsTypeDefs), url: 'http://accounts.subgraph/graphql' },
];

describe('names that compose', () => {
  it('composes with subgraphs that have their own Error, Node, PageInfo and Viewer (The Guild’s composition)', () => {
    const composed = composeServices(services);
    expect(composed.errors ?? []).toEqual([]);
    const supergraph = composed.supergraphSdl ?? '';
    expect(supergraph).toMatch(/^interface CognitoError/m);
    expect(supergraph).toMatch(/^interface Error/m);
    expect(supergraph).toMatch(/^type CognitoViewer/m);
    expect(supergraph).toMatch(/^type Viewer/m);
  });

  it('composes by Apollo’s composition too', () => {
    const composed = composeWithApollo(services);
    expect(composed.errors?.map((error) => error.message) ?? []).toEqual([]);
  });

  it('would not compose under the plain names the gateway used to have (the test can tell)', () => {
    const plain = printGatewaySchema()
      .replace(/\bCognitoError\b/g, 'Error')
      .replace(/\bCognitoViewer\b/g, 'Viewer');
    const composed = composeServices([{ ...services[0]!, typeDefs: parse(plain) }, services[2]!]);
    expect(composed.errors?.length ?? 0).toBeGreaterThan(0);
  });
});
