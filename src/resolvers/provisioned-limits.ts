import { parseProvisionedLimit } from '../cognito/parse';
import { quotaCategories } from '../cognito/quotas';
import { invalidInput } from '../domain/gateway-error';
import { checkRange } from '../domain/identifiers';
import type { ProvisionedLimitRecord } from '../domain/records';
import type { GatewayContext } from './context';

/**
 * The request-rate categories of the quotas page, with their default rate. UserFederation has no
 * operation of the API (only the federation endpoints count toward it), so the pacer has no
 * bucket for it, but its rate is a provisioned limit like the others.
 */
export const rateCategories = {
  ...Object.fromEntries(Object.entries(quotaCategories).map(([name, { requestsPerSecond }]) => [name, requestsPerSecond])),
  UserFederation: 25,
} as Readonly<Record<RateCategory, number>>;

export type RateCategory = keyof typeof quotaCategories | 'UserFederation';

/** The categories the quotas page says can be raised; the others have a fixed rate. */
export const adjustableCategories: ReadonlySet<RateCategory> = new Set<RateCategory>([
  'UserAuthentication',
  'UserCreation',
  'UserFederation',
  'UserRead',
  'UserResourceRead',
  'UserToken',
]);

/** The most UpdateProvisionedLimit's RequestedLimitValue takes (an Integer): a bound, not the account's maximum. */
const MAX_REQUESTED_LIMIT = 2_147_483_647;

/** Provisioned limits are the account's, per Region: not any one pool's. */
function limitDefinition(category: RateCategory) {
  return { LimitClass: 'API_CATEGORY' as const, Attributes: { Category: category } };
}

export async function getProvisionedLimit(ctx: GatewayContext, category: RateCategory): Promise<ProvisionedLimitRecord> {
  const output = await ctx.call('GetProvisionedLimit', { LimitDefinition: limitDefinition(category) });
  return parseProvisionedLimit(category, output.Limit);
}

/**
 * Raises (or lowers back) the account's rate for one category. Cognito takes values from the
 * category's default up to the account's maximum in Service Quotas; what can be told before the
 * call is said before it. The gateway's own pacing does not follow: its rates are its
 * configuration's (README, Configuration).
 */
export async function updateProvisionedLimit(
  ctx: GatewayContext,
  input: { category: RateCategory; requestedLimitValue: number },
): Promise<{ provisionedLimit: ProvisionedLimitRecord }> {
  if (!adjustableCategories.has(input.category)) {
    throw invalidInput(
      'input.category',
      `${input.category} has a fixed rate: only ${[...adjustableCategories].join(', ')} can be provisioned`,
    );
  }
  const floor = rateCategories[input.category];
  const RequestedLimitValue = checkRange(input.requestedLimitValue, floor, MAX_REQUESTED_LIMIT, 'input.requestedLimitValue');
  const output = await ctx.call('UpdateProvisionedLimit', { LimitDefinition: limitDefinition(input.category), RequestedLimitValue });
  return { provisionedLimit: parseProvisionedLimit(input.category, output.Limit) };
}
