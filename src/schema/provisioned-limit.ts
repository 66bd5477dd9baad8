import type { CognitoException } from '../domain/codes';
import type { ProvisionedLimitRecord } from '../domain/records';
import {
  adjustableCategories,
  getProvisionedLimit,
  rateCategories,
  updateProvisionedLimit,
  type RateCategory,
} from '../resolvers/provisioned-limits';
import { builder } from './builder';
import { cognitoErrors } from './errors';

const admin = { authScopes: { admin: true } } as const;

const categoryNames = Object.keys(rateCategories).sort() as RateCategory[];

const ApiRateCategory = builder.enumType('ApiRateCategory', {
  description: 'A request-rate category of the Cognito user pools API (the quotas page), shared by every pool of the account and Region.',
  values: Object.fromEntries(
    categoryNames.map((name) => [
      name,
      {
        description: `${rateCategories[name]} requests per second by default${adjustableCategories.has(name) ? '; can be provisioned higher' : ''}.`,
      },
    ]),
  ) as Record<RateCategory, { description: string }>,
});

export const ProvisionedLimitRef = builder.objectRef<ProvisionedLimitRecord>('ProvisionedLimit').implement({
  description:
    'The account’s request rate for one category, in requests per second: the rate Cognito enforces, and the rate included at no cost.',
  fields: (t) => ({
    category: t.field({ type: ApiRateCategory, resolve: (l) => l.category as RateCategory }),
    provisionedLimitValue: t.exposeInt('provisionedLimitValue', { description: 'The rate Cognito enforces now.' }),
    freeLimitValue: t.exposeInt('freeLimitValue', { description: 'The default rate, included at no additional cost.' }),
  }),
});

builder.queryFields((t) => ({
  provisionedLimit: t.field({
    ...admin,
    type: ProvisionedLimitRef,
    nullable: true,
    description:
      'The account’s request rate for one API category in this Region (GetProvisionedLimit): an account-wide setting, not a pool’s. Cognito answers 1 such call per second per account; the gateway paces them.',
    args: { category: t.arg({ type: ApiRateCategory, required: true }) },
    resolve: (_, { category }, ctx) => getProvisionedLimit(ctx, category),
  }),
}));

const updateErrors: CognitoException[] = [
  'InvalidParameterException',
  'NotAuthorizedException',
  'ResourceNotFoundException',
  'ServiceQuotaExceededException',
];

builder.relayMutationField(
  'updateProvisionedLimit',
  {
    inputFields: (t) => ({
      category: t.field({ type: ApiRateCategory, required: true }),
      requestedLimitValue: t.int({
        required: true,
        description: 'Requests per second: from the category’s default up to the account’s maximum in Service Quotas.',
      }),
    }),
  },
  {
    ...admin,
    description:
      'Sets the account’s request rate for one API category in this Region (UpdateProvisionedLimit). Paced at 1 call per second per account. The gateway’s own pacing keeps the rates of its configuration.',
    errors: { types: cognitoErrors(...updateErrors) },
    resolve: (_, { input }, ctx) => updateProvisionedLimit(ctx, input),
  },
  { outputFields: (t) => ({ provisionedLimit: t.field({ type: ProvisionedLimitRef, resolve: (p) => p.provisionedLimit }) }) },
);
