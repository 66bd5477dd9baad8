import type { CognitoCall } from './call';
import { listConnection, type PagingOptions } from './connection';
import type { UserKey } from '../domain/keys';
import type { GroupRecord } from '../domain/records';
import { parseGroup, parseUser } from './parse';

/** A pool's groups, if they fit one page (the pool-wide way is for pools with few groups). */
export interface PoolGroups {
  groups: GroupRecord[];
  complete: boolean;
  /** ListGroups calls it took. */
  calls: number;
}

/** `call`, running `before` ahead of every call (to count calls, or to refuse one over a budget). */
function beforeEachCall(call: CognitoCall, before: () => void): CognitoCall {
  return (operation, input, options) => {
    before();
    return call(operation, input, options);
  };
}

/** Most groups a pool may have for its members to be read pool-wide: one ListGroups page. */
export const MAX_GROUPS_FOR_MEMBERSHIP_INDEX = 59;

export async function readPoolGroups(call: CognitoCall, paging: PagingOptions, userPoolId: string): Promise<PoolGroups> {
  let calls = 0;
  const counted = beforeEachCall(call, () => (calls += 1));
  const page = await listConnection(counted, paging, 'ListGroups', { UserPoolId: userPoolId }, { first: MAX_GROUPS_FOR_MEMBERSHIP_INDEX });
  return { groups: page.edges.map((edge) => parseGroup(userPoolId, edge.node)), complete: !(await page.pageInfo.hasNextPage), calls };
}

/**
 * Fewer calls for "many users with their groups": instead of one AdminListGroupsForUser per user,
 * read the pool's groups (ListGroups) and each group's members (ListUsersInGroup) and invert that.
 * It pays when the pool has few groups of moderate size; it is abandoned, and the per-user way
 * used, as soon as it would cost as many calls as the per-user way (`budget`). Cognito says
 * nothing of group sizes up front, so that bound is what keeps the worst case at twice the calls.
 */
export class MembershipBudgetExceeded extends Error {}

export type MembershipIndex = Map<string, GroupRecord[]>;

export async function membershipIndex(
  call: CognitoCall,
  paging: PagingOptions,
  userPoolId: string,
  budget: number,
  poolGroups: PoolGroups,
): Promise<MembershipIndex | undefined> {
  let calls = poolGroups.calls;
  if (!poolGroups.complete || calls + poolGroups.groups.length > budget) return undefined;
  const counted = beforeEachCall(call, () => {
    calls += 1;
    if (calls > budget) throw new MembershipBudgetExceeded();
  });
  try {
    const index: MembershipIndex = new Map();
    await Promise.all(
      poolGroups.groups.map(async (group) => {
        const members = await listConnection(
          counted,
          paging,
          'ListUsersInGroup',
          { UserPoolId: userPoolId, GroupName: group.name },
          { first: paging.maxSize },
        );
        if (await members.pageInfo.hasNextPage) throw new MembershipBudgetExceeded();
        for (const { node: member } of members.edges) {
          const { username } = parseUser(userPoolId, member);
          index.set(username, [...(index.get(username) ?? []), group]);
        }
      }),
    );
    for (const list of index.values()) list.sort(byGroupName);
    return index;
  } catch {
    // Over the budget, or a call failed (throttled past the deadline, say): the users' groups are
    // read one user at a time instead, and whatever fails there fails for that user alone.
    return undefined;
  }
}

/**
 * A user's groups are given in one order whichever way they are read: by group name, in Unicode
 * code point order (neither ListGroups nor AdminListGroupsForUser documents an order of its own).
 */
export function byGroupName(a: GroupRecord, b: GroupRecord): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** One user's groups, all of them (a user is in at most 100), in group-name order. */
export async function readGroupsOfUser(call: CognitoCall, paging: PagingOptions, user: UserKey): Promise<GroupRecord[]> {
  const input = { UserPoolId: user.userPoolId, Username: user.username };
  const page = await listConnection(call, paging, 'AdminListGroupsForUser', input, { first: paging.maxSize });
  return page.edges.map((edge) => parseGroup(user.userPoolId, edge.node)).sort(byGroupName);
}
