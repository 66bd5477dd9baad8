import pLimit from 'p-limit';
import { GatewayError, invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { GatewayContext } from './context';
import { adminAddUserToGroup, adminRemoveUserFromGroup } from './groups';
import { adminDisableUser, adminEnableUser } from './users';

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
  if (usernames.length === 0) throw invalidInput('input.usernames', 'must name at least one user');
  if (usernames.length > BULK_MAX_ITEMS) throw invalidInput('input.usernames', `may name at most ${BULK_MAX_ITEMS} users`);
  const seen = new Set<string>();
  usernames.forEach((username, index) => {
    checkIdentifier('username', username, `input.usernames[${index}]`);
    if (seen.has(username)) throw invalidInput(`input.usernames[${index}]`, `${username} is named twice`);
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
  if (error instanceof GatewayError) return { code: error.code, message: error.message };
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
  return forEachUser(ctx, input.usernames, (username) => adminAddUserToGroup(ctx, { ...input, username }));
}

export function removeUsersFromGroup(ctx: GatewayContext, input: BulkGroupInput) {
  checkGroupTarget(input);
  return forEachUser(ctx, input.usernames, (username) => adminRemoveUserFromGroup(ctx, { ...input, username }));
}

interface BulkUsersInput {
  userPoolId: string;
  usernames: string[];
}

export function enableUsers(ctx: GatewayContext, input: BulkUsersInput) {
  checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  return forEachUser(ctx, input.usernames, (username) => adminEnableUser(ctx, { userPoolId: input.userPoolId, username }));
}

export function disableUsers(ctx: GatewayContext, input: BulkUsersInput) {
  checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  return forEachUser(ctx, input.usernames, (username) => adminDisableUser(ctx, { userPoolId: input.userPoolId, username }));
}
