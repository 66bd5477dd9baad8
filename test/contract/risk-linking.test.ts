import {
  AdminDisableProviderForUserCommand,
  AdminGetUserCommand,
  AdminLinkProviderForUserCommand,
  AdminListUserAuthEventsCommand,
  AdminUpdateAuthEventFeedbackCommand,
  DescribeRiskConfigurationCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  SetRiskConfigurationCommand,
  UpdateAuthEventFeedbackCommand,
  type AdminGetUserResponse,
  type AuthEventType,
  type DescribeRiskConfigurationResponse,
  type SetRiskConfigurationResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { postQuery } from '../support/gateway';
import { pagedList, range, scriptedGateway, cognitoException } from '../support/scripted-cognito';
import { capturingLogger } from '../support/capturing-logger';

/**
 * Sign-in risk and linked identities over a scripted SDK: cognito-local 5.3.0 implements none of
 * these operations (no threat protection, no federation). Every scripted answer is typed with the
 * SDK's own response types; each test asserts the exact input the gateway sent.
 */

const POOL = 'eu-west-1_Risk1';
const CLIENT_ID = '6r1skc1ient00000000000000a';
const USERNAME = 'erin';
const FEEDBACK_TOKEN = 'feedback-token-0b5e1c-SECRET-from-the-email-link';

const eventId = (i: number) => `event-${String(i).padStart(4, '0')}`;
const created = (i: number) => new Date(Date.UTC(2024, 4, 1, 0, 0, i));

function scriptedEvent(i: number): AuthEventType {
  return {
    EventId: eventId(i),
    EventType: 'SignIn',
    CreationDate: created(i),
    EventResponse: i % 2 === 0 ? 'Pass' : 'Fail',
    EventRisk: { RiskDecision: 'AccountTakeover', RiskLevel: 'High', CompromisedCredentialsDetected: false },
    ChallengeResponses: [{ ChallengeName: 'Password', ChallengeResponse: 'Success' }],
    EventContextData: { IpAddress: '192.0.2.7', DeviceName: 'Firefox, Linux', Timezone: '+01:00', City: 'Ghent', Country: 'Belgium' },
    EventFeedback: { FeedbackValue: 'Invalid', Provider: 'ADMIN', FeedbackDate: created(i + 1) },
  };
}

function expectedEvent(i: number) {
  return {
    eventId: eventId(i),
    eventType: 'SignIn',
    createdAt: created(i).toISOString(),
    response: i % 2 === 0 ? 'Pass' : 'Fail',
    risk: { decision: 'AccountTakeover', level: 'High', compromisedCredentialsDetected: false },
    challengeResponses: [{ challengeName: 'Password', response: 'Success' }],
    context: { ipAddress: '192.0.2.7', deviceName: 'Firefox, Linux', timezone: '+01:00', city: 'Ghent', country: 'Belgium' },
    feedback: { value: 'Invalid', provider: 'ADMIN', date: created(i + 1).toISOString() },
  };
}

const EVENT_FIELDS = `eventId eventType createdAt response risk { decision level compromisedCredentialsDetected }
  challengeResponses { challengeName response } context { ipAddress deviceName timezone city country }
  feedback { value provider date }`;

const adminGetUser: AdminGetUserResponse = {
  Username: USERNAME,
  UserAttributes: [{ Name: 'sub', Value: '5e5e5e5e-0000-4000-8000-000000000001' }],
  Enabled: true,
  UserStatus: 'CONFIRMED',
};

const riskConfiguration: DescribeRiskConfigurationResponse = {
  RiskConfiguration: {
    UserPoolId: POOL,
    CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_IN', 'SIGN_UP'], Actions: { EventAction: 'BLOCK' } },
    AccountTakeoverRiskConfiguration: {
      NotifyConfiguration: {
        From: 'security@example.com',
        SourceArn: 'arn:aws:ses:eu-west-1:123456789012:identity/example.com',
        BlockEmail: { Subject: 'Blocked sign-in', TextBody: 'We blocked a sign-in.' },
      },
      Actions: {
        LowAction: { Notify: false, EventAction: 'NO_ACTION' },
        HighAction: { Notify: true, EventAction: 'BLOCK' },
      },
    },
    RiskExceptionConfiguration: { BlockedIPRangeList: ['198.51.100.0/24'], SkippedIPRangeList: [] },
    LastModifiedDate: new Date(Date.UTC(2024, 5, 1)),
  },
};

const expectedRiskConfiguration = {
  userPoolId: POOL,
  clientId: null,
  lastModifiedAt: '2024-06-01T00:00:00.000Z',
  compromisedCredentials: { eventFilter: ['SIGN_IN', 'SIGN_UP'], eventAction: 'BLOCK' },
  accountTakeover: {
    notify: {
      from: 'security@example.com',
      sourceArn: 'arn:aws:ses:eu-west-1:123456789012:identity/example.com',
      blockEmail: { subject: 'Blocked sign-in', textBody: 'We blocked a sign-in.' },
      mfaEmail: null,
    },
    lowAction: { notify: false, eventAction: 'NO_ACTION' },
    mediumAction: null,
    highAction: { notify: true, eventAction: 'BLOCK' },
  },
  riskExceptions: { blockedIpRanges: ['198.51.100.0/24'], skippedIpRanges: [] },
};

const RISK_FIELDS = `userPoolId clientId lastModifiedAt
  compromisedCredentials { eventFilter eventAction }
  accountTakeover {
    notify { from sourceArn blockEmail { subject textBody } mfaEmail { subject } }
    lowAction { notify eventAction } mediumAction { notify eventAction } highAction { notify eventAction }
  }
  riskExceptions { blockedIpRanges skippedIpRanges }`;

type Scripted = ReturnType<typeof scriptedGateway>;

/** The gateway serves an app client of POOL: the public feedback mutation reaches only served pools. */
const SERVED = { appClients: [{ userPoolId: POOL, clientId: CLIENT_ID }], issuerBase: 'https://cognito-idp.eu-west-1.amazonaws.com' };

/** The pool and its client exist: `userPool(...)` and `client(...)` read them first. */
function scriptPoolAndClient(scripted: Scripted): void {
  scripted.cognito.on(DescribeUserPoolCommand).resolves({ UserPool: { Id: POOL, Name: 'risk' } });
  scripted.cognito
    .on(DescribeUserPoolClientCommand)
    .resolves({ UserPoolClient: { UserPoolId: POOL, ClientId: CLIENT_ID, ClientName: 'web' } });
}

/** The names of the commands sent, in order. */
function sentCommands(scripted: Scripted): string[] {
  return scripted.cognito.calls().map((call) => (call.args[0] as object).constructor.name.replace(/Command$/, ''));
}

// ---------------------------------------------------------------------------------------------

describe('user.authEvents: AdminListUserAuthEvents through the one pagination helper', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
    scripted.cognito.on(AdminGetUserCommand).resolves(adminGetUser);
    scripted.cognito.on(AdminListUserAuthEventsCommand).callsFake(
      pagedList({
        pages: [{ items: range(0, 60).map(scriptedEvent), next: 'E1' }, { items: range(60, 65).map(scriptedEvent) }],
        tokenField: 'NextToken',
        sizeField: 'MaxResults',
        itemsField: 'AuthEvents',
      }),
    );
  });

  const query = `query ($first: Int, $after: String) {
    user(userPoolId: "${POOL}", username: "${USERNAME}") {
      authEvents(first: $first, after: $after) { edges { node { ${EVENT_FIELDS} } } pageInfo { hasNextPage endCursor } }
    }
  }`;
  const listInputs = () => scripted.cognito.commandCalls(AdminListUserAuthEventsCommand).map((call) => call.args[0].input);
  const page = (token?: string) => ({ UserPoolId: POOL, Username: USERNAME, MaxResults: 60, ...(token ? { NextToken: token } : {}) });

  it('reads across Cognito pages with MaxResults 60 and NextToken, every field mapped', async () => {
    const result = await scripted.query(query, { first: 65 });
    expect(result.errors).toBeUndefined();
    const { edges, pageInfo } = result.data!['user'].authEvents;
    expect(edges.map((edge: { node: unknown }) => edge.node)).toEqual(range(0, 65).map(expectedEvent));
    expect(pageInfo.hasNextPage).toBe(false);
    expect(listInputs()).toEqual([page(), page('E1')]);
  });

  it('resumes after a cursor in the middle of the first page, on to the second page', async () => {
    const first = await scripted.query(query, { first: 58 });
    expect(first.data!['user'].authEvents.pageInfo.hasNextPage).toBe(true);
    const second = await scripted.query(query, { first: 10, after: first.data!['user'].authEvents.pageInfo.endCursor });
    expect(second.errors).toBeUndefined();
    expect(second.data!['user'].authEvents.edges.map((edge: { node: { eventId: string } }) => edge.node.eventId)).toEqual(
      range(58, 65).map(eventId),
    );
    expect(second.data!['user'].authEvents.pageInfo.hasNextPage).toBe(false);
    expect(listInputs()).toEqual([page(), page(), page('E1')]);
  });

  it('links an event to its user (AdminGetUser of the owner)', async () => {
    const result = await scripted.query(`{ user(userPoolId: "${POOL}", username: "${USERNAME}") {
      authEvents(first: 1) { edges { node { eventId user { username } } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!['user'].authEvents.edges[0].node).toEqual({ eventId: eventId(0), user: { username: USERNAME } });
    expect(scripted.cognito.commandCalls(AdminGetUserCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL, Username: USERNAME },
    ]);
  });

  it('an event without its EventId is COGNITO_BAD_RESPONSE, never an empty id', async () => {
    const { EventId: _missing, ...withoutId } = scriptedEvent(0);
    scripted.cognito.on(AdminListUserAuthEventsCommand).resolves({ AuthEvents: [withoutId] });
    const result = await scripted.query(
      `{ user(userPoolId: "${POOL}", username: "${USERNAME}") { authEvents(first: 1) { edges { node { eventId } } } } }`,
    );
    expect(result.data!['user']).toEqual({ authEvents: null });
    expect(result.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual([
      [['user', 'authEvents'], 'COGNITO_BAD_RESPONSE'],
    ]);
  });

  it('a pool without threat protection: authEvents null with USER_POOL_ADD_ON_NOT_ENABLED, the user still answered', async () => {
    scripted.cognito.on(AdminListUserAuthEventsCommand).rejects(cognitoException('UserPoolAddOnNotEnabledException'));
    const result = await scripted.query(
      `{ user(userPoolId: "${POOL}", username: "${USERNAME}") { username authEvents(first: 5) { edges { node { eventId } } } } }`,
    );
    expect(result.data!['user']).toEqual({ username: USERNAME, authEvents: null });
    expect(result.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual([
      [['user', 'authEvents'], 'USER_POOL_ADD_ON_NOT_ENABLED'],
    ]);
  });
});

describe('riskConfiguration of a pool and of an app client: DescribeRiskConfiguration', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
    scriptPoolAndClient(scripted);
    scripted.cognito.on(DescribeRiskConfigurationCommand).resolves(riskConfiguration);
  });

  it('reads the pool’s settings with the pool id only, every field mapped', async () => {
    const result = await scripted.query(`{ userPool(userPoolId: "${POOL}") { riskConfiguration { ${RISK_FIELDS} } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!['userPool'].riskConfiguration).toEqual(expectedRiskConfiguration);
    expect(scripted.cognito.commandCalls(DescribeRiskConfigurationCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL },
    ]);
  });

  it('reads a client’s settings with its ClientId', async () => {
    scripted.cognito
      .on(DescribeRiskConfigurationCommand, { UserPoolId: POOL, ClientId: CLIENT_ID })
      .resolves({ RiskConfiguration: { ...riskConfiguration.RiskConfiguration, ClientId: CLIENT_ID } });
    const result = await scripted.query(
      `{ userPool(userPoolId: "${POOL}") { client(clientId: "${CLIENT_ID}") { riskConfiguration { clientId userPoolId } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!['userPool'].client.riskConfiguration).toEqual({ clientId: CLIENT_ID, userPoolId: POOL });
    expect(scripted.cognito.commandCalls(DescribeRiskConfigurationCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL, ClientId: CLIENT_ID },
    ]);
  });

  it('a pool without threat protection: null with USER_POOL_ADD_ON_NOT_ENABLED at the field', async () => {
    scripted.cognito.on(DescribeRiskConfigurationCommand).rejects(cognitoException('UserPoolAddOnNotEnabledException'));
    const result = await scripted.query(`{ userPool(userPoolId: "${POOL}") { userPoolId riskConfiguration { userPoolId } } }`);
    expect(result.data!['userPool']).toEqual({ userPoolId: POOL, riskConfiguration: null });
    expect(result.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual([
      [['userPool', 'riskConfiguration'], 'USER_POOL_ADD_ON_NOT_ENABLED'],
    ]);
  });
});

const SET_RISK = `mutation ($input: SetRiskConfigurationInput!) {
  setRiskConfiguration(input: $input) {
    __typename
    ... on SetRiskConfigurationPayload { riskConfiguration { ${RISK_FIELDS} } }
    ... on CognitoError { code message }
    ... on InvalidInputError { field reason }
  }
}`;

describe('setRiskConfiguration: SetRiskConfiguration', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
    const answer: SetRiskConfigurationResponse = riskConfiguration;
    scripted.cognito.on(SetRiskConfigurationCommand).resolves(answer);
  });

  it('sends every part of the input in Cognito’s shape and answers the configuration Cognito returns', async () => {
    const result = await scripted.query(SET_RISK, {
      input: {
        userPoolId: POOL,
        clientId: CLIENT_ID,
        compromisedCredentials: { eventFilter: ['SIGN_IN', 'SIGN_UP'], eventAction: 'BLOCK' },
        accountTakeover: {
          notify: {
            from: 'security@example.com',
            sourceArn: 'arn:aws:ses:eu-west-1:123456789012:identity/example.com',
            blockEmail: { subject: 'Blocked sign-in', textBody: 'We blocked a sign-in.' },
          },
          lowAction: { notify: false, eventAction: 'NO_ACTION' },
          highAction: { notify: true, eventAction: 'BLOCK' },
        },
        riskExceptions: { blockedIpRanges: ['198.51.100.0/24', '2001:db8::/32'] },
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!['setRiskConfiguration']).toEqual({
      __typename: 'SetRiskConfigurationPayload',
      riskConfiguration: expectedRiskConfiguration,
    });
    expect(scripted.cognito.commandCalls(SetRiskConfigurationCommand).map((call) => call.args[0].input)).toEqual([
      {
        UserPoolId: POOL,
        ClientId: CLIENT_ID,
        CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_IN', 'SIGN_UP'], Actions: { EventAction: 'BLOCK' } },
        AccountTakeoverRiskConfiguration: {
          NotifyConfiguration: {
            From: 'security@example.com',
            SourceArn: 'arn:aws:ses:eu-west-1:123456789012:identity/example.com',
            BlockEmail: { Subject: 'Blocked sign-in', TextBody: 'We blocked a sign-in.' },
          },
          Actions: { LowAction: { Notify: false, EventAction: 'NO_ACTION' }, HighAction: { Notify: true, EventAction: 'BLOCK' } },
        },
        RiskExceptionConfiguration: { BlockedIPRangeList: ['198.51.100.0/24', '2001:db8::/32'] },
      },
    ]);
  });

  it.each([
    [{ riskExceptions: { skippedIpRanges: ['192.0.2.0/24', '192.0.2.300/24'] } }, 'input.riskExceptions.skippedIpRanges[1]'],
    [{ riskExceptions: { blockedIpRanges: ['192.0.2.0/33'] } }, 'input.riskExceptions.blockedIpRanges[0]'],
    [{ compromisedCredentials: { eventFilter: ['SIGN_IN', 'SIGN_IN'], eventAction: 'BLOCK' } }, 'input.compromisedCredentials.eventFilter'],
    [
      {
        accountTakeover: {
          notify: { sourceArn: 'arn:aws:ses:eu-west-1:123456789012:identity/x', mfaEmail: { subject: '', textBody: 'long enough' } },
        },
      },
      'input.accountTakeover.notify.mfaEmail.subject',
    ],
    [{ clientId: 'not a client id' }, 'input.clientId'],
  ])('refuses %j naming %s, before any call', async (part, field) => {
    const result = await scripted.query(SET_RISK, { input: { userPoolId: POOL, ...part } });
    expect(result.data!['setRiskConfiguration']).toMatchObject({ __typename: 'InvalidInputError', field });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });
});

const feedbackFields = (payload: string) => `__typename
  ... on ${payload} { eventId feedbackValue }
  ... on CognitoError { code message }
  ... on InvalidInputError { field reason }`;

describe('adminUpdateAuthEventFeedback: AdminUpdateAuthEventFeedback', () => {
  it('sends the event’s verdict as Cognito takes it', async () => {
    const scripted = scriptedGateway();
    scripted.cognito.on(AdminUpdateAuthEventFeedbackCommand).resolves({});
    const result = await scripted.query(
      `mutation { adminUpdateAuthEventFeedback(input: { userPoolId: "${POOL}", username: "${USERNAME}", eventId: "${eventId(3)}", feedbackValue: Invalid }) { ${feedbackFields('AdminUpdateAuthEventFeedbackPayload')} } }`,
    );
    expect(result.data!['adminUpdateAuthEventFeedback']).toEqual({
      __typename: 'AdminUpdateAuthEventFeedbackPayload',
      eventId: eventId(3),
      feedbackValue: 'Invalid',
    });
    expect(scripted.cognito.commandCalls(AdminUpdateAuthEventFeedbackCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL, Username: USERNAME, EventId: eventId(3), FeedbackValue: 'Invalid' },
    ]);
  });
});

describe('updateAuthEventFeedback: public, with the notification email’s token', () => {
  let scripted: Scripted;
  let log: ReturnType<typeof capturingLogger>;
  const mutation = `mutation ($input: UpdateAuthEventFeedbackInput!) { updateAuthEventFeedback(input: $input) { ${feedbackFields('UpdateAuthEventFeedbackPayload')} } }`;
  const input = (overrides: Record<string, unknown> = {}) => ({
    userPoolId: POOL,
    username: USERNAME,
    eventId: eventId(1),
    feedbackToken: FEEDBACK_TOKEN,
    feedbackValue: 'Valid',
    ...overrides,
  });
  /** Anonymous, with the raw response text to search for the token. */
  const send = async (variables: Record<string, unknown>) => {
    const response = await scripted.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: mutation, variables }),
    });
    const text = await response.text();
    return {
      body: JSON.parse(text) as { data?: Record<string, any>; errors?: { extensions?: Record<string, unknown> }[]; extensions?: unknown },
      text,
    };
  };

  beforeEach(() => {
    log = capturingLogger();
    scripted = scriptedGateway({
      ...SERVED,
      logger: log,
      publicFlowRateLimit: 100,
      publicFlowRateLimitPerUsername: 3,
    });
    scripted.cognito.on(UpdateAuthEventFeedbackCommand).resolves({});
  });

  it('sends the token to Cognito and nowhere else: not in the answer, its call log, or the log', async () => {
    const { body, text } = await send({ input: input() });
    expect(body.data!['updateAuthEventFeedback']).toEqual({
      __typename: 'UpdateAuthEventFeedbackPayload',
      eventId: eventId(1),
      feedbackValue: 'Valid',
    });
    expect(scripted.cognito.commandCalls(UpdateAuthEventFeedbackCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL, Username: USERNAME, EventId: eventId(1), FeedbackToken: FEEDBACK_TOKEN, FeedbackValue: 'Valid' },
    ]);
    // The debug gateway answers with its call log in `extensions`: the operation, never its input.
    expect(JSON.stringify(body.extensions)).toContain('UpdateAuthEventFeedback');
    expect(text).not.toContain(FEEDBACK_TOKEN);
    expect(log.text()).not.toContain(FEEDBACK_TOKEN);
  });

  it('a token Cognito refuses stays out of the answer and the log too', async () => {
    scripted.cognito.on(UpdateAuthEventFeedbackCommand).rejects(cognitoException('NotAuthorizedException'));
    const { body, text } = await send({ input: input() });
    expect(body.data!['updateAuthEventFeedback']).toMatchObject({ __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED' });
    expect(text).not.toContain(FEEDBACK_TOKEN);
    expect(log.text()).not.toContain(FEEDBACK_TOKEN);
  });

  it('a user that does not exist is answered as a token that is not valid', async () => {
    scripted.cognito.on(UpdateAuthEventFeedbackCommand).rejects(cognitoException('UserNotFoundException'));
    const { body } = await send({ input: input() });
    expect(body.data!['updateAuthEventFeedback']).toEqual({
      __typename: 'NotAuthorizedError',
      code: 'NOT_AUTHORIZED',
      message: 'The feedback token is not valid for this event.',
    });
  });

  it('is limited per username: the 4th call for one account is RATE_LIMITED and not sent', async () => {
    for (let i = 0; i < 3; i++)
      expect((await send({ input: input() })).body.data!['updateAuthEventFeedback'].__typename).toBe('UpdateAuthEventFeedbackPayload');
    const refused = await send({ input: input({ username: USERNAME.toUpperCase() }) });
    expect(refused.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['RATE_LIMITED']);
    expect(scripted.cognito.commandCalls(UpdateAuthEventFeedbackCommand)).toHaveLength(3);
    // Another account is not affected.
    expect((await send({ input: input({ username: 'frank' }) })).body.data!['updateAuthEventFeedback'].__typename).toBe(
      'UpdateAuthEventFeedbackPayload',
    );
  });

  it('is limited per address, across usernames', async () => {
    scripted = scriptedGateway({
      ...SERVED,
      publicFlowRateLimit: 2,
      publicFlowRateLimitPerUsername: 100,
    });
    scripted.cognito.on(UpdateAuthEventFeedbackCommand).resolves({});
    await send({ input: input({ username: 'a1' }) });
    await send({ input: input({ username: 'a2' }) });
    const refused = await send({ input: input({ username: 'a3' }) });
    expect(refused.body.errors?.map((error) => error.extensions?.['code'])).toEqual(['RATE_LIMITED']);
    expect(scripted.cognito.commandCalls(UpdateAuthEventFeedbackCommand)).toHaveLength(2);
  });

  it.each([
    [{ userPoolId: 'eu-west-1_NotServed1' }, 'input.userPoolId'],
    [{ eventId: 'event id with spaces' }, 'input.eventId'],
    [{ feedbackToken: '' }, 'input.feedbackToken'],
  ])('refuses %j naming %s, before any call and without spending the allowance', async (part, field) => {
    for (let i = 0; i < 4; i++) {
      const { body } = await send({ input: input(part) });
      expect(body.data!['updateAuthEventFeedback']).toMatchObject({ __typename: 'InvalidInputError', field });
    }
    expect(scripted.cognito.calls()).toHaveLength(0);
  });
});

const LINK = `mutation ($input: AdminLinkProviderForUserInput!) {
  adminLinkProviderForUser(input: $input) {
    __typename
    ... on AdminLinkProviderForUserPayload { user { username } }
    ... on CognitoError { code }
    ... on InvalidInputError { field reason }
  }
}`;
const DISABLE = `mutation ($input: AdminDisableProviderForUserInput!) {
  adminDisableProviderForUser(input: $input) {
    __typename
    ... on AdminDisableProviderForUserPayload { providerName providerAttributeValue }
    ... on CognitoError { code }
    ... on InvalidInputError { field reason }
  }
}`;
const GOOGLE_USER = { providerName: 'Google', providerAttributeName: 'Cognito_Subject', providerAttributeValue: '108000000000000000001' };

describe('adminLinkProviderForUser and adminDisableProviderForUser', () => {
  let scripted: Scripted;
  beforeEach(() => {
    scripted = scriptedGateway();
    scripted.cognito.on(AdminLinkProviderForUserCommand).resolves({});
    scripted.cognito.on(AdminDisableProviderForUserCommand).resolves({});
    scripted.cognito.on(AdminGetUserCommand).resolves(adminGetUser);
  });

  it('links a Google identity to a user of the pool, and answers that user', async () => {
    const result = await scripted.query(LINK, {
      input: { userPoolId: POOL, destinationUser: { providerName: 'Cognito', providerAttributeValue: USERNAME }, sourceUser: GOOGLE_USER },
    });
    expect(result.data!['adminLinkProviderForUser']).toEqual({
      __typename: 'AdminLinkProviderForUserPayload',
      user: { username: USERNAME },
    });
    expect(scripted.cognito.commandCalls(AdminLinkProviderForUserCommand).map((call) => call.args[0].input)).toEqual([
      {
        UserPoolId: POOL,
        DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: USERNAME },
        SourceUser: { ProviderName: 'Google', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: '108000000000000000001' },
      },
    ]);
    expect(sentCommands(scripted)).toEqual(['AdminLinkProviderForUser', 'AdminGetUser']);
  });

  it('disables a linked identity', async () => {
    const result = await scripted.query(DISABLE, { input: { userPoolId: POOL, user: GOOGLE_USER } });
    expect(result.data!['adminDisableProviderForUser']).toEqual({
      __typename: 'AdminDisableProviderForUserPayload',
      providerName: 'Google',
      providerAttributeValue: '108000000000000000001',
    });
    expect(scripted.cognito.commandCalls(AdminDisableProviderForUserCommand).map((call) => call.args[0].input)).toEqual([
      {
        UserPoolId: POOL,
        User: { ProviderName: 'Google', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: '108000000000000000001' },
      },
    ]);
  });

  it.each([
    [{ sourceUser: { providerName: 'Cognito', providerAttributeValue: 'other' } }, 'input.sourceUser.providerName'],
    [{ sourceUser: { ...GOOGLE_USER, providerAttributeValue: '' } }, 'input.sourceUser.providerAttributeValue'],
    [{ sourceUser: { ...GOOGLE_USER, providerName: 'A'.repeat(33) } }, 'input.sourceUser.providerName'],
    [{ destinationUser: { providerName: '', providerAttributeValue: USERNAME } }, 'input.destinationUser.providerName'],
  ])('refuses %j naming %s, before any call', async (part, field) => {
    const input = {
      userPoolId: POOL,
      destinationUser: { providerName: 'Cognito', providerAttributeValue: USERNAME },
      sourceUser: GOOGLE_USER,
      ...part,
    };
    const result = await scripted.query(LINK, { input });
    expect(result.data!['adminLinkProviderForUser']).toMatchObject({ __typename: 'InvalidInputError', field });
    expect(scripted.cognito.calls()).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Every exception each operation documents (its Command's @throws), and the code it is answered with
// ---------------------------------------------------------------------------------------------

const codeOf: Record<string, string> = {
  InternalErrorException: 'COGNITO_UNAVAILABLE',
  InvalidParameterException: 'BAD_USER_INPUT',
  NotAuthorizedException: 'NOT_AUTHORIZED',
  OperationNotEnabledException: 'OPERATION_NOT_ENABLED',
  ResourceNotFoundException: 'NOT_FOUND',
  TooManyRequestsException: 'THROTTLED',
  UserNotFoundException: 'USER_NOT_FOUND',
  UserPoolAddOnNotEnabledException: 'USER_POOL_ADD_ON_NOT_ENABLED',
  CodeDeliveryFailureException: 'CODE_DELIVERY_FAILED',
  InvalidEmailRoleAccessPolicyException: 'INVALID_CONFIGURATION',
  AliasExistsException: 'ALIAS_EXISTS',
  LimitExceededException: 'LIMIT_EXCEEDED',
};
const common = [
  'InternalErrorException',
  'InvalidParameterException',
  'NotAuthorizedException',
  'OperationNotEnabledException',
  'ResourceNotFoundException',
  'TooManyRequestsException',
];

interface Case {
  /** Scripts the operation to fail with `error`. */
  fail: (scripted: Scripted, error: Error) => void;
  exceptions: string[];
  query: string;
  variables?: Record<string, unknown>;
  /** Where the answer's code is: a mutation's typed result, or the errors of a read. */
  field: string;
  anonymous?: boolean;
}

const cases: Record<string, Case> = {
  AdminListUserAuthEvents: {
    fail: (scripted, error) => scripted.cognito.on(AdminListUserAuthEventsCommand).rejects(error),
    exceptions: [...common, 'UserNotFoundException', 'UserPoolAddOnNotEnabledException'],
    query: `{ user(userPoolId: "${POOL}", username: "${USERNAME}") { authEvents(first: 1) { edges { node { eventId } } } } }`,
    field: 'user',
  },
  DescribeRiskConfiguration: {
    fail: (scripted, error) => scripted.cognito.on(DescribeRiskConfigurationCommand).rejects(error),
    exceptions: [...common, 'UserPoolAddOnNotEnabledException'],
    query: `{ userPool(userPoolId: "${POOL}") { riskConfiguration { userPoolId } } }`,
    field: 'userPool',
  },
  SetRiskConfiguration: {
    fail: (scripted, error) => scripted.cognito.on(SetRiskConfigurationCommand).rejects(error),
    exceptions: [...common, 'UserPoolAddOnNotEnabledException', 'CodeDeliveryFailureException', 'InvalidEmailRoleAccessPolicyException'],
    query: SET_RISK,
    variables: { input: { userPoolId: POOL } },
    field: 'setRiskConfiguration',
  },
  AdminUpdateAuthEventFeedback: {
    fail: (scripted, error) => scripted.cognito.on(AdminUpdateAuthEventFeedbackCommand).rejects(error),
    exceptions: [...common, 'UserNotFoundException', 'UserPoolAddOnNotEnabledException'],
    query: `mutation { adminUpdateAuthEventFeedback(input: { userPoolId: "${POOL}", username: "${USERNAME}", eventId: "e1", feedbackValue: Valid }) { ${feedbackFields('AdminUpdateAuthEventFeedbackPayload')} } }`,
    field: 'adminUpdateAuthEventFeedback',
  },
  UpdateAuthEventFeedback: {
    fail: (scripted, error) => scripted.cognito.on(UpdateAuthEventFeedbackCommand).rejects(error),
    exceptions: [...common, 'UserPoolAddOnNotEnabledException'],
    query: `mutation { updateAuthEventFeedback(input: { userPoolId: "${POOL}", username: "${USERNAME}", eventId: "e1", feedbackToken: "t0k3n", feedbackValue: Valid }) { ${feedbackFields('UpdateAuthEventFeedbackPayload')} } }`,
    field: 'updateAuthEventFeedback',
    anonymous: true,
  },
  AdminLinkProviderForUser: {
    fail: (scripted, error) => scripted.cognito.on(AdminLinkProviderForUserCommand).rejects(error),
    exceptions: [...common, 'UserNotFoundException', 'AliasExistsException', 'LimitExceededException'],
    query: LINK,
    variables: {
      input: { userPoolId: POOL, destinationUser: { providerName: 'Cognito', providerAttributeValue: USERNAME }, sourceUser: GOOGLE_USER },
    },
    field: 'adminLinkProviderForUser',
  },
  AdminDisableProviderForUser: {
    fail: (scripted, error) => scripted.cognito.on(AdminDisableProviderForUserCommand).rejects(error),
    exceptions: [...common, 'UserNotFoundException', 'AliasExistsException'],
    query: DISABLE,
    variables: { input: { userPoolId: POOL, user: GOOGLE_USER } },
    field: 'adminDisableProviderForUser',
  },
};

describe.each(Object.entries(cases))('%s: every documented exception maps to its code', (_, spec) => {
  it.each(spec.exceptions)('%s', async (exception) => {
    // One attempt, and a short deadline for a throttled call's wait: what is asserted is the mapping, not the retry policy.
    const scripted = scriptedGateway({ ...SERVED, maxAttempts: 1, requestTimeoutMs: 300 });
    scripted.cognito.on(AdminGetUserCommand).resolves(adminGetUser);
    scriptPoolAndClient(scripted);
    spec.fail(scripted, cognitoException(exception));
    const result = spec.anonymous
      ? await postQuery(scripted.gateway, spec.query, spec.variables, {})
      : await scripted.query(spec.query, spec.variables);
    const typed = result.data?.[spec.field] as { code?: string; __typename?: string } | null | undefined;
    const codes = typed?.code ? [typed.code] : (result.errors ?? []).map((error) => error.extensions?.['code']);
    // Public feedback answers a user or pool that does not exist as a token that is not valid.
    const expected =
      spec.anonymous && ['ResourceNotFoundException', 'UserNotFoundException'].includes(exception) ? 'NOT_AUTHORIZED' : codeOf[exception];
    expect(codes, JSON.stringify(result)).toEqual([expected]);
  });
});
