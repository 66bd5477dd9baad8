import pLimit from 'p-limit';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context';
import { inputError } from '../errors';
import { changeMembership } from './groups';
import { plainUserWrite } from './users';
import { checkIdentifier } from './validate';

/** Cognito has no batch writes: a bulk mutation is one call per user, a few at a time. */
export const BULK_CONCURRENCY = 4;
export const BULK_MAX_ITEMS = 100;

export interface BulkItemResult {
  username: string;
  succeeded: boolean;
  error: { code: string; message: string } | null;
}

export interface BulkResult {
  results: BulkItemResult[];
  succeeded: number;
  failed: number;
}

/**
 * Runs `write` for every username with bounded concurrency and reports every item: a failure is
 * recorded against its user, never dropped, and never stops the others. Expected Cognito answers
 * keep their code; anything unexpected is logged and reported masked.
 */
async function forEachUser(
  ctx: GatewayContext,
  usernames: readonly string[],
  write: (username: string) => Promise<unknown>,
): Promise<BulkResult> {
  if (usernames.length === 0) throw inputError('input.usernames', 'must name at least one user');
  if (usernames.length > BULK_MAX_ITEMS) throw inputError('input.usernames', `may name at most ${BULK_MAX_ITEMS} users`);
  const seen = new Set<string>();
  usernames.forEach((username, index) => {
    checkIdentifier('username', username, `input.usernames[${index}]`);
    if (seen.has(username)) throw inputError(`input.usernames[${index}]`, `${username} is named twice`);
    seen.add(username);
  });
  const limit = pLimit(BULK_CONCURRENCY);
  const results = await Promise.all(
    usernames.map((username) =>
      limit(async (): Promise<BulkItemResult> => {
        try {
          await write(username);
          return { username, succeeded: true, error: null };
        } catch (error) {
          return { username, succeeded: false, error: itemError(ctx, error) };
        }
      }),
    ),
  );
  const succeeded = results.filter((result) => result.succeeded).length;
  return { results, succeeded, failed: results.length - succeeded };
}

function itemError(ctx: GatewayContext, error: unknown): { code: string; message: string } {
  const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
  if (typeof code === 'string') return { code, message: (error as GraphQLError).message };
  ctx.logger.error('unexpected error in a bulk item (masked for the client):', error);
  return { code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected error.' };
}

interface BulkGroupInput {
  userPoolId: string;
  groupName: string;
  usernames: string[];
}

function checkGroupTarget(input: BulkGroupInput) {
  checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  checkIdentifier('groupName', input.groupName, 'input.groupName');
}

export function addUsersToGroup(ctx: GatewayContext, input: BulkGroupInput) {
  checkGroupTarget(input);
  return forEachUser(ctx, input.usernames, (username) => changeMembership(ctx, 'AdminAddUserToGroup', { ...input, username }));
}

export function removeUsersFromGroup(ctx: GatewayContext, input: BulkGroupInput) {
  checkGroupTarget(input);
  return forEachUser(ctx, input.usernames, (username) => changeMembership(ctx, 'AdminRemoveUserFromGroup', { ...input, username }));
}

export function setUsersEnabled(ctx: GatewayContext, input: { userPoolId: string; usernames: string[] }, enabled: boolean) {
  checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const operation = enabled ? 'AdminEnableUser' : 'AdminDisableUser';
  return forEachUser(ctx, input.usernames, (username) => plainUserWrite(ctx, operation, { userPoolId: input.userPoolId, username }));
}
