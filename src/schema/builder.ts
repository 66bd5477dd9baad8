import SchemaBuilder from '@pothos/core';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import { DateTimeResolver } from 'graphql-scalars';
import type { GatewayContext } from '../context';
import { inputError } from '../errors';

const nodeTypeNames = new Set(['UserPool', 'Client', 'User', 'Group']);

/** The only SchemaBuilder: every type file adds to it. */
export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
  };
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    decodeGlobalID: decodeNodeId,
  },
});

/** Global IDs of the graph's node types only; anything else is bad input, said as such. */
function decodeNodeId(globalId: string): { typename: string; id: string } {
  let decoded: { typename: string; id: string } | undefined;
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    // reported below
  }
  if (!decoded || !nodeTypeNames.has(decoded.typename)) {
    throw inputError('id', `"${globalId.slice(0, 100)}" is not the id of a UserPool, Client, User or Group`);
  }
  return decoded;
}

builder.addScalarType('DateTime', DateTimeResolver);

builder.queryType({
  description: 'Reads of Cognito user pools and what they hold.',
});
