// parbench adapter over parbench's own module: the built-in C kernels (parbench.wasm and its
// pool script, copied beside this file by ../build.sh) behind the bring-your-own contract, to
// show that byo measures what the built-in chromium engine measures.
// Run: parbench run --engines chromium,byo --adapter bench-wasm/target/examples/parbench-module/adapter.js \
//        --adapter-param kernel=nbody --kernels nbody --sizes 512
// The kernel is a parameter (default nbody); its checksum equals the built-in engine's.
// spin=F (e.g. --adapter-param spin=0.1) makes every step F times longer: after the kernel's step
// the driver busy-waits for F times the step's measured duration (the helpers sleep meanwhile),
// so throughput falls to 1/(1+F) at every worker count while the answer stays the same. It is a
// known, real slowdown for checking that 'parbench compare' catches one (GATE.md).
// stats() hands parbench the pool's own accounting (each worker's busy time), so byo gets the same
// "where the speedup goes" as the built-in engine (examples README, "Where the time went").
import {
  accounted, cError, kernelId, loadModule, readPoolStats, resetPoolStats, startPool, stopPool, usePoolWorkers,
} from './pool.js';

export const meta = { name: 'parbench-module', unit: 'step', defaultSize: 512 };
// Two of these adapters can share a page (compare's A and B side by side): each instance loads
// its own parbench.wasm instance with its own memory and pool; pool.js keeps no state of its own.
export const sharesPage = true;

let wasm;
let team;
let bench;
let spin = 0;
let active; // the workers the steps use now: setup's, then resize's

export async function setup({ workers, size, seed, params }) {
  spin = Number(params.spin ?? 0);
  if (!(spin >= 0 && spin <= 10)) throw new RangeError(`spin=${params.spin}: give a fraction of the step's time between 0 and 10`);
  wasm = await loadModule(new URL('parbench.wasm', import.meta.url));
  const kernel = kernelId(wasm, params.kernel ?? 'nbody');
  team = await startPool(wasm, workers);
  active = workers;
  bench = wasm.pb.pb_bench_create(team.pool, kernel, BigInt(size), seed);
  if (!bench) throw cError(wasm, 'pb_bench_create');
}

export function step() {
  const start = spin > 0 ? performance.now() : 0;
  if (wasm.pb.pb_bench_step(bench) !== 0) throw cError(wasm, 'pb_bench_step');
  if (spin > 0) {
    const until = performance.now() + spin * (performance.now() - start);
    while (performance.now() < until) { /* spin: the knob's extra work */ }
  }
}

// A whole curve per page: parbench sets the pool up at the plan's largest W and calls this between
// blocks; the pool's workers beyond `workers` park (asleep, no spinning) until they are asked back.
export function resize(workers) {
  usePoolWorkers(wasm, team, workers);
  active = workers;
}

// Each worker's busy time since the last call (the workers in use): the pool's accounting read, then started afresh.
export function stats() {
  if (!accounted(wasm)) throw new Error('this parbench.wasm was built without the pool\'s accounting (PB_STATS=0)');
  const { workers } = readPoolStats(wasm, team);
  resetPoolStats(wasm, team);
  return { busyMs: workers.slice(0, active).map((w) => w.busyNs / 1e6) };
}

// Outside the timed steps, as the built-in engine does: the checksum of the last step's output.
export function checksum() {
  return wasm.pb.pb_bench_checksum(bench);
}

export async function teardown() {
  wasm.pb.pb_bench_destroy(bench);
  stopPool(wasm, team);
}
