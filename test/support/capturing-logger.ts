import { inspect } from 'node:util';
import type { Logger } from '../../src/domain/logger';

/**
 * A logger that keeps every line it is given, objects printed in full (hidden members too), so a
 * test can assert that no secret ever reached the operator's log.
 */
export function capturingLogger(): Logger & { text(): string } {
  const lines: string[] = [];
  const at =
    (level: string) =>
    (...args: unknown[]) => {
      lines.push(`${level} ${args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 10, showHidden: true }))).join(' ')}`);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), text: () => lines.join('\n') };
}
