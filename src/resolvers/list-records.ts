import { listConnection, mapConnection } from '../cognito/connection';
import type { ListInput, ListItem, ListOperationName } from '../cognito/list-operations';
import type { Loaders } from '../cognito/loaders';
import { forRelay, type ConnectionArgs, type RelayConnection } from '../domain/connection';
import type { GatewayContext } from './context';

/**
 * A connection over a Cognito list, its items turned into records; `prime` hands the records to
 * the request's loaders, so a later lookup of the same thing in this request costs no call. Read
 * once per request for the same arguments, however often it is asked for.
 */
export async function listRecords<Name extends ListOperationName, Record>(
  ctx: GatewayContext,
  operation: Name,
  input: ListInput<Name>,
  args: ConnectionArgs,
  toRecord: (item: ListItem<Name>) => Record,
  prime?: (loaders: Loaders, records: readonly Record[]) => void,
): Promise<RelayConnection<Record>> {
  const key = JSON.stringify([operation, input, args.first ?? null, args.after ?? null, args.last ?? null, args.before ?? null]);
  const read = async () => {
    const connection = mapConnection(await listConnection(ctx.call, ctx.paging, operation, input, args), toRecord);
    prime?.(
      ctx.loaders,
      connection.edges.map((edge) => edge.node),
    );
    return forRelay(connection);
  };
  // One operation is listed from one place, so its key names one kind of record.
  return (await ctx.loaders.connections.load({ key, read })) as RelayConnection<Record>;
}
