import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { refusal } from '../auth/refusal';
import { invalidInput } from '../domain/gateway-error';
import type { GatewayContext } from '../resolvers/context';

/**
 * The federation plugin adds `_service` and `_entities`; their guards wrap the resolvers it made.
 * `_service` answers `sdl()`: the plugin prints its SDL before the schema is finished (see
 * forward-connections.ts), and a router must compose what the gateway really serves.
 */
export function guardFederationFields(schema: GraphQLSchema, sdl: () => string): GraphQLSchema {
  guard(schema, '_service', guardServiceSdl, () => ({ sdl: sdl() }));
  guard(schema, '_entities', limitRepresentations);
  return schema;
}

type Guard = (args: Record<string, unknown>, ctx: GatewayContext) => void;

function guard(schema: GraphQLSchema, name: string, check: Guard, answer?: GraphQLFieldResolver<unknown, GatewayContext>): void {
  const field = schema.getQueryType()?.getFields()[name];
  if (!field) return;
  const resolve: GraphQLFieldResolver<unknown, GatewayContext> = answer ?? field.resolve ?? defaultFieldResolver;
  field.resolve = (parent, args, ctx: GatewayContext, info) => {
    check(args, ctx);
    return resolve(parent, args, ctx, info);
  };
}

/**
 * `_service { sdl }` is introspection by another name: where introspection is off, only an
 * administrator (a router holding a service key, say) may read the SDL.
 */
const guardServiceSdl: Guard = (_args, ctx) => {
  if (!ctx.introspection && !ctx.caller.admin) throw refusal(ctx.caller);
};

/** One representation costs up to one lookup: as many as a connection may return, no more. */
const limitRepresentations: Guard = (args, ctx) => {
  const representations = args['representations'];
  if (Array.isArray(representations) && representations.length > ctx.paging.maxSize) {
    throw invalidInput('representations', `${representations.length} entities in one fetch is above the limit of ${ctx.paging.maxSize}`);
  }
};
