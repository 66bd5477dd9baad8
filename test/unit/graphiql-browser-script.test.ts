import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * GraphiQL's sign-in bar is plain JavaScript (yoga's GraphiQL is extended without a bundler), typed
 * with JSDoc. The project's tsc run does not see .js files, so this checks it as strictly, against
 * the browser's library instead of Node's.
 */
describe('the sign-in bar’s browser script', () => {
  it('type-checks strictly against the DOM', () => {
    const file = fileURLToPath(new URL('../../src/http/graphiql-sign-in.browser.js', import.meta.url));
    const program = ts.createProgram([file], {
      allowJs: true,
      checkJs: true,
      noEmit: true,
      strict: true,
      noUnusedLocals: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
      skipLibCheck: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(problems).toEqual([]);
  });
});
