// parbench's pool on the browser side: loads parbench.wasm and starts the W-1 helper workers of a
// W-worker pool (the caller is worker 0). Used by the built-in driver and by the bring-your-own
// example over parbench's own module (bench-wasm/examples/parbench-module).

import { PageWorker } from './page-workers.js';

// Helpers are started from this module's folder, wherever the worker that imports it lives.
const HELPER_URL = new URL('helper.js', import.meta.url);
const HELPER_START_TIMEOUT_MS = 15000;
const POOL_READY_TIMEOUT_MS = 10000;

/**
 * Fetches, compiles and instantiates parbench.wasm on a new shared memory that satisfies the
 * module's declared limits. Resolves to {module, memory, pb} (pb: the exports).
 */
export async function loadModule(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const module = await WebAssembly.compile(bytes);
  const limits = importedMemoryLimits(bytes);
  if (!limits || !limits.shared) {
    throw new Error('parbench.wasm does not import a shared env.memory; build it with bench-wasm/build.sh, '
        + 'whose link flags (bench-wasm/c-flags.sh) make one');
  }
  // The memory we provide must satisfy the module's declared limits (JS cannot ask the module).
  const memory = new WebAssembly.Memory({ initial: limits.initial, maximum: limits.maximum, shared: true });
  const { exports } = await WebAssembly.instantiate(module, moduleImports(memory));
  if (exports.pb_abi_version() !== 1) {
    throw new Error(`parbench.wasm has ABI version ${exports.pb_abi_version()}, this page speaks 1`);
  }
  return { module, memory, pb: exports };
}

const CLOCK_BASE_MS = Date.UTC(2026, 0, 1);

/**
 * What every instance of parbench.wasm imports (the driver's and each helper's): the shared memory
 * and the pool accounting's clock in ms. performance.now() counts from each worker's own time
 * origin; added to performance.timeOrigin it is one clock for all of them, so a wake-up's latency
 * can be taken between two workers. Counted from 2026 rather than 1970, so that the double keeps
 * ns steps (from 1970 its steps are 0.24 us). Modules built before the accounting ignore the clock.
 */
export function moduleImports(memory) {
  const origin = performance.timeOrigin - CLOCK_BASE_MS;
  return { env: { memory, pb_clock_ms: () => origin + performance.now() } };
}

/**
 * Starts the W-1 helpers and waits until all have joined the pool. Worker 0 is the caller: it
 * runs the steps. Resolves to {pool, helpers}.
 *
 * The page starts the helpers (PageWorker), not this worker: in Firefox a worker that constructs
 * a worker can wait forever inside the constructor (bench-wasm/FIREFOX-HANG.md). Where this worker's
 * Worker already starts from the page (byo's driver, whose thread watch wraps it), the helpers go
 * through it, so that they count as the page's threads (the parbench-module example).
 */
export async function startPool(wasm, workers) {
  const { module, memory, pb } = wasm;
  const pool = pb.pb_pool_create(workers);
  if (!pool) throw cError(wasm, `pb_pool_create(${workers})`);
  const helpers = [];
  const entering = [];
  const HelperWorker = self.Worker?.startsFromThePage ? self.Worker : PageWorker;
  for (let index = 1; index < workers; index++) {
    const helper = new HelperWorker(HELPER_URL, { type: 'module' });
    helpers.push(helper);
    entering.push(new Promise((resolve, reject) => {
      helper.onmessage = ({ data }) => {
        if (data.type === 'entering') resolve();
        else reject(new Error(`helper ${index} failed: ${data.message}`));
      };
      // A helper script blocked by COEP/CORP gives an error event without a message.
      helper.onerror = (event) => {
        event.preventDefault();
        reject(new Error(`helper ${index} failed to load: ${event.message
            || 'no message (helper.js blocked by the cross-origin headers, or not served)'}`));
      };
    }));
    // module and memory are shared with the helper, not copied.
    helper.postMessage({ type: 'start', module, memory, pool, index, stackTop: pb.pb_pool_helper_stack(pool, index) });
  }
  // Browsers start workers asynchronously, so yield to the event loop until every helper runs;
  // blocking in pb_pool_wait_ready right away could wait for helpers that never got started.
  await withTimeout(Promise.all(entering), HELPER_START_TIMEOUT_MS,
      `the ${workers - 1} helper workers did not start within ${HELPER_START_TIMEOUT_MS} ms`);
  // "entering" is only a promise to join: the pool's handshake in shared memory is the proof.
  if (pb.pb_pool_wait_ready(pool, POOL_READY_TIMEOUT_MS) !== 0) throw cError(wasm, 'pb_pool_wait_ready');
  return { pool, helpers };
}

/**
 * Whether the module's pool can switch how many of its workers a step uses
 * (pb_pool_use_workers); modules built before it cannot, and need a pool per worker count.
 */
export function resizable(wasm) {
  return typeof wasm.pb.pb_pool_use_workers === 'function';
}

/**
 * From the next step on, the steps of `team`'s pool run on `workers` of its workers (1 up to
 * the count it was started with), as in a pool of that many; the other helpers park, asleep.
 * Returns once they have (or, taking helpers back, once those are awake). Call it between
 * steps, from the worker that runs them.
 */
export function usePoolWorkers(wasm, team, workers) {
  if (!resizable(wasm)) {
    throw new Error(`this parbench.wasm cannot switch its pool to ${workers} workers: it was built before `
        + 'pb_pool_use_workers; start a pool of that many instead, or rebuild the module');
  }
  if (wasm.pb.pb_pool_use_workers(team.pool, workers) !== 0) throw cError(wasm, `pb_pool_use_workers(${workers})`);
}

/** Whether the module keeps the pool's accounting (pb_pool_stats_*); older modules do not. */
export function accounted(wasm) {
  return typeof wasm.pb.pb_pool_stats_read === 'function';
}

/** Starts a window of the pool's accounting (call it between steps, right before the steps to account). */
export function resetPoolStats(wasm, team) {
  if (wasm.pb.pb_pool_stats_reset(team.pool) !== 0) throw cError(wasm, 'pb_pool_stats_reset');
}

/**
 * What the pool's workers did since resetPoolStats (parbench.h, "Accounting"): {windowNs, active,
 * workers: [{busyNs, searchingNs, asleepNs, parkedNs, steals, failedSteals, sleeps, wakeups,
 * wakeLatencyNs, regions}, one per worker]}, as Numbers.
 */
export function readPoolStats(wasm, team) {
  const address = wasm.pb.pb_pool_stats_read(team.pool);
  if (!address) throw cError(wasm, 'pb_pool_stats_read');
  const values = new BigInt64Array(wasm.memory.buffer, address, wasm.pb.pb_pool_stats_size(team.pool));
  const at = (i) => Number(values[i]);
  const [recordLength, workers, active, windowNs] = [0, 1, 2, 3].map(at);
  const fields = ['busyNs', 'searchingNs', 'asleepNs', 'parkedNs', 'steals', 'failedSteals', 'sleeps', 'wakeups',
    'wakeLatencyNs', 'regions'];
  const records = [];
  for (let w = 0; w < workers; w++) {
    records.push(Object.fromEntries(fields.map((field, f) => [field, at(STATS_HEADER + w * recordLength + f)])));
  }
  return { windowNs, active, workers: records };
}

const STATS_HEADER = 4; // parbench.h: PB_STATS_HEADER

/** Stops the pool and its helper workers. */
export function stopPool(wasm, { pool, helpers }) {
  wasm.pb.pb_pool_destroy(pool);
  helpers.forEach((helper) => helper.terminate());
}

export function kernelId(wasm, name) {
  const names = [];
  for (let id = 0; id < wasm.pb.pb_kernel_count(); id++) names.push(cString(wasm.memory, wasm.pb.pb_kernel_name(id)));
  const id = names.indexOf(name);
  if (id < 0) throw new Error(`unknown kernel '${name}'; parbench.wasm has: ${names.join(', ')}`);
  return id;
}

/** The C library's own explanation of its last failure. */
export function cError(wasm, call) {
  return new Error(`${call} failed: ${cString(wasm.memory, wasm.pb.pb_last_error())}`);
}

function cString(memory, address) {
  // A fresh view each time (the memory may have grown); slice() copies out of the shared
  // buffer because TextDecoder refuses views of a SharedArrayBuffer.
  const bytes = new Uint8Array(memory.buffer);
  const end = bytes.indexOf(0, address);
  return new TextDecoder().decode(bytes.slice(address, end));
}

/** Page limits {initial, maximum, shared} of the module's memory import, read from its bytes. */
function importedMemoryLimits(bytes) {
  let at = 8; // after the magic number and the version
  const u32 = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return value;
    }
  };
  const skipName = () => {
    const length = u32();
    at += length;
  };
  const limits = () => {
    const flags = bytes[at++];
    const initial = u32();
    return { initial, maximum: flags & 1 ? u32() : undefined, shared: (flags & 2) !== 0 };
  };
  while (at < bytes.length) {
    const section = bytes[at++];
    const end = u32() + at;
    if (section === 2) { // the import section
      for (let count = u32(); count > 0; count--) {
        skipName(); // module
        skipName(); // field
        const kind = bytes[at++];
        if (kind === 2) return limits();
        if (kind === 0) u32(); // function: type index
        else if (kind === 1) { at++; limits(); } // table: element type, limits
        else if (kind === 3) at += 2; // global: value type, mutability
        else if (kind === 4) { at++; u32(); } // tag: attribute, type index
      }
    }
    at = end;
  }
  return null;
}

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
