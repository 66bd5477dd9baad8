import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder';
import './user-pool';
import './client';
import './user';
import './group';
import './viewer';
import './auth';
import './device';
import './import-job';
import './user-mutations';
import './group-mutations';
import './pool-mutations';
import './client-mutations';

export const schema: GraphQLSchema = builder.toSchema();

/** The SDL committed as schema.graphql; sorted so that moving code around changes nothing. */
export function printGatewaySchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
