import type { EventSourceName, LogConfigurationType, LogLevel } from '@aws-sdk/client-cognito-identity-provider';
import { parseLogDeliveryConfiguration } from '../cognito/parse';
import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { LogDeliveryConfigurationRecord } from '../domain/records';
import { userPoolReference } from './user-pools';
import type { GatewayContext } from './context';

/** Where a pool's logs go, per event source (GetLogDeliveryConfiguration, once per pool per request). */
export async function getLogDeliveryConfiguration(
  ctx: GatewayContext,
  pool: { userPoolId: string },
): Promise<LogDeliveryConfigurationRecord> {
  return ctx.loaders.logDeliveryConfiguration.load(checkIdentifier('userPoolId', pool.userPoolId));
}

export interface LogConfigurationInput {
  eventSource: EventSourceName;
  /** Kept from the source's current entry when absent. */
  logLevel?: LogLevel | null;
  /** The destinations: any given replace the entry's current ones; none given keeps them. */
  cloudWatchLogGroupArn?: string | null;
  s3BucketArn?: string | null;
  firehoseStreamArn?: string | null;
}

export interface SetLogDeliveryConfigurationInput {
  userPoolId: string;
  logConfigurations?: LogConfigurationInput[] | null;
  removeEventSources?: EventSourceName[] | null;
}

/**
 * SetLogDeliveryConfiguration replaces the pool's whole list: an event source it is not sent
 * stops being delivered. So the gateway reads the current list and sends it back with the
 * input's changes: the entries of the sources the input names are changed (or removed), the
 * others are sent as they are.
 */
export async function setLogDeliveryConfiguration(ctx: GatewayContext, input: SetLogDeliveryConfigurationInput) {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const changes = checkedChanges(input);
  const current = await ctx.call('GetLogDeliveryConfiguration', { UserPoolId });
  const LogConfigurations = mergedLogConfigurations(current.LogDeliveryConfiguration?.LogConfigurations ?? [], changes);
  const output = await ctx.call('SetLogDeliveryConfiguration', { UserPoolId, LogConfigurations });
  return {
    logDeliveryConfiguration: parseLogDeliveryConfiguration(UserPoolId, output.LogDeliveryConfiguration),
    userPool: userPoolReference(UserPoolId),
  };
}

interface CheckedChanges {
  entries: LogConfigurationInput[];
  removed: Set<EventSourceName>;
}

function checkedChanges(input: SetLogDeliveryConfigurationInput): CheckedChanges {
  const entries = input.logConfigurations ?? [];
  const removed = input.removeEventSources ?? [];
  if (entries.length === 0 && removed.length === 0) {
    throw invalidInput('input', 'names nothing to change: give logConfigurations, removeEventSources, or both');
  }
  const named = new Set<EventSourceName>();
  entries.forEach((entry, index) => {
    const field = `input.logConfigurations[${index}]`;
    if (named.has(entry.eventSource)) throw invalidInput(`${field}.eventSource`, `${entry.eventSource} is given twice`);
    named.add(entry.eventSource);
    if (entry.cloudWatchLogGroupArn != null) checkIdentifier('arn', entry.cloudWatchLogGroupArn, `${field}.cloudWatchLogGroupArn`);
    if (entry.s3BucketArn != null) checkIdentifier('s3BucketArn', entry.s3BucketArn, `${field}.s3BucketArn`);
    if (entry.firehoseStreamArn != null) checkIdentifier('arn', entry.firehoseStreamArn, `${field}.firehoseStreamArn`);
  });
  removed.forEach((source, index) => {
    if (named.has(source)) {
      throw invalidInput(`input.removeEventSources[${index}]`, `${source} is also set in logConfigurations: set it or remove it, not both`);
    }
  });
  return { entries, removed: new Set(removed) };
}

/** The current list with the changes: entries in their current order, new sources after them. */
export function mergedLogConfigurations(current: readonly LogConfigurationType[], changes: CheckedChanges): LogConfigurationType[] {
  const bySource = new Map(changes.entries.map((entry, index) => [entry.eventSource, { entry, index }]));
  const kept = current
    .filter((entry) => !(entry.EventSource && changes.removed.has(entry.EventSource)))
    .map((entry) => {
      const change = entry.EventSource ? bySource.get(entry.EventSource) : undefined;
      if (!change) return entry;
      bySource.delete(change.entry.eventSource);
      return changedEntry(entry, change.entry, change.index);
    });
  const added = [...bySource.values()].map(({ entry, index }) => changedEntry(undefined, entry, index));
  return [...kept, ...added];
}

function changedEntry(current: LogConfigurationType | undefined, change: LogConfigurationInput, index: number): LogConfigurationType {
  const field = `input.logConfigurations[${index}]`;
  const LogLevel = change.logLevel ?? current?.LogLevel;
  if (!LogLevel) throw invalidInput(`${field}.logLevel`, `is needed: ${change.eventSource} has no log delivery yet`);
  const destinations = {
    ...(change.cloudWatchLogGroupArn != null ? { CloudWatchLogsConfiguration: { LogGroupArn: change.cloudWatchLogGroupArn } } : {}),
    ...(change.s3BucketArn != null ? { S3Configuration: { BucketArn: change.s3BucketArn } } : {}),
    ...(change.firehoseStreamArn != null ? { FirehoseConfiguration: { StreamArn: change.firehoseStreamArn } } : {}),
  };
  if (Object.keys(destinations).length > 0) return { EventSource: change.eventSource, LogLevel, ...destinations };
  if (!current) {
    throw invalidInput(
      field,
      `needs a destination (cloudWatchLogGroupArn, s3BucketArn or firehoseStreamArn): ${change.eventSource} has none yet`,
    );
  }
  const { CloudWatchLogsConfiguration, S3Configuration, FirehoseConfiguration } = current;
  return {
    EventSource: change.eventSource,
    LogLevel,
    ...(CloudWatchLogsConfiguration ? { CloudWatchLogsConfiguration } : {}),
    ...(S3Configuration ? { S3Configuration } : {}),
    ...(FirehoseConfiguration ? { FirehoseConfiguration } : {}),
  };
}
