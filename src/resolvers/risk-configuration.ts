import type {
  AccountTakeoverEventActionType,
  CompromisedCredentialsEventActionType,
  EventFilterType,
  SetRiskConfigurationRequest,
} from '@aws-sdk/client-cognito-identity-provider';
import { isIP } from 'node:net';
import { parseRiskConfiguration } from '../cognito/parse';
import { invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { RiskConfigurationRecord } from '../domain/records';
import type { GatewayContext } from './context';

/**
 * Threat protection settings (DescribeRiskConfiguration): the pool's, or one app client's, which
 * replace the pool's for that client. Cognito answers UserPoolAddOnNotEnabledException for a pool
 * without threat protection (USER_POOL_ADD_ON_NOT_ENABLED at the field; the field is nullable,
 * so the rest of the query is answered).
 */
export async function describeRiskConfiguration(
  ctx: GatewayContext,
  scope: { userPoolId: string; clientId?: string },
): Promise<RiskConfigurationRecord | null> {
  const UserPoolId = checkIdentifier('userPoolId', scope.userPoolId);
  const ClientId = scope.clientId === undefined ? undefined : checkIdentifier('clientId', scope.clientId);
  const output = await ctx.call('DescribeRiskConfiguration', { UserPoolId, ...(ClientId ? { ClientId } : {}) });
  return output.RiskConfiguration ? parseRiskConfiguration(UserPoolId, output.RiskConfiguration) : null;
}

interface NotifyEmailInput {
  subject: string;
  htmlBody?: string | null;
  textBody?: string | null;
}

interface TakeoverActionInput {
  notify: boolean;
  eventAction: AccountTakeoverEventActionType;
}

export interface SetRiskConfigurationInput {
  userPoolId: string;
  clientId?: string | null;
  compromisedCredentials?: { eventFilter?: EventFilterType[] | null; eventAction: CompromisedCredentialsEventActionType } | null;
  accountTakeover?: {
    notify?: {
      from?: string | null;
      replyTo?: string | null;
      sourceArn: string;
      blockEmail?: NotifyEmailInput | null;
      noActionEmail?: NotifyEmailInput | null;
      mfaEmail?: NotifyEmailInput | null;
    } | null;
    lowAction?: TakeoverActionInput | null;
    mediumAction?: TakeoverActionInput | null;
    highAction?: TakeoverActionInput | null;
  } | null;
  riskExceptions?: { blockedIpRanges?: string[] | null; skippedIpRanges?: string[] | null } | null;
}

/** Sets the pool's (or, with clientId, one app client's) threat protection settings. */
export async function setRiskConfiguration(ctx: GatewayContext, input: SetRiskConfigurationInput): Promise<RiskConfigurationRecord> {
  const request = toRequest(input);
  const output = await ctx.call('SetRiskConfiguration', request);
  if (!output.RiskConfiguration) return { userPoolId: request.UserPoolId!, ...(request.ClientId ? { clientId: request.ClientId } : {}) };
  return parseRiskConfiguration(request.UserPoolId!, output.RiskConfiguration);
}

function toRequest(input: SetRiskConfigurationInput): SetRiskConfigurationRequest {
  const { compromisedCredentials: credentials, accountTakeover: takeover, riskExceptions: exceptions } = input;
  const notify = takeover?.notify;
  const actions = {
    ...(takeover?.lowAction ? { LowAction: action(takeover.lowAction) } : {}),
    ...(takeover?.mediumAction ? { MediumAction: action(takeover.mediumAction) } : {}),
    ...(takeover?.highAction ? { HighAction: action(takeover.highAction) } : {}),
  };
  return {
    UserPoolId: checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId'),
    ...(input.clientId != null ? { ClientId: checkIdentifier('clientId', input.clientId, 'input.clientId') } : {}),
    ...(credentials
      ? {
          CompromisedCredentialsRiskConfiguration: {
            ...(credentials.eventFilter
              ? { EventFilter: distinct(credentials.eventFilter, 'input.compromisedCredentials.eventFilter') }
              : {}),
            Actions: { EventAction: credentials.eventAction },
          },
        }
      : {}),
    ...(takeover
      ? {
          AccountTakeoverRiskConfiguration: {
            ...(notify
              ? {
                  NotifyConfiguration: {
                    ...(notify.from != null ? { From: notify.from } : {}),
                    ...(notify.replyTo != null ? { ReplyTo: notify.replyTo } : {}),
                    SourceArn: checkIdentifier('roleArn', notify.sourceArn, 'input.accountTakeover.notify.sourceArn'),
                    ...(notify.blockEmail ? { BlockEmail: email(notify.blockEmail, 'blockEmail') } : {}),
                    ...(notify.noActionEmail ? { NoActionEmail: email(notify.noActionEmail, 'noActionEmail') } : {}),
                    ...(notify.mfaEmail ? { MfaEmail: email(notify.mfaEmail, 'mfaEmail') } : {}),
                  },
                }
              : {}),
            Actions: actions,
          },
        }
      : {}),
    ...(exceptions
      ? {
          RiskExceptionConfiguration: {
            ...(exceptions.blockedIpRanges
              ? { BlockedIPRangeList: ipRanges(exceptions.blockedIpRanges, 'input.riskExceptions.blockedIpRanges') }
              : {}),
            ...(exceptions.skippedIpRanges
              ? { SkippedIPRangeList: ipRanges(exceptions.skippedIpRanges, 'input.riskExceptions.skippedIpRanges') }
              : {}),
          },
        }
      : {}),
  };
}

function action(input: TakeoverActionInput) {
  return { Notify: input.notify, EventAction: input.eventAction };
}

/** NotifyEmailType's limits (API reference): a subject of 1 to 140 characters, bodies of 6 to 20,000. */
function email(input: NotifyEmailInput, name: string) {
  const field = `input.accountTakeover.notify.${name}`;
  if (input.subject.length < 1 || input.subject.length > 140) throw invalidInput(`${field}.subject`, 'must be 1 to 140 characters');
  for (const body of ['htmlBody', 'textBody'] as const) {
    const text = input[body];
    if (text != null && (text.length < 6 || text.length > 20_000)) throw invalidInput(`${field}.${body}`, 'must be 6 to 20000 characters');
  }
  return {
    Subject: input.subject,
    ...(input.htmlBody != null ? { HtmlBody: input.htmlBody } : {}),
    ...(input.textBody != null ? { TextBody: input.textBody } : {}),
  };
}

function distinct<Value>(values: Value[], field: string): Value[] {
  if (new Set(values).size !== values.length) throw invalidInput(field, 'names a value twice');
  return values;
}

/** RiskExceptionConfigurationType: at most 200 ranges per list, each an IPv4 or IPv6 CIDR block. */
function ipRanges(ranges: string[], field: string): string[] {
  if (ranges.length > 200) throw invalidInput(field, 'must hold at most 200 ranges');
  ranges.forEach((range, index) => {
    const [address = '', prefix, ...rest] = range.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix !== undefined && /^\d{1,3}$/.test(prefix) && Number(prefix) <= bits;
    if (family === 0 || !prefixOk || rest.length > 0) throw invalidInput(`${field}[${index}]`, 'is not a CIDR block such as 192.0.2.0/24');
  });
  return ranges;
}
