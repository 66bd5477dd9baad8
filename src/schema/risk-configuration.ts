import type { CognitoException } from '../domain/codes';
import type { AccountTakeoverActionRecord, NotifyEmailRecord, RiskConfigurationRecord } from '../domain/records';
import { describeRiskConfiguration, setRiskConfiguration } from '../resolvers/risk-configuration';
import { builder } from './builder';
import { cognitoErrors } from './errors';
import { ClientRef, UserPoolRef } from './refs';

const admin = { authScopes: { admin: true } } as const;

type Takeover = NonNullable<RiskConfigurationRecord['accountTakeover']>;
type Notify = NonNullable<Takeover['notify']>;
type Credentials = NonNullable<RiskConfigurationRecord['compromisedCredentials']>;
type Exceptions = NonNullable<RiskConfigurationRecord['riskExceptions']>;

const NotifyEmail = builder.objectRef<NotifyEmailRecord>('RiskNotifyEmail').implement({
  description: 'An email template threat protection sends.',
  fields: (t) => ({
    subject: t.exposeString('subject'),
    htmlBody: t.string({ nullable: true, resolve: (e) => e.htmlBody }),
    textBody: t.string({ nullable: true, resolve: (e) => e.textBody }),
  }),
});

const NotifyConfiguration = builder.objectRef<Notify>('RiskNotifyConfiguration').implement({
  description: 'How users are told of a risky sign-in (Amazon SES).',
  fields: (t) => ({
    from: t.string({ nullable: true, resolve: (n) => n.from }),
    replyTo: t.string({ nullable: true, resolve: (n) => n.replyTo }),
    sourceArn: t.exposeString('sourceArn', { description: 'The SES identity that sends the emails.' }),
    blockEmail: t.field({ type: NotifyEmail, nullable: true, resolve: (n) => n.blockEmail }),
    noActionEmail: t.field({ type: NotifyEmail, nullable: true, resolve: (n) => n.noActionEmail }),
    mfaEmail: t.field({ type: NotifyEmail, nullable: true, resolve: (n) => n.mfaEmail }),
  }),
});

const TakeoverAction = builder.objectRef<AccountTakeoverActionRecord>('AccountTakeoverAction').implement({
  fields: (t) => ({
    notify: t.exposeBoolean('notify'),
    eventAction: t.exposeString('eventAction', { description: 'BLOCK, MFA_IF_CONFIGURED, MFA_REQUIRED or NO_ACTION.' }),
  }),
});

const AccountTakeover = builder.objectRef<Takeover>('AccountTakeoverRiskConfiguration').implement({
  description: 'What threat protection does at each level of account-takeover risk.',
  fields: (t) => ({
    notify: t.field({ type: NotifyConfiguration, nullable: true, resolve: (a) => a.notify }),
    lowAction: t.field({ type: TakeoverAction, nullable: true, resolve: (a) => a.lowAction }),
    mediumAction: t.field({ type: TakeoverAction, nullable: true, resolve: (a) => a.mediumAction }),
    highAction: t.field({ type: TakeoverAction, nullable: true, resolve: (a) => a.highAction }),
  }),
});

const CompromisedCredentials = builder.objectRef<Credentials>('CompromisedCredentialsRiskConfiguration').implement({
  description: 'What threat protection does when a password is known to be leaked.',
  fields: (t) => ({
    eventFilter: t.stringList({ description: 'Events checked: SIGN_IN, PASSWORD_CHANGE, SIGN_UP.', resolve: (c) => c.eventFilter }),
    eventAction: t.exposeString('eventAction', { description: 'BLOCK or NO_ACTION.' }),
  }),
});

const RiskExceptions = builder.objectRef<Exceptions>('RiskExceptionConfiguration').implement({
  description: 'Addresses (CIDR blocks) always blocked, and always let through without a risk check.',
  fields: (t) => ({
    blockedIpRanges: t.exposeStringList('blockedIpRanges'),
    skippedIpRanges: t.exposeStringList('skippedIpRanges'),
  }),
});

export const RiskConfigurationRef = builder.objectRef<RiskConfigurationRecord>('RiskConfiguration').implement({
  description: 'Threat protection settings of a pool, or of one app client (replacing the pool’s for it).',
  fields: (t) => ({
    userPoolId: t.exposeString('userPoolId'),
    clientId: t.string({ nullable: true, description: 'Set when the settings are an app client’s own.', resolve: (r) => r.clientId }),
    lastModifiedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.lastModifiedAt }),
    compromisedCredentials: t.field({ type: CompromisedCredentials, nullable: true, resolve: (r) => r.compromisedCredentials }),
    accountTakeover: t.field({ type: AccountTakeover, nullable: true, resolve: (r) => r.accountTakeover }),
    riskExceptions: t.field({ type: RiskExceptions, nullable: true, resolve: (r) => r.riskExceptions }),
  }),
});

const readNote = 'Needs the pool’s threat protection: null with USER_POOL_ADD_ON_NOT_ENABLED without it.';

builder.objectFields(UserPoolRef, (t) => ({
  riskConfiguration: t.field({
    ...admin,
    type: RiskConfigurationRef,
    nullable: true,
    description: `The pool’s threat protection settings (DescribeRiskConfiguration). ${readNote}`,
    resolve: (pool, _, ctx) => describeRiskConfiguration(ctx, { userPoolId: pool.userPoolId }),
  }),
}));

builder.objectFields(ClientRef, (t) => ({
  riskConfiguration: t.field({
    ...admin,
    type: RiskConfigurationRef,
    nullable: true,
    description: `The threat protection settings that apply to this app client (DescribeRiskConfiguration with ClientId). ${readNote}`,
    resolve: (client, _, ctx) => describeRiskConfiguration(ctx, { userPoolId: client.userPoolId, clientId: client.clientId }),
  }),
}));

const CompromisedCredentialsEventAction = builder.enumType('CompromisedCredentialsEventAction', {
  values: ['BLOCK', 'NO_ACTION'] as const,
});
const AccountTakeoverEventAction = builder.enumType('AccountTakeoverEventAction', {
  values: ['BLOCK', 'MFA_IF_CONFIGURED', 'MFA_REQUIRED', 'NO_ACTION'] as const,
});
const RiskEventFilter = builder.enumType('RiskEventFilter', { values: ['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'] as const });

const NotifyEmailInput = builder.inputType('RiskNotifyEmailInput', {
  fields: (t) => ({
    subject: t.string({ required: true }),
    htmlBody: t.string({ required: false }),
    textBody: t.string({ required: false }),
  }),
});

const NotifyConfigurationInput = builder.inputType('RiskNotifyConfigurationInput', {
  fields: (t) => ({
    from: t.string({ required: false }),
    replyTo: t.string({ required: false }),
    sourceArn: t.string({ required: true }),
    blockEmail: t.field({ type: NotifyEmailInput, required: false }),
    noActionEmail: t.field({ type: NotifyEmailInput, required: false }),
    mfaEmail: t.field({ type: NotifyEmailInput, required: false }),
  }),
});

const TakeoverActionInput = builder.inputType('AccountTakeoverActionInput', {
  fields: (t) => ({
    notify: t.boolean({ required: true }),
    eventAction: t.field({ type: AccountTakeoverEventAction, required: true }),
  }),
});

const AccountTakeoverInput = builder.inputType('AccountTakeoverRiskConfigurationInput', {
  fields: (t) => ({
    notify: t.field({ type: NotifyConfigurationInput, required: false }),
    lowAction: t.field({ type: TakeoverActionInput, required: false }),
    mediumAction: t.field({ type: TakeoverActionInput, required: false }),
    highAction: t.field({ type: TakeoverActionInput, required: false }),
  }),
});

const CompromisedCredentialsInput = builder.inputType('CompromisedCredentialsRiskConfigurationInput', {
  fields: (t) => ({
    eventFilter: t.field({ type: [RiskEventFilter], required: false }),
    eventAction: t.field({ type: CompromisedCredentialsEventAction, required: true }),
  }),
});

const RiskExceptionsInput = builder.inputType('RiskExceptionConfigurationInput', {
  fields: (t) => ({
    blockedIpRanges: t.stringList({ required: false }),
    skippedIpRanges: t.stringList({ required: false }),
  }),
});

const setErrors: CognitoException[] = [
  'InvalidParameterException',
  'NotAuthorizedException',
  'ResourceNotFoundException',
  'UserPoolAddOnNotEnabledException',
  'OperationNotEnabledException',
  'CodeDeliveryFailureException',
  'InvalidEmailRoleAccessPolicyException',
];

builder.relayMutationField(
  'setRiskConfiguration',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      clientId: t.string({ required: false, description: 'Set an app client’s own settings instead of the pool’s.' }),
      compromisedCredentials: t.field({ type: CompromisedCredentialsInput, required: false }),
      accountTakeover: t.field({ type: AccountTakeoverInput, required: false }),
      riskExceptions: t.field({ type: RiskExceptionsInput, required: false }),
    }),
  },
  {
    ...admin,
    description: 'Sets the threat protection settings of a pool or of one of its app clients (SetRiskConfiguration).',
    errors: { types: cognitoErrors(...setErrors) },
    resolve: (_, { input }, ctx) => setRiskConfiguration(ctx, input),
  },
  { outputFields: (t) => ({ riskConfiguration: t.field({ type: RiskConfigurationRef, resolve: (r) => r }) }) },
);
