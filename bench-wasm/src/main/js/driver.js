// parbench driver worker: owns the wasm module, starts the pool and measures.
//
// Messages from the page: {type: 'probe'} or {type: 'run', config} with config =
//   {kernel, size, seed, workers, warmupIterations, iterations, iterationMillis,
//    minimumWarmupMillis}   (size and seed are decimal strings: they are 64-bit)
// Messages to the page: {type: 'phase', phase} as it goes, then one {type: 'result', result}.
// Helpers' logs (errors, warnings) reach the page through the 'parbench-log' broadcast channel.
// The page starts the workers the driver asks for (page-workers.js; main.js), e.g. the pool's helpers.

import { iteration, memorySharingError, timerResolutionMs, warmUp, workersToUse } from './measure.js';
import { cError, kernelId, loadModule, startPool, stopPool } from './pool.js';

const WASM_URL = '../wasm/parbench.wasm';

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
  const wasm = await loadModule(WASM_URL);
  const kernel = kernelId(wasm, config.kernel);

  // Detect missing threads up front and fall back to one worker, keeping the browser's reason.
  const { workers, status, reason } = workersToUse(config.workers);

  phase('pool');
  const started = performance.now();
  const team = await startPool(wasm, workers);
  const poolStartupMs = performance.now() - started;

  phase('input');
  const { pb } = wasm;
  // i64 parameters take BigInt; wasm wraps them to 64 bits, so an unsigned seed works too.
  const bench = pb.pb_bench_create(team.pool, kernel, BigInt(config.size), BigInt(config.seed));
  if (!bench) throw cError(wasm, 'pb_bench_create');
  const step = () => {
    if (pb.pb_bench_step(bench) !== 0) throw cError(wasm, 'pb_bench_step');
  };

  phase('warmup');
  warmUp(step, config.warmupIterations, config.iterationMillis, config.minimumWarmupMillis);
  phase('measure');
  const samples = [];
  for (let i = 0; i < config.iterations; i++) samples.push(iteration(step, config.iterationMillis));

  phase('checksum');
  // The checksum is a u64 returned as i64, i.e. a signed BigInt: reinterpret it as unsigned.
  const checksum = BigInt.asUintN(64, pb.pb_bench_checksum(bench)).toString(16).padStart(16, '0');
  pb.pb_bench_destroy(bench);
  stopPool(wasm, team);
  return { status, reason, samples, checksum, poolStartupMs };
}
