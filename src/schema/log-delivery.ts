import type { CognitoException } from '../domain/codes';
import type { LogConfigurationRecord, LogDeliveryConfigurationRecord, UserPoolRecord } from '../domain/records';
import { getLogDeliveryConfiguration, setLogDeliveryConfiguration } from '../resolvers/log-delivery';
import { builder } from './builder';
import { cognitoErrors } from './errors';
import { UserPoolRef } from './refs';

const admin = { authScopes: { admin: true } } as const;

const LogEventSource = builder.enumType('LogEventSource', {
  values: {
    userNotification: { description: 'Errors delivering emails and SMS messages (ERROR level, to CloudWatch Logs).' },
    userAuthEvents: { description: 'User activity seen by threat protection (INFO level, to CloudWatch Logs, S3 or Firehose).' },
  } as const,
});

const LogLevel = builder.enumType('LogLevel', { values: ['ERROR', 'INFO'] as const });

const LogConfiguration = builder.objectRef<LogConfigurationRecord>('LogConfiguration').implement({
  description: 'Where one event source’s logs go.',
  fields: (t) => ({
    eventSource: t.field({ type: LogEventSource, resolve: (c) => c.eventSource as 'userNotification' | 'userAuthEvents' }),
    logLevel: t.field({ type: LogLevel, resolve: (c) => c.logLevel as 'ERROR' | 'INFO' }),
    cloudWatchLogGroupArn: t.exposeString('cloudWatchLogGroupArn', { nullable: true }),
    s3BucketArn: t.exposeString('s3BucketArn', { nullable: true }),
    firehoseStreamArn: t.exposeString('firehoseStreamArn', { nullable: true }),
  }),
});

export const LogDeliveryConfigurationRef = builder.objectRef<LogDeliveryConfigurationRecord>('LogDeliveryConfiguration').implement({
  description: 'Where a pool exports its logs, per event source (GetLogDeliveryConfiguration).',
  fields: (t) => ({
    userPoolId: t.exposeString('userPoolId'),
    logConfigurations: t.field({ type: [LogConfiguration], resolve: (c) => c.logConfigurations }),
  }),
});

builder.objectFields(UserPoolRef, (t) => ({
  logDeliveryConfiguration: t.field({
    ...admin,
    type: LogDeliveryConfigurationRef,
    nullable: true,
    description: 'Where the pool exports its logs, per event source (GetLogDeliveryConfiguration).',
    resolve: (pool, _, ctx) => getLogDeliveryConfiguration(ctx, pool),
  }),
}));

const LogConfigurationInput = builder.inputType('LogConfigurationInput', {
  description:
    'The log delivery of one event source. What is left out is kept from the source’s current entry: its level, and its destinations when none is given (any destination given replaces them all).',
  fields: (t) => ({
    eventSource: t.field({ type: LogEventSource, required: true }),
    logLevel: t.field({ type: LogLevel, required: false, description: 'Needed for a source without log delivery yet.' }),
    cloudWatchLogGroupArn: t.string({ required: false }),
    s3BucketArn: t.string({ required: false }),
    firehoseStreamArn: t.string({ required: false }),
  }),
});

const setErrors: CognitoException[] = [
  'InvalidParameterException',
  'NotAuthorizedException',
  'ResourceNotFoundException',
  'FeatureUnavailableInTierException',
];

builder.relayMutationField(
  'setLogDeliveryConfiguration',
  {
    inputFields: (t) => ({
      userPoolId: t.string({ required: true }),
      logConfigurations: t.field({ type: [LogConfigurationInput], required: false, description: 'Event sources to set.' }),
      removeEventSources: t.field({ type: [LogEventSource], required: false, description: 'Event sources to stop delivering.' }),
    }),
  },
  {
    ...admin,
    description:
      'Changes where a pool exports its logs (SetLogDeliveryConfiguration). Cognito replaces the whole list; the gateway reads it first and keeps the event sources the input does not name.',
    errors: { types: cognitoErrors(...setErrors) },
    resolve: (_, { input }, ctx) => setLogDeliveryConfiguration(ctx, input),
  },
  {
    outputFields: (t) => ({
      logDeliveryConfiguration: t.field({
        type: LogDeliveryConfigurationRef,
        description: 'The configuration as Cognito answered the change.',
        resolve: (p) => p.logDeliveryConfiguration,
      }),
      userPool: t.field({ type: UserPoolRef, nullable: true, resolve: (p): UserPoolRecord => p.userPool }),
    }),
  },
);
