// parbench driver worker: owns the wasm module, starts the pool and measures.
//
// Messages from the page: {type: 'probe'} or {type: 'run', config} with config =
//   {kernel, size, seed, workers, warmupIterations, iterations, iterationMillis,
//    testOnlyHangInStep?}   (size and seed are decimal strings: they are 64-bit)
// Messages to the page: {type: 'phase', phase} as it goes, then one {type: 'result', result}.
// Logs (errors, warnings) go to the page through the 'parbench-log' broadcast channel.

const WASM_URL = '../wasm/parbench.wasm';
const HELPER_URL = 'helper.js';
const HELPER_START_TIMEOUT_MS = 15000;
const POOL_READY_TIMEOUT_MS = 10000;

const log = new BroadcastChannel('parbench-log');

self.onmessage = async ({ data }) => {
  let result;
  try {
    result = data.type === 'probe' ? probe() : await run(data.config);
  } catch (e) {
    // Our own errors carry a sentence; keep the name of anything else (e.g. "RuntimeError: unreachable").
    result = { status: 'failed', reason: e.name === 'Error' ? e.message : String(e) };
  }
  self.postMessage({ type: 'result', result });
};

function phase(name) {
  self.postMessage({ type: 'phase', phase: name });
}

function probe() {
  const sharingError = memorySharingError();
  return { timerResolutionMs: timerResolutionMs(), wasmThreads: sharingError === null, wasmThreadsError: sharingError };
}

async function run(config) {
  phase('load');
  const wasm = await loadModule();
  const kernel = kernelId(wasm, config.kernel);

  // Detect missing threads up front and fall back to one worker, keeping the browser's reason.
  let workers = config.workers;
  let status = 'ok';
  let reason = null;
  if (workers > 1) {
    const error = memorySharingError();
    if (error !== null) {
      status = 'fallback';
      reason = `threads unavailable, measured with 1 worker instead of ${workers}: ${error}`;
      workers = 1;
    }
  }

  phase('pool');
  const started = performance.now();
  const { pool, helpers } = await startPool(wasm, workers);
  const poolStartupMs = performance.now() - started;

  phase('input');
  const { pb } = wasm;
  // i64 parameters take BigInt; wasm wraps them to 64 bits, so an unsigned seed works too.
  const bench = pb.pb_bench_create(pool, kernel, BigInt(config.size), BigInt(config.seed));
  if (!bench) throw cError(wasm, 'pb_bench_create');
  const step = () => {
    if (pb.pb_bench_step(bench) !== 0) throw cError(wasm, 'pb_bench_step');
  };

  phase('warmup');
  for (let i = 0; i < config.warmupIterations; i++) iteration(step, config.iterationMillis);
  phase('measure');
  if (config.testOnlyHangInStep) hangForeverForTests();
  const samples = [];
  for (let i = 0; i < config.iterations; i++) samples.push(iteration(step, config.iterationMillis));

  phase('checksum');
  // The checksum is a u64 returned as i64, i.e. a signed BigInt: reinterpret it as unsigned.
  const checksum = BigInt.asUintN(64, pb.pb_bench_checksum(bench)).toString(16).padStart(16, '0');
  pb.pb_bench_destroy(bench);
  pb.pb_pool_destroy(pool);
  helpers.forEach((helper) => helper.terminate());
  return { status, reason, samples, checksum, poolStartupMs };
}

/** One iteration: whole steps until `ms` have passed; returns steps per second. */
function iteration(step, ms) {
  const start = performance.now();
  let steps = 0;
  let elapsed;
  do {
    step();
    steps++;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return steps / (elapsed / 1000);
}

async function loadModule() {
  const response = await fetch(WASM_URL);
  if (!response.ok) throw new Error(`could not load ${WASM_URL}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const module = await WebAssembly.compile(bytes);
  const limits = importedMemoryLimits(bytes);
  if (!limits || !limits.shared) {
    throw new Error('parbench.wasm does not import a shared env.memory; build it with '
        + '--import-memory --shared-memory --max-memory');
  }
  // The memory we provide must satisfy the module's declared limits (JS cannot ask the module).
  const memory = new WebAssembly.Memory({ initial: limits.initial, maximum: limits.maximum, shared: true });
  const { exports } = await WebAssembly.instantiate(module, { env: { memory } });
  if (exports.pb_abi_version() !== 1) {
    throw new Error(`parbench.wasm has ABI version ${exports.pb_abi_version()}, this page speaks 1`);
  }
  return { module, memory, pb: exports };
}

/**
 * Starts the W-1 helpers and waits until all have joined the pool. Worker 0 is this driver: it
 * runs the steps. Resolves to {pool, helpers}.
 */
async function startPool(wasm, workers) {
  const { module, memory, pb } = wasm;
  const pool = pb.pb_pool_create(workers);
  if (!pool) throw cError(wasm, `pb_pool_create(${workers})`);
  const helpers = [];
  const entering = [];
  for (let index = 1; index < workers; index++) {
    const helper = new Worker(HELPER_URL, { type: 'module' });
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

function kernelId(wasm, name) {
  const names = [];
  for (let id = 0; id < wasm.pb.pb_kernel_count(); id++) names.push(cString(wasm.memory, wasm.pb.pb_kernel_name(id)));
  const id = names.indexOf(name);
  if (id < 0) throw new Error(`unknown kernel '${name}'; parbench.wasm has: ${names.join(', ')}`);
  return id;
}

/** The C library's own explanation of its last failure. */
function cError(wasm, call) {
  return new Error(`${call} failed: ${cString(wasm.memory, wasm.pb.pb_last_error())}`);
}

function cString(memory, address) {
  // A fresh view each time (the memory may have grown); slice() copies out of the shared
  // buffer because TextDecoder refuses views of a SharedArrayBuffer.
  const bytes = new Uint8Array(memory.buffer);
  const end = bytes.indexOf(0, address);
  return new TextDecoder().decode(bytes.slice(address, end));
}

/**
 * The browser's exact error when a shared WebAssembly.Memory cannot be posted to a worker, or
 * null when it can. Without cross-origin isolation creating the memory works but posting it
 * throws a DataCloneError, so try exactly what the pool will do.
 */
function memorySharingError() {
  let worker;
  try {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    worker = new Worker(HELPER_URL, { type: 'module' });
    worker.postMessage({ type: 'ping', memory });
    return null;
  } catch (e) {
    return `${e.name}: ${e.message}`;
  } finally {
    worker?.terminate();
  }
}

/** The smallest nonzero step of performance.now() in ms (coarsened when not isolated). */
function timerResolutionMs() {
  let smallest = Infinity;
  let last = performance.now();
  const until = last + 20;
  while (last < until) {
    const now = performance.now();
    if (now > last) {
      smallest = Math.min(smallest, now - last);
      last = now;
    }
  }
  return smallest;
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

/** TEST-ONLY (config.testOnlyHangInStep): a step that never returns, for the harness's watchdog test. */
function hangForeverForTests() {
  log.postMessage({ level: 'warn', text: 'test-only: this step never returns (testOnlyHangInStep)' });
  const cell = new Int32Array(new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer);
  Atomics.wait(cell, 0, 0);
}
