import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/domain/logger';

const collect = () => {
  const lines: { level: string; line: string }[] = [];
  const at = (level: string) => (line: string) => lines.push({ level, line });
  return { lines, sink: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
};

describe('the JSON logger', () => {
  it('writes one JSON object a line with the context fields, under the level threshold nothing', () => {
    const { lines, sink } = collect();
    const logger = createLogger('info', sink, { format: 'json', context: () => ({ requestId: 'r-1' }) });
    logger.debug('not shown');
    logger.info('cognito calls:', 3, { ListUsers: 3 });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!.line) as Record<string, unknown>;
    expect(entry).toEqual({ time: expect.any(String), level: 'info', msg: 'cognito calls: 3 { ListUsers: 3 }', requestId: 'r-1' });
  });

  it("writes an error's name, message, code and stack, not its other members (an SDK error's request and response)", () => {
    const { lines, sink } = collect();
    const logger = createLogger('debug', sink, { format: 'json' });
    const error = Object.assign(new Error('socket hang up'), {
      code: 'ECONNRESET',
      $response: { headers: { authorization: 'Bearer secret-token' } },
    });
    logger.warn('cognito ListUsers failed after 4 attempts:', error);
    const entry = JSON.parse(lines[0]!.line) as { level: string; msg: string; err: Record<string, unknown> };
    expect(lines[0]!.level).toBe('warn');
    expect(entry.msg).toBe('cognito ListUsers failed after 4 attempts:');
    expect(entry.err).toMatchObject({ name: 'Error', message: 'socket hang up', code: 'ECONNRESET' });
    expect(lines[0]!.line).not.toContain('secret-token');
  });

  it('keeps text as it was for people (the demo)', () => {
    const { lines, sink } = collect();
    createLogger('info', sink).info('GraphiQL: http://localhost:4000/graphql');
    expect(lines[0]!.line).toBe('GraphiQL: http://localhost:4000/graphql');
  });
});
