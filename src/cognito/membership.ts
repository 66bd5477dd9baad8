import type { CognitoCall } from './call';
import { listConnection, type PagingOptions } from './connection';
import { groupFromCognito, type GroupRecord } from './records';

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
): Promise<MembershipIndex | undefined> {
  let calls = 0;
  const counted: CognitoCall = (operation, input, options) => {
    calls += 1;
    if (calls > budget) throw new MembershipBudgetExceeded();
    return call(operation, input, options);
  };
  try {
    const groups = await listConnection(counted, paging, 'ListGroups', { UserPoolId: userPoolId }, { first: paging.maxSize });
    if (groups.pageInfo.hasNextPage || calls + groups.edges.length > budget) return undefined;
    const index: MembershipIndex = new Map();
    await Promise.all(
      groups.edges.map(async ({ node }) => {
        const group = groupFromCognito(node, userPoolId);
        const members = await listConnection(
          counted,
          paging,
          'ListUsersInGroup',
          { UserPoolId: userPoolId, GroupName: group.name },
          { first: paging.maxSize },
        );
        if (members.pageInfo.hasNextPage) throw new MembershipBudgetExceeded();
        for (const { node: member } of members.edges) {
          const username = member.Username ?? '';
          index.set(username, [...(index.get(username) ?? []), group]);
        }
      }),
    );
    // Each user's groups in the order ListGroups gave them, whatever order the member lists came in.
    const order = new Map(groups.edges.map(({ node }, position) => [node.GroupName, position]));
    for (const list of index.values()) list.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
    return index;
  } catch (error) {
    if (error instanceof MembershipBudgetExceeded) return undefined;
    throw error;
  }
}
