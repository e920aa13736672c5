// parbench driver worker for bring-your-own modules: imports the user's adapter and measures
// its step() exactly like the built-in kernels (warm-up iterations, then fixed-duration
// iterations counting whole steps).
//
// It runs as a module worker started by ../main.js (this page is byo/index.html, so main.js's
// relative 'driver.js' is this file). The user's folder is served at the origin's root, this
// file and the rest of parbench's page under the reserved /__parbench/.
//
// Messages from the page: {type: 'probe', config: {adapter}} or {type: 'run', config} with
//   config = {adapter, size, seed, params, blocks, iterationMillis, warmup}
//   (adapter: the adapter's URL path, e.g. '/adapter.js'; size and seed: decimal strings; blocks:
//   [{side, workers}], one measurement iteration each, all at one worker count: a page sets the
//   adapter up once; warmup: see ../measure.js warmUpUntilSteady)
// Messages to the page: {type: 'phase', phase}, {type: 'at', block} and {type: 'block', block}
// as it goes, then one {type: 'result', result}.
// A failed result says which adapter export failed and how (`reason`), the first stack frame in
// the user's files (`at`, a URL the harness maps back to a file), and whether it looks like a
// threads problem (`threadsHint`).

import { checksumText, iteration, memorySharingError, timerResolutionMs, warmUpUntilSteady, workersToUse } from '../measure.js';
import { startWorkersFromThePage } from '../page-workers.js';

const REQUIRED = { setup: 'function', step: 'function' };
const OPTIONAL = { teardown: 'function', checksum: 'function' };
const KERNEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A failure of the user's adapter; its message names the export, its cause is the adapter's own error. */
class AdapterError extends Error {}

const wasmModules = watchWasmInstantiation();
// The adapter's libraries start their threads as workers (Emscripten's pthreads): the page starts them.
startWorkersFromThePage();

// What this fork measured so far: a failure keeps it (the harness saves the blocks measured).
const measured = [];
let current = null;

self.onmessage = async ({ data }) => {
  let result;
  try {
    result = data.type === 'probe' ? await probe(data.config) : await run(data.config);
  } catch (e) {
    result = { ...failure(e), blocks: measured, failedAt: current };
  }
  self.postMessage({ type: 'result', result });
};

function phase(name) {
  self.postMessage({ type: 'phase', phase: name });
}

async function probe(config) {
  const sharingError = memorySharingError();
  const facts = { timerResolutionMs: timerResolutionMs(), wasmThreads: sharingError === null, wasmThreadsError: sharingError };
  try {
    const adapter = await importAdapter(config.adapter);
    return { status: 'ok', meta: describeMeta(adapter.meta), exports: Object.keys(adapter).sort(), ...facts };
  } catch (e) {
    return { ...failure(e), ...facts };
  }
}

async function run(config) {
  const requested = config.blocks[0].workers;
  if (config.blocks.some((block) => block.workers !== requested || block.side !== 'current')) {
    throw new Error('a byo page measures one worker count of one adapter');
  }
  phase('import');
  const adapter = await importAdapter(config.adapter);

  // Detect missing threads up front and fall back to one worker, keeping the browser's reason.
  const { workers, status, reason } = workersToUse(requested);

  phase('setup()');
  const started = performance.now();
  await call(adapter, 'setup', { workers, size: Number(config.size), seed: BigInt(config.seed), params: config.params ?? {} });
  const poolStartupMs = performance.now() - started;
  if (workers > 1) requireSharedMemory(workers);

  const step = () => adapter.step();
  phase('step() (first)');
  let last = call(adapter, 'step');
  if (last !== null && typeof last === 'object' && typeof last.then === 'function') {
    throw new AdapterError('step() returned a Promise; step must be synchronous (do asynchronous work in setup)');
  }
  phase('step() (warm-up)');
  const point = { side: 'current', workers: requested };
  current = point;
  self.postMessage({ type: 'at', block: point });
  const warm = warmUpUntilSteady([() => () => { last = guarded(step); }], config.iterationMillis, config.warmup);
  phase('measure');
  for (const block of config.blocks) {
    const timedStep = timed(step, config.iterationMillis);
    last = timedStep.last;
    const done = { ...block, stepsPerSecond: timedStep.stepsPerSecond };
    measured.push(done);
    self.postMessage({ type: 'block', block: done });
  }

  phase('checksum()');
  const value = typeof adapter.checksum === 'function' ? call(adapter, 'checksum') : last;
  const checksum = normalizeChecksum(value, typeof adapter.checksum === 'function' ? 'checksum' : 'step');
  current = null;

  phase('teardown()');
  const notes = warm.steady ? [] : [`warning: [parbench] the iterations were not steady after ${
    Math.round(warm.steadyAfterMs)} ms of warm-up; measured anyway`];
  if (typeof adapter.teardown === 'function') {
    try {
      await adapter.teardown();
    } catch (e) {
      const at = firstUserFrame(e);
      notes.push(`${adapterUrl(config.adapter)}: teardown() threw ${errorText(e)}${at ? ` (at ${at})` : ''}`);
    }
  }
  return { status, reason, blocks: measured, checksums: checksum === null ? [] : [{ ...point, checksum }], poolStartupMs,
    steadyAfterMs: warm.steadyAfterMs, workersUsed: workers, notes };
}

/** One timed iteration that keeps what the last step returned; a step that throws ends it. */
function timed(step, ms) {
  let last;
  const stepsPerSecond = iteration(() => { last = guarded(step); }, ms);
  return { stepsPerSecond, last };
}

function guarded(step) {
  try {
    return step();
  } catch (e) {
    throw new AdapterError(`step() threw ${errorText(e)}`, { cause: e });
  }
}

/** Calls an export, attributing any exception (or rejection) to it. */
function call(adapter, name, ...args) {
  let value;
  try {
    value = adapter[name](...args);
  } catch (e) {
    throw new AdapterError(`${name}() threw ${errorText(e)}`, { cause: e });
  }
  if (value !== null && typeof value === 'object' && typeof value.then === 'function') {
    return value.catch((e) => { throw new AdapterError(`${name}() rejected with ${errorText(e)}`, { cause: e }); });
  }
  return value;
}

async function importAdapter(path) {
  let adapter;
  try {
    adapter = await import(adapterUrl(path));
  } catch (e) {
    const hint = /module is not defined|exports is not defined|require is not defined/.test(String(e))
      ? ' It looks like CommonJS; the adapter must be an ES module (export const meta = …; export async function setup …).'
      : ' The adapter must be an ES module that the browser can load (export const meta = …; export async function setup …).';
    throw new AdapterError(`could not be imported: ${errorText(e)}.${hint}`, { cause: e });
  }
  const missing = Object.entries(REQUIRED).filter(([name, type]) => typeof adapter[name] !== type).map(([name]) => name);
  if (typeof adapter.meta !== 'object' || adapter.meta === null) missing.unshift('meta');
  if (missing.length > 0) {
    const exported = Object.keys(adapter);
    throw new AdapterError(`does not export ${missing.map(exportSignature).join(', ')} (it exports: ${
      exported.length ? exported.join(', ') : 'nothing — is it an ES module?'})`);
  }
  for (const [name, type] of Object.entries(OPTIONAL)) {
    if (name in adapter && typeof adapter[name] !== type) {
      throw new AdapterError(`exports ${name}, but as a ${typeof adapter[name]}; it must be a ${type}`);
    }
  }
  describeMeta(adapter.meta);
  return adapter;
}

function adapterUrl(path) {
  return new URL(path, self.location.origin).href;
}

function exportSignature(name) {
  return {
    meta: "meta (export const meta = { name: 'my-kernel', unit: 'step' })",
    setup: 'setup (export async function setup({ workers, size, seed, params }))',
    step: 'step (export function step())',
  }[name];
}

/** The adapter's meta, checked: a name usable as a kernel name, a unit, an optional default size. */
function describeMeta(meta) {
  const { name, unit = 'step', defaultSize } = meta;
  if (typeof name !== 'string' || !KERNEL_NAME.test(name)) {
    throw new AdapterError(`meta.name must be a kernel name of letters, digits, '.', '_' or '-' (at most 64), not ${
      JSON.stringify(name)}`);
  }
  if (typeof unit !== 'string' || unit.length === 0) {
    throw new AdapterError(`meta.unit must be a non-empty string such as 'step', not ${JSON.stringify(unit)}`);
  }
  if (defaultSize !== undefined && !(Number.isSafeInteger(defaultSize) && defaultSize >= 1)) {
    throw new AdapterError(`meta.defaultSize must be a whole number ≥ 1, not ${JSON.stringify(defaultSize)}`);
  }
  return { name, unit, defaultSize: defaultSize ?? null };
}

/**
 * With several workers, the modules the adapter instantiated must have shared memory, or their
 * threads cannot see each other's work: the module was built without threads.
 */
function requireSharedMemory(workers) {
  const withMemory = wasmModules.filter((m) => m.sharedMemory !== null);
  if (withMemory.length === 0 || withMemory.some((m) => m.sharedMemory)) return;
  const names = withMemory.map((m) => m.source).join(', ');
  throw new AdapterError(`setup() succeeded, but the WebAssembly it instantiated (${names}) has no shared `
    + `memory, so ${workers} workers cannot run it: it was built without threads (atomics and shared memory)`);
}

/**
 * Records every module instantiated through the WebAssembly API in this worker (toolchains'
 * loaders use instantiateStreaming or instantiate) and whether its memory is shared.
 */
function watchWasmInstantiation() {
  const seen = [];
  const record = (source, result, imports) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    const module = result instanceof WebAssembly.Instance ? null : result.module;
    seen.push({ source, sharedMemory: memoryShared(instance, module, imports) });
    return result;
  };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = function (source, imports) {
    const name = source instanceof WebAssembly.Module ? '(a compiled module)' : '(module bytes)';
    return instantiate.call(WebAssembly, source, imports).then((result) => record(name, result, imports));
  };
  if (instantiateStreaming) {
    WebAssembly.instantiateStreaming = async function (response, imports) {
      const name = (await response).url || '(a streamed module)';
      return instantiateStreaming.call(WebAssembly, response, imports).then((result) => record(name, result, imports));
    };
  }
  return seen;
}

/** true/false for the instance's (exported or imported) memory, null when it has none. */
function memoryShared(instance, module, imports) {
  const memories = Object.values(instance.exports).filter((value) => value instanceof WebAssembly.Memory);
  if (module) {
    for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
      if (kind === 'memory') memories.push(imports?.[from]?.[name]);
    }
  }
  const found = memories.filter((memory) => memory instanceof WebAssembly.Memory);
  if (found.length === 0) return null;
  return found.some((memory) => typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer);
}

/**
 * The checksum as text: integers as 16 lowercase hex digits of their 64-bit two's complement
 * (like the built-in kernels), other numbers as the hex of their IEEE-754 bits, strings as
 * given; null when the adapter returned nothing.
 */
function normalizeChecksum(value, from) {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') return checksumText(value);
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return checksumText(BigInt(value));
    const bits = new BigUint64Array(new Float64Array([value]).buffer)[0];
    return checksumText(bits);
  }
  if (typeof value === 'string' && value.trim().length > 0 && value.length <= 256) return value.trim();
  throw new AdapterError(`${from}() returned ${describeValue(value)}; a checksum must be a number, a bigint, `
    + 'a non-empty string (at most 256 characters) or nothing');
}

function describeValue(value) {
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  return `a value of type ${Array.isArray(value) ? 'array' : typeof value}`;
}

function failure(e) {
  if (e instanceof AdapterError) {
    const cause = e.cause ?? e;
    return { status: 'failed', reason: e.message, at: firstUserFrame(cause), threadsHint: threadsHint(e) };
  }
  return { status: 'failed', reason: `parbench's byo driver failed: ${errorText(e)}` };
}

/** Threads problems have recognisable messages; they deserve a pointer to the fix. */
function threadsHint(e) {
  const text = `${e.message} ${e.cause ? errorText(e.cause) : ''}`;
  return /SharedArrayBuffer|shared memory|shared state|DataCloneError|Atomics|crossOriginIsolated|not shared/i.test(text);
}

function errorText(e) {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return typeof e === 'string' ? e : String(e);
}

/** The first stack frame in the user's files (served at the root, not under /__parbench/). */
function firstUserFrame(e) {
  if (!(e instanceof Error) || typeof e.stack !== 'string') return null;
  const origin = self.location.origin;
  for (const line of e.stack.split('\n').slice(1)) {
    const match = line.match(/(https?:\/\/[^\s()]+:\d+:\d+)/);
    if (match && match[1].startsWith(origin + '/') && !match[1].startsWith(origin + '/__parbench/')) return match[1];
  }
  return null;
}
