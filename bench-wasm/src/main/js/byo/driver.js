// parbench driver worker for bring-your-own modules: imports the user's adapter and measures
// its step() exactly like the built-in kernels (a warm-up until steady, then fixed-duration
// iterations counting whole steps).
//
// It runs as a module worker started by ../main.js (this page is byo/index.html, so main.js's
// relative 'driver.js' is this file). The user's folder is served at the origin's root, this
// file and the rest of parbench's page under the reserved /__parbench/.
//
// Messages from the page: {type: 'probe', config: {adapters}} or {type: 'run', config} with
//   config = {adapters, params, size, seed, blocks, iterationMillis, warmup}
//   (adapters: {current: url, baseline: url}, each side's adapter as a URL path on this origin,
//   e.g. '/adapter.js'; baseline only in a comparison that pairs A and B in one page, where the
//   two URLs differ (a query string per side) so that each side gets an instance of its own;
//   params: {current: {...}, baseline: {...}}, each side's setup() params; size and seed: decimal
//   strings; blocks: [{side, workers}], one measurement iteration each, in the order to run them:
//   all at one worker count, unless every adapter exports resize(workers) (then the page sets them
//   up at the largest and resizes them between blocks); warmup: see ../measure.js warmUpUntilSteady)
// Messages to the page: {type: 'phase', phase}, {type: 'at', block} and {type: 'block', block}
// as it goes, then one {type: 'result', result}.
// A probe answers with the current side's meta and exports and, per side, whether its adapter
// declares that it can share a page with another adapter (`sharesPage`: {current, baseline}) and
// whether it can change its worker count between steps (`resizes`: {current, baseline}).
// A result names the modules the page instantiated (`modules`, URL paths on this origin). A
// measured one says, per point, how many threads the page ran for it while measuring it
// (`threads`: [{side, workers, threads, adapterThreads}]; threads counted, see threads.js;
// adapterThreads what the adapter's threads() said) and, for an asynchronous step, what awaiting
// costs parbench per step (`asyncStepFloorMicros`). A failed one says which adapter export failed
// and how (`reason`), on which side (`side`), where (`at`, a URL the harness maps back to a file),
// and whether it looks like a threads problem (`threadsHint`).
// A measured block is as ../driver.js sends it; its `pool` (source 'adapter') is what the side's
// adapter's optional stats() returned right after the block, called also right before it (its
// answer then dropped) so that it covers the block: {busyMs: [per worker, worker 0 first]}.

import {
  checksumText, distinctPoints, memorySharingError, pointKey, timedBlock, timerResolutionMs, warmUpUntilSteady, workersToUse,
} from '../measure.js';
import { startWorkersFromThePage } from '../page-workers.js';
import { bareImports, errorText, firstUserFrame, sentence } from './failures.js';
import { describeModules, watchInstantiation } from './modules.js';
import { asyncStepFloorMicros, asyncTimedBlock, asyncWarmUpUntilSteady } from './steps.js';
import { watchThreads } from './threads.js';

const REQUIRED = { setup: 'function', step: 'function' };
const OPTIONAL = {
  teardown: 'function', checksum: 'function', threads: 'function', stats: 'function', resize: 'function', sharesPage: 'boolean',
};
const KERNEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A failure of the user's adapter; its message names the export, its cause is the adapter's own error. */
class AdapterError extends Error {}

const wasmModules = watchInstantiation();
// The adapter's libraries start their threads as workers (Emscripten's pthreads): the page starts them.
startWorkersFromThePage();
let threadWatch = null; // started by run(), on the page's workers, after parbench's own checks

// What this fork measured so far: a failure keeps it (the harness saves the blocks measured).
const measured = [];
let current = null;
// The side whose adapter runs now: a failure is that side's, the workers it starts are its threads.
let acting = 'current';

self.onmessage = async ({ data }) => {
  let result;
  try {
    result = data.type === 'probe' ? await probe(data.config) : await run(data.config);
  } catch (e) {
    result = { ...failure(e), side: acting, blocks: measured, failedAt: current };
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
    const adapters = {};
    for (const [name, url] of Object.entries(config.adapters)) {
      act(name);
      adapters[name] = await importAdapter(url);
    }
    const perSide = (test) => Object.fromEntries(Object.entries(adapters).map(([name, adapter]) => [name, test(adapter)]));
    const sharesPage = perSide((adapter) => adapter.sharesPage === true);
    const resizes = perSide((adapter) => typeof adapter.resize === 'function');
    const { current: adapter } = adapters;
    return { status: 'ok', meta: describeMeta(adapter.meta), exports: Object.keys(adapter).sort(), sharesPage, resizes, ...facts };
  } catch (e) {
    return { ...failure(e), side: acting, ...facts };
  }
}

/** Switches to a side's adapter: what fails now is its failure, the workers started now its threads. */
function act(name) {
  acting = name;
  if (threadWatch) threadWatch.side = name;
}

async function run(config) {
  const names = Object.keys(config.adapters);
  if (config.blocks.some((block) => !names.includes(block.side))) throw new Error(`a byo page measures the sides ${names} only`);
  const points = distinctPoints(config.blocks);
  const largest = Math.max(...points.map((point) => point.workers));
  phase('import');
  // Detect missing threads up front and fall back to one worker, keeping the browser's reason.
  const { workers, status, reason } = workersToUse(largest);
  threadWatch = watchThreads();
  const sides = {};
  for (const name of names) {
    act(name);
    sides[name] = { name, url: config.adapters[name], adapter: await importAdapter(config.adapters[name]), active: workers };
    const curve = new Set(points.filter((point) => point.side === name).map((point) => point.workers)).size > 1;
    if (curve && typeof sides[name].adapter.resize !== 'function') {
      throw new Error('a byo page measures one worker count of an adapter that does not export resize(workers)');
    }
  }

  phase('setup()');
  let poolStartupMs = null;
  for (const side of Object.values(sides)) {
    act(side.name);
    const started = performance.now();
    const params = config.params?.[side.name] ?? {};
    await call(side.adapter, 'setup', { workers, size: Number(config.size), seed: BigInt(config.seed), params });
    // What a page of this side's adapter alone would report: its own setup().
    if (side.name === 'current' || poolStartupMs === null) poolStartupMs = performance.now() - started;
  }
  if (workers > 1) requireSharedMemory(workers);

  phase('step() (first)');
  for (const side of Object.values(sides)) {
    act(side.name);
    side.last = call(side.adapter, 'step');
    side.asynchronous = isPromise(side.last);
    if (side.asynchronous) side.last = await side.last;
    side.step = side.asynchronous
      ? async () => { side.last = await guardedAsync(side.adapter); }
      : () => { side.last = guarded(side.adapter); };
  }
  const timing = await measureBlocks(sides, points, config, workers);
  current = null;
  const notes = timing.warm.steady ? [] : [`warning: [parbench] the iterations were not steady after ${
    Math.round(timing.warm.steadyAfterMs)} ms of warm-up; measured anyway`];
  const notANumber = timing.checksums.find(({ value }) => typeof value === 'number' && !Number.isFinite(value));
  if (notANumber) {
    // Its bits are recorded, and equal in every configuration that ends the same way: that proves nothing.
    notes.push(`${notANumber.from}() returned ${notANumber.value}: not a checksum, so the results are not verified`);
  }
  const checksums = timing.checksums.filter(({ checksum }) => checksum !== null).map(({ point, checksum }) => ({ ...point, checksum }));

  phase('teardown()');
  for (const side of Object.values(sides)) {
    if (typeof side.adapter.teardown !== 'function') continue;
    act(side.name);
    try {
      await side.adapter.teardown();
    } catch (e) {
      const at = firstUserFrame(e);
      notes.push(`${adapterUrl(side.url)}: teardown() threw ${errorText(e, wasmModules)}${at ? ` (at ${at})` : ''}`);
    }
  }
  return {
    status, reason, blocks: measured, checksums, poolStartupMs, steadyAfterMs: timing.warm.steadyAfterMs, workersUsed: workers, notes,
    threads: timing.threads, asyncStepFloorMicros: timing.floorMicros ?? null, modules: describeModules(wasmModules),
  };
}

/**
 * The warm-up (every point, until steady) and one measured iteration per block, in batches of whole
 * steps (../measure.js); an asynchronous step's are awaited one by one (steps.js), with the floor
 * measured on this page. Each point's checksum (its from and value too) and threads are taken
 * after its last block, outside the timed steps. Returns {warm, checksums, threads, floorMicros}.
 */
async function measureBlocks(sides, points, config, poolSize) {
  const at = (point) => {
    act(point.side);
    current = point;
    self.postMessage({ type: 'at', block: point });
  };
  // The step of a point: its side's, on as many workers as the point asks (one in a fallback).
  const stepOf = (point) => {
    const side = sides[point.side];
    const workers = Math.min(point.workers, poolSize);
    if (side.active !== workers) {
      if (isPromise(call(side.adapter, 'resize', workers))) {
        throw new AdapterError('resize() returned a Promise; it must change the worker count before it returns');
      }
      side.active = workers;
    }
    return side.step;
  };
  const steps = points.map((point) => () => { at(point); return stepOf(point); });
  const asynchronous = Object.values(sides).some((side) => side.asynchronous);
  phase('step() (warm-up)');
  const warm = asynchronous
    ? await asyncWarmUpUntilSteady(steps, config.iterationMillis, config.warmup)
    : warmUpUntilSteady(steps, config.iterationMillis, config.warmup);
  const floorMicros = asynchronous ? await asyncStepFloorMicros() : null;
  phase('measure');
  const windows = new Map(points.map((point) => [pointKey(point), threadWatch.window(point.side)]));
  const lastOf = new Map(config.blocks.map((block, i) => [pointKey(block), i]));
  const checksums = [];
  const threads = [];
  for (const [i, block] of config.blocks.entries()) {
    const side = sides[block.side];
    at(block);
    const step = stepOf(block);
    await stats(side.adapter);
    const timed = side.asynchronous ? await asyncTimedBlock(step, config.iterationMillis) : timedBlock(step, config.iterationMillis);
    done(block, timed, await stats(side.adapter));
    windows.get(pointKey(block)).note();
    if (lastOf.get(pointKey(block)) !== i) continue;
    const point = { side: block.side, workers: block.workers };
    phase('checksum()');
    const from = typeof side.adapter.checksum === 'function' ? 'checksum' : 'step';
    const value = from === 'checksum' ? await call(side.adapter, 'checksum') : side.last;
    checksums.push({ point, from, value, checksum: normalizeChecksum(value, from) });
    const adapterThreads = typeof side.adapter.threads === 'function' ? threadCount(await call(side.adapter, 'threads')) : null;
    threads.push({ ...point, threads: windows.get(pointKey(block)).end(), adapterThreads });
    phase('measure');
  }
  return { warm, checksums, threads, floorMicros };
}

/** A measured block (timedBlock's fields, and the adapter's stats() or null), kept and sent to the page as news. */
function done(block, timed, pool) {
  const result = pool ? { ...block, ...timed, pool } : { ...block, ...timed };
  measured.push(result);
  self.postMessage({ type: 'block', block: result });
}

function guarded(adapter) {
  try {
    return adapter.step();
  } catch (e) {
    throw new AdapterError(`step() threw ${errorText(e, wasmModules)}`, { cause: e });
  }
}

async function guardedAsync(adapter) {
  const value = guarded(adapter);
  if (!isPromise(value)) {
    throw new AdapterError('step() returned a Promise the first time and a value now; it must do one or the other');
  }
  try {
    return await value;
  } catch (e) {
    throw new AdapterError(`step() rejected with ${errorText(e, wasmModules)}`, { cause: e });
  }
}

function isPromise(value) {
  return value !== null && typeof value === 'object' && typeof value.then === 'function';
}

/**
 * The adapter's stats() since its last call, as a block's pool accounting ({source: 'adapter',
 * workers: [{busyNs}]}); null without stats(). Its answer is checked: {busyMs: [a time ≥ 0 per worker]}.
 */
async function stats(adapter) {
  if (typeof adapter.stats !== 'function') return null;
  const value = await call(adapter, 'stats');
  const busy = value?.busyMs;
  if (!Array.isArray(busy) || busy.length === 0 || !busy.every((ms) => Number.isFinite(ms) && ms >= 0)) {
    throw new AdapterError(`stats() returned ${JSON.stringify(value) ?? String(value)}; it must return {busyMs: [...]}, each `
      + 'worker\'s busy time in ms since the last call (worker 0 first), every one a number ≥ 0');
  }
  return { source: 'adapter', workers: busy.map((ms) => ({ busyNs: Math.round(ms * 1e6) })) };
}

/** What threads() said, checked: a whole number of threads ≥ 1. */
function threadCount(value) {
  if (Number.isSafeInteger(value) && value >= 1) return value;
  throw new AdapterError(`threads() returned ${JSON.stringify(value) ?? String(value)}; it must return the number of `
    + 'threads the library runs (a whole number ≥ 1)');
}

/** Calls an export, attributing any exception (or rejection) to it. */
function call(adapter, name, ...args) {
  let value;
  try {
    value = adapter[name](...args);
  } catch (e) {
    throw new AdapterError(`${name}() threw ${errorText(e, wasmModules)}`, { cause: e });
  }
  if (isPromise(value)) {
    return value.catch((e) => { throw new AdapterError(`${name}() rejected with ${errorText(e, wasmModules)}`, { cause: e }); });
  }
  return value;
}

async function importAdapter(path) {
  let adapter;
  try {
    adapter = await import(adapterUrl(path));
  } catch (e) {
    throw new AdapterError(`could not be imported: ${sentence(errorText(e))} ${await importHint(e, path)}`, { cause: e });
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

/** Why an import failed, as far as parbench can tell, and what to do. */
async function importHint(e, path) {
  const bare = await bareImports(adapterUrl(path));
  if (bare.length > 0) {
    const where = bare.slice(0, 3).map(({ file, line, specifier }) => `'${specifier}' (${file}:${line})`).join(', ');
    return `It imports ${where}${bare.length > 3 ? ` and ${bare.length - 3} more` : ''} by package name: the adapter runs in `
      + 'a module worker, where import maps do not apply, so every import must be a relative path '
      + "('./node_modules/pkg/dist/index.js') or the adapter bundled into one file "
      + '(npx esbuild src/adapter.js --bundle --format=esm --outfile=adapter.js).';
  }
  if (/module is not defined|exports is not defined|require is not defined/.test(String(e))) {
    return 'It looks like CommonJS; the adapter must be an ES module (export const meta = …; export async function setup …).';
  }
  return 'The adapter must be an ES module that the browser can load (export const meta = …; export async function setup …).';
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
  const names = withMemory.map((m) => m.url ?? '(module bytes of unknown origin)').join(', ');
  throw new AdapterError(`setup() succeeded, but the WebAssembly it instantiated (${names}) has no shared `
    + `memory, so ${workers} workers cannot run it: it was built without threads (atomics and shared memory)`);
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
  const modules = describeModules(wasmModules);
  if (e instanceof AdapterError) {
    const cause = e.cause ?? e;
    return { status: 'failed', reason: e.message, at: firstUserFrame(cause), threadsHint: threadsHint(e), modules };
  }
  return { status: 'failed', reason: `parbench's byo driver failed: ${errorText(e)}`, modules };
}

/** Threads problems have recognisable messages; they deserve a pointer to the fix. */
function threadsHint(e) {
  const text = `${e.message} ${e.cause ? errorText(e.cause, wasmModules) : ''}`;
  return /SharedArrayBuffer|shared memory|shared state|DataCloneError|Atomics|crossOriginIsolated|not shared/i.test(text);
}
