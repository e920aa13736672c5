// parbench adapter over parbench's own module: the built-in C kernels (parbench.wasm and its
// pool script, copied beside this file by ../build.sh) behind the bring-your-own contract, to
// show that byo measures what the built-in chromium engine measures.
// Run: parbench run --engines chromium,byo --adapter bench-wasm/target/examples/parbench-module/adapter.js \
//        --adapter-param kernel=nbody --kernels nbody --sizes 512
// The kernel is a parameter (default nbody); its checksum equals the built-in engine's.
import { cError, kernelId, loadModule, startPool, stopPool } from './pool.js';

export const meta = { name: 'parbench-module', unit: 'step', defaultSize: 512 };

let wasm;
let team;
let bench;

export async function setup({ workers, size, seed, params }) {
  wasm = await loadModule(new URL('parbench.wasm', import.meta.url));
  const kernel = kernelId(wasm, params.kernel ?? 'nbody');
  team = await startPool(wasm, workers);
  bench = wasm.pb.pb_bench_create(team.pool, kernel, BigInt(size), seed);
  if (!bench) throw cError(wasm, 'pb_bench_create');
}

export function step() {
  if (wasm.pb.pb_bench_step(bench) !== 0) throw cError(wasm, 'pb_bench_step');
}

// Outside the timed steps, as the built-in engine does: the checksum of the last step's output.
export function checksum() {
  return wasm.pb.pb_bench_checksum(bench);
}

export async function teardown() {
  wasm.pb.pb_bench_destroy(bench);
  stopPool(wasm, team);
}
