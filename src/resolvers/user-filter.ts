import { filterExpression } from '../cognito/filter-syntax';
import { invalidInput } from '../domain/gateway-error';

/** Exactly one of the two: Cognito matches an attribute exactly or by prefix. */
export interface StringMatchInput {
  equals?: string | null;
  startsWith?: string | null;
}

export interface UserFilterInput {
  username?: StringMatchInput | null;
  email?: StringMatchInput | null;
  phoneNumber?: StringMatchInput | null;
  name?: StringMatchInput | null;
  givenName?: StringMatchInput | null;
  familyName?: StringMatchInput | null;
  preferredUsername?: StringMatchInput | null;
  sub?: string | null;
  status?: string | null;
  enabled?: boolean | null;
}

type FilterField = keyof UserFilterInput;

/**
 * The attributes ListUsers can search (Cognito searches no custom attribute), by input field.
 * `text` fields take an exact or prefix match; the others an exact value of their own type.
 */
const searchable: Record<FilterField, { attribute: string; kind: 'text' | 'exact' | 'enabled' }> = {
  username: { attribute: 'username', kind: 'text' },
  email: { attribute: 'email', kind: 'text' },
  phoneNumber: { attribute: 'phone_number', kind: 'text' },
  name: { attribute: 'name', kind: 'text' },
  givenName: { attribute: 'given_name', kind: 'text' },
  familyName: { attribute: 'family_name', kind: 'text' },
  preferredUsername: { attribute: 'preferred_username', kind: 'text' },
  sub: { attribute: 'sub', kind: 'exact' },
  status: { attribute: 'cognito:user_status', kind: 'exact' },
  enabled: { attribute: 'status', kind: 'enabled' },
};

export const searchableFields = Object.keys(searchable) as FilterField[];

const MAX_VALUE_LENGTH = 2048;

/**
 * Builds Cognito's ListUsers `Filter` string from the typed filter, or undefined for no filter.
 * Cognito searches one attribute at a time, so exactly one field may be set.
 */
export function buildUserFilter(input: UserFilterInput | null | undefined, field = 'filter'): string | undefined {
  if (!input) return undefined;
  const set = searchableFields.filter((name) => input[name] != null);
  if (set.length === 0) throw invalidInput(field, `set one of ${searchableFields.join(', ')}`);
  if (set.length > 1) {
    throw invalidInput(field, `Cognito searches one attribute at a time, but ${set.join(' and ')} are set`);
  }
  const name = set[0] as FilterField;
  const { attribute, kind } = searchable[name];
  const path = `${field}.${name}`;

  if (kind === 'enabled') return filterExpression(attribute, '=', input.enabled ? 'Enabled' : 'Disabled');
  if (kind === 'exact') return filterExpression(attribute, '=', checkValue(input[name] as string, path));

  const match = input[name] as StringMatchInput;
  const hasEquals = match.equals != null;
  const hasPrefix = match.startsWith != null;
  if (hasEquals === hasPrefix) throw invalidInput(path, 'set exactly one of equals or startsWith');
  return hasEquals
    ? filterExpression(attribute, '=', checkValue(match.equals as string, `${path}.equals`))
    : filterExpression(attribute, '^=', checkValue(match.startsWith as string, `${path}.startsWith`));
}

function checkValue(value: string, path: string): string {
  if (value.length === 0) throw invalidInput(path, 'must not be empty');
  if (value.length > MAX_VALUE_LENGTH) throw invalidInput(path, `must be at most ${MAX_VALUE_LENGTH} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(value)) throw invalidInput(path, 'must not contain control characters');
  return value;
}
