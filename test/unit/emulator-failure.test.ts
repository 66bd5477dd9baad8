import { describe, expect, it } from 'vitest';
import { emulatorErrorMessage, failedStartLine } from '../../src/local/emulator-failure';

/** cognito-local's output when it cannot read a file (pino-pretty, colours on whatever NO_COLOR says). */
const TORN_FILE_OUTPUT = [
  '\u001b[31mERROR\u001b[39m:',
  '[1796601693442] \u001b[31mERROR\u001b[39m: \u001b[36mNONE NONE Failed to load StormDB database file .cognito/db/local_x.json - invalid or corrupted format: Unexpected non-whitespace character after JSON at position 45\u001b[39m ',
  '    err: {',
  '      "type": "Error",',
  '          at CognitoServiceImpl.init (/app/node_modules/cognito-local/lib/services/cognitoService.js:378:22)',
];

describe('the line a failed emulator start prints', () => {
  it('keeps the emulator’s own message, without its logger’s decorations', () => {
    expect(emulatorErrorMessage(TORN_FILE_OUTPUT)).toBe(
      'Failed to load StormDB database file .cognito/db/local_x.json - invalid or corrupted format: Unexpected non-whitespace character after JSON at position 45',
    );
  });

  it('damaged data: the message, the file where the operator finds it, and demo:reset', () => {
    expect(failedStartLine(TORN_FILE_OUTPUT, 1, '/srv/demo-data')).toBe(
      'The embedded emulator cannot read its data: Failed to load StormDB database file /srv/demo-data/.cognito/db/local_x.json - ' +
        'invalid or corrupted format: Unexpected non-whitespace character after JSON at position 45. Nothing was changed: ' +
        'run `npm run demo:reset` to put the data in /srv/demo-data aside (kept, not deleted) and seed the demo afresh.',
    );
  });

  it('an empty file: the message once, with one full stop', () => {
    const output = ['[1] ERROR: NONE NONE Failed to load StormDB database file .cognito/db/local_x.json - the file is empty.'];
    expect(failedStartLine(output, 1, '/srv/demo-data')).toMatch(
      /^The embedded emulator cannot read its data: Failed to load StormDB database file \/srv\/demo-data\/\.cognito\/db\/local_x\.json - the file is empty\. Nothing was changed: /,
    );
  });

  it('any other failure: the code, the message, the data folder', () => {
    const line = failedStartLine(['[1] ERROR: NONE NONE listen EACCES: permission denied 127.0.0.1:80'], 1, '/srv/demo-data');
    expect(line).toMatch(
      /^The embedded emulator \(cognito-local\) stopped with code 1 before it was ready: listen EACCES: permission denied 127\.0\.0\.1:80 \(data in \/srv\/demo-data\)\./,
    );
    expect(failedStartLine([], 7, '/srv/demo-data')).toContain('stopped with code 7 before it was ready: it printed no error');
  });
});
