import { CognitoProxy } from '../test/support/cognito-proxy';

/**
 * The latency-injecting proxy in a process of its own, so that the benchmark's CPU figures are
 * the gateway's alone. Usage: tsx bench/proxy-main.ts <target endpoint> <latency ms>; prints the
 * proxy's endpoint on its first line and runs until stdin closes. BENCH_REPLAY=1 answers repeated
 * requests from memory (no backend time).
 */
const [target, latency] = process.argv.slice(2);
if (!target) throw new Error('usage: proxy-main.ts <target endpoint> <latency ms>');
const proxy = await new CognitoProxy(target).start();
proxy.latencyMs = Number(latency ?? 0);
proxy.replay = process.env['BENCH_REPLAY'] === '1';
console.log(proxy.endpoint);
process.stdin.resume();
process.stdin.on('end', () => void proxy.stop().then(() => process.exit(0)));
