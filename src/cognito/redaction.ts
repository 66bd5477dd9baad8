/**
 * Secrets Cognito returns inside outputs, by operation. The call path removes them before any
 * other code sees the output, so no field, log or cache can leak them by accident.
 */
const secretPaths: Readonly<Record<string, readonly (readonly string[])[]>> = {
  DescribeUserPoolClient: [['UserPoolClient', 'ClientSecret']],
  UpdateUserPoolClient: [['UserPoolClient', 'ClientSecret']],
  CreateUserPoolClient: [['UserPoolClient', 'ClientSecret']],
};

export function redactSecrets(operation: string, output: unknown): void {
  for (const path of secretPaths[operation] ?? []) {
    let holder: unknown = output;
    for (const key of path.slice(0, -1)) holder = (holder as Record<string, unknown> | undefined)?.[key];
    const last = path[path.length - 1];
    if (holder && typeof holder === 'object' && last !== undefined && last in holder) {
      const record = holder as Record<string, unknown>;
      if (last === 'ClientSecret') record['HasClientSecret'] = true;
      delete record[last];
    }
  }
}
