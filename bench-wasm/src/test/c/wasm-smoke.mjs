// Smoke test of parbench.wasm under node: instantiates it on a shared memory, starts W-1
// helpers in worker_threads following the ABI protocol (parbench.h), runs every kernel at
// W = 1..4 at its quick size and compares the checksums with the native library's.
// Also checks that pools and benches can be created and destroyed repeatedly without the
// memory growing, that a size beyond the 1 GiB maximum is refused with a message, and
// that the start-up handshake times out when helpers never come.
//
// Usage: node wasm-smoke.mjs <parbench.wasm> <quick-checksums.txt from test_kernels>
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const PB_OK = 0;
const PB_ERR_NOMEM = 3;
const PB_ERR_THREAD = 5;
const PB_ERR_STATE = 6;
const PAGES_INITIAL = 32; // the module's declared minimum (build.sh: --initial-memory)
const PAGES_MAXIMUM = 16384; // 1 GiB, the module's declared maximum

if (!isMainThread) {
  // A helper: own instance on the shared memory, own shadow stack, then the pool's loop.
  const { module, memory, pool, index, stackTop } = workerData;
  const { exports } = new WebAssembly.Instance(module, { env: { memory } });
  exports.pb_stack_enter(stackTop);
  exports.pb_worker_main(pool, index);
  parentPort.postMessage('left');
} else {
  await main(process.argv[2], process.argv[3]);
}

async function main(wasmPath, checksumPath) {
  const expected = new Map(
    readFileSync(checksumPath, 'utf8').trim().split('\n').map((line) => {
      const [name, size, seed, checksum] = line.split(' ');
      return [name, { size: BigInt(size), seed: BigInt(seed), checksum: BigInt(checksum) }];
    }));
  const memory = new WebAssembly.Memory({ initial: PAGES_INITIAL, maximum: PAGES_MAXIMUM, shared: true });
  const module = new WebAssembly.Module(readFileSync(wasmPath));
  const pb = new WebAssembly.Instance(module, { env: { memory } }).exports;
  const text = (address) => {
    const bytes = new Uint8Array(memory.buffer);
    let end = address;
    while (bytes[end] !== 0) end++;
    return Buffer.from(bytes.slice(address, end)).toString('utf8');
  };
  let passed = 0;
  let failed = 0;
  const check = (ok, message) => {
    if (ok) passed++;
    else {
      failed++;
      console.error(`FAILED ${message}`);
    }
  };

  const startPool = async (workers) => {
    const pool = pb.pb_pool_create(workers);
    if (pool === 0) throw new Error(`pb_pool_create(${workers}): ${text(pb.pb_last_error())}`);
    const helpers = [];
    for (let i = 1; i < workers; i++) {
      const stackTop = pb.pb_pool_helper_stack(pool, i);
      const worker = new Worker(new URL(import.meta.url), { workerData: { module, memory, pool, index: i, stackTop } });
      helpers.push(new Promise((resolve, reject) => {
        worker.on('error', reject);
        worker.on('exit', resolve);
      }));
    }
    const ready = pb.pb_pool_wait_ready(pool, 20000);
    if (ready !== PB_OK) throw new Error(`pb_pool_wait_ready: ${text(pb.pb_last_error())}`);
    return { pool, stop: async () => { pb.pb_pool_destroy(pool); await Promise.all(helpers); } };
  };

  const kernels = pb.pb_kernel_count();
  check(kernels === expected.size, `pb_kernel_count() = ${kernels}, native has ${expected.size}`);
  const kernelId = (name) => {
    for (let k = 0; k < kernels; k++) if (text(pb.pb_kernel_name(k)) === name) return k;
    throw new Error(`parbench.wasm has no kernel ${name}`);
  };
  for (let workers = 1; workers <= 4; workers++) {
    const { pool, stop } = await startPool(workers);
    for (let k = 0; k < kernels; k++) {
      const name = text(pb.pb_kernel_name(k));
      const want = expected.get(name);
      check(want && pb.pb_kernel_default_size(k, 0) === want.size, `${name}: quick size`);
      const bench = pb.pb_bench_create(pool, k, want.size, want.seed);
      check(bench !== 0, `${name} W=${workers}: pb_bench_create: ${text(pb.pb_last_error())}`);
      check(pb.pb_bench_step(bench) === PB_OK && pb.pb_bench_step(bench) === PB_OK, `${name}: step`);
      const got = BigInt.asUintN(64, pb.pb_bench_checksum(bench));
      check(got === want.checksum, `${name} W=${workers}: wasm checksum ${got}, native ${want.checksum}`);
      pb.pb_bench_destroy(bench);
    }
    await stop();
  }

  // A pool at rest: its helpers sleep in memory.atomic.wait32 instead of spinning. The
  // steps first let the engine finish optimising (background compiles also use CPU).
  {
    const { pool, stop } = await startPool(3);
    const bench = pb.pb_bench_create(pool, kernelId('nbody'), 256n, 42n);
    for (let i = 0; i < 20; i++) pb.pb_bench_step(bench);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const used = process.cpuUsage(before);
    const ms = (used.user + used.system) / 1000;
    check(ms < 50, `an idle wasm pool of 3 workers used ${ms.toFixed(1)} ms of CPU in 500 ms`);
    pb.pb_bench_destroy(bench);
    await stop();
  }

  // Repeated create/destroy must reuse the freed memory.
  const churn = async () => {
    const { pool, stop } = await startPool(3);
    const bench = pb.pb_bench_create(pool, kernelId('sort'), 100000n, 1n);
    pb.pb_bench_step(bench);
    pb.pb_bench_destroy(bench);
    await stop();
  };
  await churn();
  const bytes = memory.buffer.byteLength;
  for (let round = 0; round < 20; round++) await churn();
  check(memory.buffer.byteLength === bytes, `memory grew from ${bytes} to ${memory.buffer.byteLength} bytes over 20 pools`);

  // Beyond the 1 GiB maximum: refused, with the reason.
  const { pool, stop } = await startPool(1);
  check(pb.pb_bench_create(pool, kernelId('sum'), 1n << 28n, 42n) === 0, 'sum of 2^28 doubles (2 GiB) must be refused');
  check(pb.pb_last_status() === PB_ERR_NOMEM && text(pb.pb_last_error()).includes('1 GiB'),
    `2 GiB sum: status ${pb.pb_last_status()}, message "${text(pb.pb_last_error())}"`);
  const bench = pb.pb_bench_create(pool, kernelId('forkjoin'), 1024n, 42n);
  check(bench !== 0 && pb.pb_last_status() === PB_OK, 'a bench after a refused one');
  pb.pb_bench_destroy(bench);
  await stop();

  // Helpers that never start: the handshake times out and says what to do.
  const lonely = pb.pb_pool_create(3);
  check(pb.pb_pool_helper_stack(lonely, 3) === 0 && pb.pb_last_status() === PB_ERR_STATE,
    'pb_pool_helper_stack of index W must be refused');
  check(pb.pb_pool_wait_ready(lonely, 30) === PB_ERR_THREAD &&
    text(pb.pb_last_error()).includes("0 of the pool's 2 helpers became ready within 30 ms"),
    `wait_ready without helpers: status ${pb.pb_last_status()}, message "${text(pb.pb_last_error())}"`);
  pb.pb_pool_destroy(lonely);

  console.log(`wasm-smoke: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}
