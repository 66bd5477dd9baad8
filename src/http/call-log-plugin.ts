import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../domain/logger';
import type { GatewayContext } from '../resolvers/context';

/**
 * Reports each request's Cognito calls: always to the debug log, and in the response's
 * `extensions.cognitoCalls` when the debug switch is on.
 */
export function useCallLog(options: { exposeInResponse: boolean; logger: Logger }): Plugin<GatewayContext> {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          const ctx = args.contextValue as GatewayContext;
          const summary = ctx.callLog.summary();
          options.logger.debug(`cognito calls: ${summary.total} ${JSON.stringify(summary.byOperation)}`);
          if (!options.exposeInResponse || Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, cognitoCalls: summary } });
        },
      };
    },
  };
}
