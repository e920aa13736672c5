// parbench driver worker: owns the wasm modules, starts their pools and measures one fork.
//
// Messages from the page: {type: 'probe'} or {type: 'run', config} with config =
//   {kernel, size, seed, modules, blocks, iterationMillis, warmup}
//   size and seed: decimal strings (they are 64-bit);
//   modules: {current: url, baseline: url}, the parbench.wasm of each side (baseline only in a
//     comparison that pairs A and B in one page);
//   blocks: [{side, workers}], one measurement iteration each, in the order to run them;
//   warmup: {minMillis, maxMillis, sliceMillis, windowSlices, tolerance} (see measure.js warmUpUntilSteady).
// Messages to the page: {type: 'phase', phase} and {type: 'at', block} as it goes, {type:
// 'block', block} after each measured block, then one {type: 'result', result}. A measured block
// is {side, workers, stepsPerSecond, steps, wallNs, startEpochNs, endEpochNs, pool}: pool is the
// pool's accounting over the block (pool.js readPoolStats of the workers taking part, reset right
// before it and read right after it, outside the timed loop), absent from a module without it.
// Helpers' logs (errors, warnings) reach the page through the 'parbench-log' broadcast channel.
// The page starts the workers the driver asks for (page-workers.js; main.js), e.g. the pool's helpers.

import {
  checksumText, distinctPoints, memorySharingError, pointKey, timedBlock, timerResolutionMs, warmUpUntilSteady, workersToUse,
} from './measure.js';
import {
  accounted, cError, kernelId, loadModule, readPoolStats, resetPoolStats, resizable, startPool, stopPool, usePoolWorkers,
} from './pool.js';


// What this fork measured so far: a failure keeps it (the harness saves the blocks measured).
const measured = [];
let current = null;

self.onmessage = async ({ data }) => {
  let result;
  try {
    result = data.type === 'probe' ? probe() : await run(data.config);
  } catch (e) {
    // Our own errors carry a sentence; keep the name of anything else (e.g. "RuntimeError: unreachable").
    const reason = e.name === 'Error' ? e.message : String(e);
    result = { status: 'failed', reason, blocks: measured, failedAt: current };
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
  const largest = Math.max(...config.blocks.map((block) => block.workers));
  // Detect missing threads up front and fall back to one worker, keeping the browser's reason.
  const { workers: poolSize, status, reason } = workersToUse(largest);

  phase('load');
  const sides = {};
  for (const [name, url] of Object.entries(config.modules)) {
    const wasm = await loadModule(url);
    const curve = new Set(config.blocks.filter((b) => b.side === name).map((b) => b.workers)).size > 1;
    if (curve && poolSize > 1 && !resizable(wasm)) {
      throw new Error(`${url} has no pb_pool_use_workers, so one page cannot measure several worker counts with it `
          + '(a build from before it was added): measure it one worker count per page');
    }
    sides[name] = { wasm, kernel: kernelId(wasm, config.kernel) };
  }

  phase('pool');
  let poolStartupMs = null;
  for (const [name, side] of Object.entries(sides)) {
    const started = performance.now();
    side.team = await startPool(side.wasm, poolSize);
    // What a page of this side's module alone would report: its own pool's start-up.
    if (name === 'current' || poolStartupMs === null) poolStartupMs = performance.now() - started;
    side.active = poolSize;
    side.accounted = accounted(side.wasm);
  }

  phase('input');
  for (const side of Object.values(sides)) {
    const { pb } = side.wasm;
    // i64 parameters take BigInt; wasm wraps them to 64 bits, so an unsigned seed works too.
    side.bench = pb.pb_bench_create(side.team.pool, side.kernel, BigInt(config.size), BigInt(config.seed));
    if (!side.bench) throw cError(side.wasm, 'pb_bench_create');
    side.step = () => {
      if (pb.pb_bench_step(side.bench) !== 0) throw cError(side.wasm, 'pb_bench_step');
    };
  }
  // The step of a block: its side's, on as many of its pool's workers as the block asks (one in a fallback).
  const stepOf = (block) => {
    const side = sides[block.side];
    const workers = Math.min(block.workers, poolSize);
    if (side.active !== workers) {
      usePoolWorkers(side.wasm, side.team, workers);
      side.active = workers;
    }
    return side.step;
  };
  const at = (block) => {
    current = block;
    self.postMessage({ type: 'at', block });
  };

  phase('warmup');
  const points = distinctPoints(config.blocks);
  const warm = warmUpUntilSteady(points.map((block) => () => { at(block); return stepOf(block); }),
      config.iterationMillis, config.warmup);
  const notes = warm.steady ? [] : [`warning: [parbench] the iterations were not steady after ${
    Math.round(warm.steadyAfterMs)} ms of warm-up; measured anyway`];

  phase('measure');
  const lastOf = new Map(config.blocks.map((block, i) => [pointKey(block), i]));
  const checksums = [];
  config.blocks.forEach((block, i) => {
    at(block);
    const step = stepOf(block);
    const side = sides[block.side];
    startAccounting(side);
    const timed = timedBlock(step, config.iterationMillis);
    const done = { ...block, ...timed, ...poolAccounting(side) };
    measured.push(done);
    self.postMessage({ type: 'block', block: done });
    // Each point's checksum once, after its last block, outside the timed iterations.
    if (lastOf.get(pointKey(block)) === i) checksums.push({ ...block, checksum: checksumOf(sides[block.side]) });
  });
  current = null;

  phase('checksum');
  for (const side of Object.values(sides)) {
    side.wasm.pb.pb_bench_destroy(side.bench);
    stopPool(side.wasm, side.team);
  }
  return { status, reason, blocks: measured, checksums, poolStartupMs, steadyAfterMs: warm.steadyAfterMs, notes };
}

/**
 * Resets the side's pool accounting for a block; a module built without it (PB_STATS=0, to measure
 * what it costs: reset fails) is measured as it is, without one.
 */
function startAccounting(side) {
  if (!side.accounted) return;
  try {
    resetPoolStats(side.wasm, side.team);
  } catch {
    side.accounted = false;
  }
}

/** {pool} of the block's workers since startAccounting, as the harness reads it, or nothing. */
function poolAccounting(side) {
  if (!side.accounted) return {};
  const { windowNs, workers } = readPoolStats(side.wasm, side.team);
  return {
    pool: {
      source: 'pb_pool', windowNs, regions: workers[0].regions,
      workers: workers.slice(0, side.active).map(({ regions, ...times }) => times),
    },
  };
}

/** The checksum of the side's last step. */
function checksumOf({ wasm, bench }) {
  return checksumText(wasm.pb.pb_bench_checksum(bench));
}
