// Smoke test of parbench.wasm under node: instantiates it on a shared memory, starts W-1
// helpers in worker_threads following the ABI protocol (parbench.h), runs every kernel at
// W = 1..4 at its quick size, and at every active count of a pool of 4 (pb_pool_use_workers),
// and compares the checksums with the native library's. Also checks how many kernel steps a
// call runs, that the helpers a pool of 8 leaves out at one worker use no CPU and all run
// again at 8, that pools and benches can be created and destroyed repeatedly without the
// memory growing, that a size beyond the 1 GiB maximum is refused with a message, that the
// start-up handshake times out when helpers never come, and that worker counts a pool cannot
// use are refused, also through the page's pool.js (resizable, usePoolWorkers), which tells a
// module built before pb_pool_use_workers from one built after; and the pool's accounting through
// pool.js (readPoolStats), with what its clock (an import, performance.now()) costs a reading.
//
// Usage: node wasm-smoke.mjs <parbench.wasm> <quick-checksums.txt from test_kernels> [--extra-work-percent P]
// With P (a build slowed for calibration), only the checksums and the kernel steps per call
// ((100 + P)% of the calls) are checked.
import { readFileSync, readdirSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  accounted, moduleImports, readPoolStats, resetPoolStats, resizable, usePoolWorkers,
} from '../../main/js/pool.js';

const PB_OK = 0;
const PB_ERR_NOMEM = 3;
const PB_ERR_WORKERS = 4;
const PB_ERR_THREAD = 5;
const PB_ERR_STATE = 6;
const PAGES_INITIAL = 32; // the module's declared minimum (build.sh: --initial-memory)
const PAGES_MAXIMUM = 16384; // 1 GiB, the module's declared maximum

// This process's threads (Linux), and the CPU time one of them has used, in ms.
const threads = () => readdirSync('/proc/self/task');
const threadCpuMs = (tid) => Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;

if (!isMainThread) {
  // A helper: own instance on the shared memory, own shadow stack, then the pool's loop.
  const { module, memory, pool, index, stackTop } = workerData;
  const { exports } = new WebAssembly.Instance(module, moduleImports(memory));
  exports.pb_stack_enter(stackTop);
  exports.pb_worker_main(pool, index);
  parentPort.postMessage('left');
} else if (process.argv.length === 4) {
  await main(process.argv[2], process.argv[3], 0);
} else if (process.argv.length === 6 && process.argv[4] === '--extra-work-percent') {
  await main(process.argv[2], process.argv[3], Number(process.argv[5]));
} else {
  console.error('usage: node wasm-smoke.mjs <parbench.wasm> <quick-checksums.txt> [--extra-work-percent P]');
  process.exitCode = 2;
}

async function main(wasmPath, checksumPath, extraWorkPercent) {
  const expected = new Map(
    readFileSync(checksumPath, 'utf8').trim().split('\n').map((line) => {
      const [name, size, seed, checksum] = line.split(' ');
      return [name, { size: BigInt(size), seed: BigInt(seed), checksum: BigInt(checksum) }];
    }));
  const memory = new WebAssembly.Memory({ initial: PAGES_INITIAL, maximum: PAGES_MAXIMUM, shared: true });
  const module = new WebAssembly.Module(readFileSync(wasmPath));
  const pb = new WebAssembly.Instance(module, moduleImports(memory)).exports;
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

  // One pool of 4, one bench per kernel stepped at active counts up and down: the same checksums.
  {
    const { pool, stop } = await startPool(4);
    for (let k = 0; k < kernels; k++) {
      const name = text(pb.pb_kernel_name(k));
      const want = expected.get(name);
      const bench = pb.pb_bench_create(pool, k, want.size, want.seed);
      for (const active of [1, 2, 3, 4, 2, 1, 4]) {
        check(pb.pb_pool_use_workers(pool, active) === PB_OK, `use_workers(${active}): ${text(pb.pb_last_error())}`);
        pb.pb_bench_step(bench);
        const got = BigInt.asUintN(64, pb.pb_bench_checksum(bench));
        check(got === want.checksum, `${name} at ${active} of 4 workers: wasm checksum ${got}, native ${want.checksum}`);
      }
      pb.pb_bench_destroy(bench);
    }
    check(pb.pb_pool_workers(pool) === 4, `pb_pool_workers of a pool of 4 using 4: ${pb.pb_pool_workers(pool)}`);
    await stop();
  }

  // The kernel's step runs floor(calls * (100 + P) / 100) times, and the checksum stays.
  {
    const { pool, stop } = await startPool(2);
    const want = expected.get('forkjoin');
    const bench = pb.pb_bench_create(pool, 6, want.size, want.seed);
    let wrongCount = 0;
    let wrongChecksum = 0;
    for (let calls = 1n; calls <= 200n; calls++) {
      pb.pb_bench_step(bench);
      if (pb.pb_bench_kernel_steps(bench) !== calls * BigInt(100 + extraWorkPercent) / 100n) wrongCount++;
      if (BigInt.asUintN(64, pb.pb_bench_checksum(bench)) !== want.checksum) wrongChecksum++;
    }
    check(wrongCount === 0, `${wrongCount} of 200 calls left a kernel step count other than floor(calls * ${100 + extraWorkPercent} / 100); `
      + `after 200: ${pb.pb_bench_kernel_steps(bench)}`);
    check(wrongChecksum === 0, `${wrongChecksum} of 200 steps had a wrong checksum`);
    pb.pb_bench_destroy(bench);
    await stop();
  }
  if (extraWorkPercent > 0) {
    console.log(`wasm-smoke: ${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 ? 0 : 1;
    return;
  }

  // The accounting, through pool.js: at 1 of 4 workers worker 0 neither searches nor sleeps nor
  // steals and the helpers are parked all along; forkjoin enters one region a step from 2
  // workers on (none at 1: a single leaf); every worker's times add up to the window (1 ms of
  // slack, for a worker changing state while it is read). And what the clock costs.
  {
    const wasm = { module, memory, pb };
    check(accounted(wasm), 'pool.js: this module must keep the accounting');
    // The fastest of three: the first runs before the engine has optimised the import's caller.
    const probes = [1, 2, 3].map(() => {
      const probe = pb.pb_clock_probe(100000);
      return probe ? [0, 1].map((i) => Number(new BigInt64Array(memory.buffer, probe, 2)[i])) : [0, 0];
    });
    const [probeNs, stepNs] = probes.reduce((a, b) => (b[0] < a[0] ? b : a));
    check(probeNs > 0 && stepNs > 0, `pb_clock_probe: the clock never moved (${probeNs} ns, steps ${stepNs})`);
    console.log(`wasm-smoke: the accounting's clock (performance.now() through an import): ${(probeNs / 99999).toFixed(1)} ns `
      + `a reading, steps of ${stepNs} ns`);
    const team = await startPool(4);
    const want = expected.get('forkjoin');
    const bench = pb.pb_bench_create(team.pool, kernelId('forkjoin'), want.size, want.seed);
    const addsUp = (stats, what) => stats.workers.forEach((r, w) => {
      const off = r.busyNs + r.searchingNs + r.asleepNs + r.parkedNs - stats.windowNs;
      check(off >= 0 && off < 1e6, `${what}: worker ${w}'s times are ${off} ns off the window of ${stats.windowNs} ns`);
    });
    for (const active of [1, 2, 4]) {
      usePoolWorkers(wasm, team, active);
      pb.pb_bench_step(bench);
      resetPoolStats(wasm, team);
      for (let i = 0; i < 10; i++) pb.pb_bench_step(bench);
      const stats = readPoolStats(wasm, team);
      const [zero, ...helpers] = stats.workers;
      check(stats.active === active && stats.workers.length === 4, `stats at ${active} of 4: active ${stats.active}`);
      check(zero.regions === (active === 1 ? 0 : 10), `forkjoin at ${active} of 4: ${zero.regions} regions in 10 steps`);
      check(helpers.every((r) => r.regions === 0), `forkjoin at ${active} of 4: helpers entered regions`);
      if (active === 1) {
        check(zero.searchingNs === 0 && zero.asleepNs === 0 && zero.steals === 0 && zero.sleeps === 0
          && zero.busyNs === stats.windowNs, `at 1 of 4 worker 0 ${JSON.stringify(zero)}, window ${stats.windowNs}`);
        check(helpers.every((r) => r.parkedNs === stats.windowNs && r.steals === 0),
          `at 1 of 4 the helpers were not parked all along: ${JSON.stringify(helpers)}`);
      }
      addsUp(stats, `forkjoin at ${active} of 4`);
    }
    pb.pb_bench_destroy(bench);
    await team.stop();
  }

  // One worker in a pool of 8 is a pool of one: the 7 helper threads park in
  // memory.atomic.wait32 and use no CPU during ~300 ms of steps (each under 2% of what this
  // thread, the controller, used meanwhile, or under 1 ms, the end of parking: a spinning
  // helper would get about as much as the controller however loaded the machine is); back at
  // 8, every helper runs again. Each thread's CPU time is the kernel's
  // (/proc/self/task/*/schedstat; this thread's id is the process id).
  {
    const before = new Set(threads());
    const { pool, stop } = await startPool(8);
    const helpers = threads().filter((tid) => !before.has(tid));
    check(helpers.length === 7, `a pool of 8 started ${helpers.length} threads, expected 7`);
    const want = expected.get('nbody');
    const bench = pb.pb_bench_create(pool, 3, want.size, want.seed);
    for (let i = 0; i < 20; i++) pb.pb_bench_step(bench); // the engine finishes optimising
    check(pb.pb_pool_use_workers(pool, 1) === PB_OK, `use_workers(1): ${text(pb.pb_last_error())}`);
    const parkedStart = helpers.map(threadCpuMs);
    const controllerStart = threadCpuMs(process.pid);
    const start = performance.now();
    let wrong = 0;
    do {
      pb.pb_bench_step(bench);
      if (BigInt.asUintN(64, pb.pb_bench_checksum(bench)) !== want.checksum) wrong++;
    } while (performance.now() - start < 300);
    const wall = performance.now() - start;
    const controller = threadCpuMs(process.pid) - controllerStart;
    const used = helpers.map((tid, i) => threadCpuMs(tid) - parkedStart[i]);
    used.forEach((ms, i) => check(ms < 0.02 * controller || ms < 1, `parked helper thread ${helpers[i]} used ${ms.toFixed(2)} ms `
      + `of CPU while the controller used ${controller.toFixed(0)} ms stepping at 1 of 8 workers`));
    console.log(`wasm-smoke: ${wall.toFixed(0)} ms of steps at 1 of 8 workers (the controller's CPU: `
      + `${controller.toFixed(0)} ms); the busiest parked helper used ${Math.max(...used).toFixed(3)} ms of CPU`);
    check(wrong === 0, `${wrong} steps at 1 of 8 workers had a wrong checksum`);
    // Back at 8: steps until every helper has used CPU again (10 s at most, an event, not a time).
    check(pb.pb_pool_use_workers(pool, 8) === PB_OK, `use_workers(8): ${text(pb.pb_last_error())}`);
    const activeStart = helpers.map(threadCpuMs);
    const idle = () => helpers.filter((tid, i) => threadCpuMs(tid) <= activeStart[i]);
    for (const until = performance.now() + 10000; idle().length > 0 && performance.now() < until;) pb.pb_bench_step(bench);
    check(idle().length === 0, `helper threads ${idle().join(', ')} used no CPU in steps back at 8 workers`);
    check(BigInt.asUintN(64, pb.pb_bench_checksum(bench)) === want.checksum, 'nbody back at 8 workers: wrong checksum');
    pb.pb_bench_destroy(bench);
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

  // Worker counts the pool cannot use: refused, with the range; pool.js says so in the page's terms.
  {
    const { pool, stop } = await startPool(3);
    for (const workers of [0, 4]) {
      check(pb.pb_pool_use_workers(pool, workers) === PB_ERR_WORKERS
        && text(pb.pb_last_error()).includes(`a pool of 3 workers can use 1 to 3 of them but ${workers} were asked for`),
        `use_workers(${workers}) of 3: status ${pb.pb_last_status()}, message "${text(pb.pb_last_error())}"`);
    }
    const wasm = { module, memory, pb };
    check(resizable(wasm), 'pool.js: this module must be resizable');
    const thrown = (call) => { try { call(); return null; } catch (e) { return e.message; } };
    check(thrown(() => usePoolWorkers(wasm, { pool }, 2)) === null, 'pool.js: usePoolWorkers(2) of 3');
    const refused = thrown(() => usePoolWorkers(wasm, { pool }, 4));
    check(refused === 'pb_pool_use_workers(4) failed: a pool of 3 workers can use 1 to 3 of them but 4 were asked for; '
      + 'pass a count in that range, or create the pool with the largest count you will use',
      `pool.js: usePoolWorkers(4) of 3 threw ${refused}`);
    // A module built before pb_pool_use_workers: the same module with that export renamed.
    const bytes = readFileSync(wasmPath);
    const name = Buffer.from('pb_pool_use_workers');
    bytes.set(Buffer.from('pb_pool_use_workerz'), bytes.indexOf(name));
    const olderPb = new WebAssembly.Instance(new WebAssembly.Module(bytes), moduleImports(memory)).exports;
    const older = { module, memory, pb: olderPb };
    check(!resizable(older), 'pool.js: a module without pb_pool_use_workers must not be resizable');
    const unsupported = thrown(() => usePoolWorkers(older, { pool }, 1));
    check(unsupported?.startsWith('this parbench.wasm cannot switch its pool to 1 workers: it was built before '
      + 'pb_pool_use_workers'), `pool.js: usePoolWorkers on an older module threw ${unsupported}`);
    await stop();
  }

  // Helpers that never start: the handshake times out and says what to do, and the pool
  // cannot switch worker counts (it would wait for helpers that never park).
  const lonely = pb.pb_pool_create(3);
  check(pb.pb_pool_helper_stack(lonely, 3) === 0 && pb.pb_last_status() === PB_ERR_STATE,
    'pb_pool_helper_stack of index W must be refused');
  check(pb.pb_pool_use_workers(lonely, 1) === PB_ERR_STATE && text(pb.pb_last_error()).includes('after pb_pool_wait_ready'),
    `use_workers before the helpers entered: status ${pb.pb_last_status()}, message "${text(pb.pb_last_error())}"`);
  check(pb.pb_pool_wait_ready(lonely, 30) === PB_ERR_THREAD &&
    text(pb.pb_last_error()).includes("0 of the pool's 2 helpers became ready within 30 ms"),
    `wait_ready without helpers: status ${pb.pb_last_status()}, message "${text(pb.pb_last_error())}"`);
  pb.pb_pool_destroy(lonely);

  console.log(`wasm-smoke: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}
