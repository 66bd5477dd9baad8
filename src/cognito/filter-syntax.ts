/**
 * ListUsers' filter grammar: `attribute = "value"` or `attribute ^= "value"`, quotation marks in
 * the value escaped with a backslash (and so backslashes too).
 */
export function filterExpression(attribute: string, match: '=' | '^=', value: string): string {
  return `${attribute} ${match} "${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
