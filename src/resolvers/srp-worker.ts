import type * as SrpLibrary from 'cognito-srp-helper';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { GatewayError } from '../domain/gateway-error';

/**
 * The SRP library's steps, run on a worker thread. Each is big-integer arithmetic in JavaScript
 * (about half a second of CPU on a small machine): on the event loop it would hold every other
 * request for that long, and an anonymous caller could cause it at will (Cognito answers
 * PASSWORD_VERIFIER for users that do not exist too). One worker, steps in turn; unref'd, so it
 * never keeps the process alive, and made again if it ever stops.
 */

type Library = typeof SrpLibrary;
export type SrpStepName = 'createSrpSession' | 'signSrpSession' | 'signSrpSessionWithDevice' | 'createDeviceVerifier';
export type SrpStepArgs<Name extends SrpStepName> = Parameters<Library[Name]>;
export type SrpStepResult<Name extends SrpStepName> = ReturnType<Library[Name]>;

// Plain CommonJS evaluated in the worker: no TypeScript loader needed there (tsx, vitest or none).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const library = require(workerData.library);
parentPort.on('message', ({ id, step, args }) => {
  try {
    parentPort.postMessage({ id, value: library[step](...args) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : 'SRP step failed' });
  }
});
`;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 0;

function failAll(error: Error): void {
  for (const waiting of pending.values()) waiting.reject(error);
  pending.clear();
  worker = undefined;
}

function srpWorker(): Worker {
  if (worker) return worker;
  const library = createRequire(import.meta.url).resolve('cognito-srp-helper');
  const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { library } });
  started.unref();
  started.on('message', ({ id, value, error }: { id: number; value?: unknown; error?: string }) => {
    const waiting = pending.get(id);
    pending.delete(id);
    if (error !== undefined) waiting?.reject(new Error(error));
    else waiting?.resolve(value);
  });
  started.on('error', (error) => failAll(error));
  started.on('exit', (code) => failAll(new Error(`the SRP worker stopped (exit code ${code})`)));
  worker = started;
  return started;
}

/**
 * The most steps that may wait for the worker: about as many seconds of work on a small machine.
 * Past it a sign-in is refused at once rather than queued: a flood of SRP sign-ins (an anonymous
 * caller can start them for any username) would otherwise hold every later one for minutes.
 */
export const MAX_WAITING_SRP_STEPS = 8;

/** One step of the SRP library, off the event loop; a refusal of the library comes back as an Error with its message. */
export function runSrpStep<Name extends SrpStepName>(step: Name, ...args: SrpStepArgs<Name>): Promise<SrpStepResult<Name>> {
  if (pending.size >= MAX_WAITING_SRP_STEPS) {
    return Promise.reject(
      new GatewayError('RATE_LIMITED', 'This gateway is running as many SRP sign-ins as it can; retry in 1 s.', {
        details: { retryAfterSeconds: 1 },
        headers: { 'Retry-After': '1' },
      }),
    );
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    srpWorker().postMessage({ id, step, args });
  });
}
