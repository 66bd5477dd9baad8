import { createInterface } from 'node:readline';
import { CognitoPaging } from '../test/support/cognito-paging';
import { CognitoProxy } from '../test/support/cognito-proxy';

/**
 * The latency-injecting proxy in a process of its own, so that the benchmark's CPU figures are
 * the gateway's alone. Usage: tsx bench/proxy-main.ts <target endpoint> <latency ms>; prints the
 * proxy's endpoint on its first line and runs until stdin closes. A line `late` on stdin is
 * answered with a JSON line: how many answers the emulator made later than the latency, and by how
 * much in all; a line `load` turns off exact latency for load runs (see CognitoProxy.exactLatency).
 * List answers are paged as Cognito pages them. BENCH_REPLAY=1 answers repeated requests from memory (no backend time).
 * A line `quota <n>` enforces n calls per second on every operation (sliding windows, as Cognito's
 * quotas; `quota 0` lifts it), and `throttled` answers how many throttling answers it has given.
 */
const [target, latency] = process.argv.slice(2);
if (!target) throw new Error('usage: proxy-main.ts <target endpoint> <latency ms>');
const proxy = await new CognitoProxy(target).start();
proxy.latencyMs = Number(latency ?? 0);
proxy.replay = process.env['BENCH_REPLAY'] === '1';
// cognito-local answers whole lists; Cognito pages them (60 items at most), and so must the figures.
proxy.paging = new CognitoPaging();
console.log(proxy.endpoint);
const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  if (line.trim() === 'late') console.log(JSON.stringify({ ...proxy.late, requests: proxy.records.length }));
  if (line.trim() === 'load') proxy.exactLatency = false;
  const quota = /^quota (\d+)$/.exec(line.trim());
  if (quota) {
    proxy.reset();
    proxy.latencyMs = Number(latency ?? 0);
    proxy.quotaForEveryOperation = Number(quota[1]);
  }
  if (line.trim() === 'throttled') console.log(JSON.stringify({ throttled: proxy.throttled() }));
});
commands.on('close', () => void proxy.stop().then(() => process.exit(0)));
