import type { TermsEnforcementType, TermsSourceType } from '@aws-sdk/client-cognito-identity-provider';
import { parseTerms, parseTermsSummary } from '../cognito/parse';
import type { ConnectionArgs, RelayConnection } from '../domain/connection';
import { GatewayError, invalidInput } from '../domain/gateway-error';
import { checkIdentifier } from '../domain/identifiers';
import type { TermsKey } from '../domain/keys';
import type { TermsDetail, TermsRecord } from '../domain/records';
import type { GatewayContext } from './context';
import { listRecords } from './list-records';
import { nullIfNotFound } from './lookup';

/** The two kinds of terms documents; Cognito names them so (TermsName). */
export const termsNames = ['terms-of-use', 'privacy-policy'] as const;
export type TermsName = (typeof termsNames)[number];

/** The languages of managed login a link can be for (the Links keys Cognito takes). */
export const termsLanguages = [
  'cognito:default',
  'cognito:english',
  'cognito:french',
  'cognito:spanish',
  'cognito:german',
  'cognito:bahasa-indonesia',
  'cognito:italian',
  'cognito:japanese',
  'cognito:korean',
  'cognito:portuguese-brazil',
  'cognito:chinese-simplified',
  'cognito:chinese-traditional',
] as const;
export type TermsLanguage = (typeof termsLanguages)[number];

export interface TermsLinkInput {
  language: TermsLanguage;
  url: string;
}

/** Links: at most 12 (one per language), each URL 1 to 1024 characters without spaces (API reference). */
const MAX_LINKS = 12;

/**
 * A pool's terms documents (ListTerms), through the one pagination helper. Listed terms are
 * summaries, so they do not prime the full-terms loader (that would hide their links).
 */
export function listTerms(ctx: GatewayContext, userPoolId: string, args: ConnectionArgs): Promise<RelayConnection<TermsRecord>> {
  return listRecords(ctx, 'ListTerms', { UserPoolId: userPoolId }, args, (terms) => parseTermsSummary(userPoolId, terms));
}

/** Terms documents by id (DescribeTerms); null when there are none. */
export function describeTerms(ctx: GatewayContext, key: TermsKey): Promise<TermsRecord | null> {
  checkIdentifier('userPoolId', key.userPoolId);
  checkIdentifier('termsId', key.termsId);
  return nullIfNotFound(ctx.loaders.terms.load(key));
}

/** What a listed summary lacks (client, source, links): one DescribeTerms per terms documents, once per request. */
export async function termsDetail(ctx: GatewayContext, terms: TermsRecord): Promise<TermsDetail> {
  if (terms.detail) return terms.detail;
  const full = await ctx.loaders.terms.load({ userPoolId: terms.userPoolId, termsId: terms.termsId });
  if (!full.detail) throw new GatewayError('COGNITO_BAD_RESPONSE', 'Cognito described terms documents without their client and links.');
  return full.detail;
}

/** An app client's terms documents of one kind (DescribeTermsByClient); null when it has none. */
export async function describeTermsByClient(
  ctx: GatewayContext,
  scope: { userPoolId: string; clientId: string; name: TermsName },
): Promise<TermsRecord | null> {
  const UserPoolId = checkIdentifier('userPoolId', scope.userPoolId);
  const ClientId = checkIdentifier('clientId', scope.clientId);
  const output = await nullIfNotFound(ctx.call('DescribeTermsByClient', { UserPoolId, ClientId, TermsName: scope.name }));
  return output?.Terms ? parseTerms(UserPoolId, output.Terms) : null;
}

export interface CreateTermsInput {
  userPoolId: string;
  clientId: string;
  name: TermsName;
  links: TermsLinkInput[];
  source?: TermsSourceType | null;
  enforcement?: TermsEnforcementType | null;
}

export async function createTerms(ctx: GatewayContext, input: CreateTermsInput): Promise<{ terms: TermsRecord }> {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const ClientId = checkIdentifier('clientId', input.clientId, 'input.clientId');
  const Links = linksOf(input.links, 'input.links');
  if (Object.keys(Links).length === 0)
    throw invalidInput('input.links', 'must hold at least one link (cognito:default is shown for every language without its own)');
  const output = await ctx.call('CreateTerms', {
    UserPoolId,
    ClientId,
    TermsName: input.name,
    TermsSource: input.source ?? 'LINK',
    Enforcement: input.enforcement ?? 'NONE',
    Links,
  });
  return { terms: answered(UserPoolId, output.Terms, 'CreateTerms') };
}

export interface UpdateTermsInput {
  userPoolId: string;
  termsId: string;
  name?: TermsName | null;
  /** Links to add or replace, by language; the other languages keep theirs. */
  links?: TermsLinkInput[] | null;
  /** Languages whose links go. */
  removeLanguages?: TermsLanguage[] | null;
  source?: TermsSourceType | null;
  enforcement?: TermsEnforcementType | null;
}

/**
 * Changes only what the input names: the current terms are read (DescribeTerms) and sent back
 * with the changes on top, links merged language by language, so an update that names one
 * language keeps the others whether or not Cognito would reset what it is not sent.
 */
export async function updateTerms(ctx: GatewayContext, input: UpdateTermsInput): Promise<{ terms: TermsRecord }> {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const TermsId = checkIdentifier('termsId', input.termsId, 'input.termsId');
  const added = linksOf(input.links ?? [], 'input.links');
  const removed = input.removeLanguages ?? [];
  const both = removed.find((language) => language in added);
  if (both) throw invalidInput('input.removeLanguages', `${both} is also given a link in input.links`);

  const current = await ctx.call('DescribeTerms', { UserPoolId, TermsId });
  const terms = answered(UserPoolId, current.Terms, 'DescribeTerms');
  const detail = terms.detail!;
  const Links: Record<string, string> = { ...detail.links, ...added };
  for (const language of removed) delete Links[language];
  if (Object.keys(Links).length === 0) throw invalidInput('input.removeLanguages', 'would leave the terms without any link');
  if (Object.keys(Links).length > MAX_LINKS) throw invalidInput('input.links', `would leave more than ${MAX_LINKS} links`);

  const output = await ctx.call('UpdateTerms', {
    UserPoolId,
    TermsId,
    TermsName: input.name ?? terms.name,
    TermsSource: (input.source ?? detail.source) as TermsSourceType,
    Enforcement: (input.enforcement ?? terms.enforcement) as TermsEnforcementType,
    Links,
  });
  return { terms: answered(UserPoolId, output.Terms, 'UpdateTerms') };
}

export async function deleteTerms(ctx: GatewayContext, input: TermsKey): Promise<{ userPoolId: string; deletedTermsId: string }> {
  const UserPoolId = checkIdentifier('userPoolId', input.userPoolId, 'input.userPoolId');
  const TermsId = checkIdentifier('termsId', input.termsId, 'input.termsId');
  await ctx.call('DeleteTerms', { UserPoolId, TermsId });
  return { userPoolId: UserPoolId, deletedTermsId: TermsId };
}

function linksOf(links: TermsLinkInput[], field: string): Record<string, string> {
  if (links.length > MAX_LINKS) throw invalidInput(field, `must hold at most ${MAX_LINKS} links, one per language`);
  const byLanguage: Record<string, string> = {};
  links.forEach((link, index) => {
    if (link.language in byLanguage) throw invalidInput(`${field}[${index}].language`, `${link.language} is given twice`);
    byLanguage[link.language] = checkIdentifier('url', link.url, `${field}[${index}].url`);
  });
  return byLanguage;
}

function answered(userPoolId: string, terms: Parameters<typeof parseTerms>[1] | undefined, operation: string): TermsRecord {
  if (!terms) throw new GatewayError('COGNITO_BAD_RESPONSE', `Cognito answered ${operation} without the terms.`, { operation });
  return parseTerms(userPoolId, terms);
}
