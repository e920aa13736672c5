// What every parbench driver worker measures the same way: timed iterations of whole steps,
// whether shared memory can reach workers (and the fallback when not), the timer's resolution,
// and how a checksum is written.

/**
 * One iteration: whole steps until `ms` have passed; returns steps per second. Tiny steps (a
 * step of a user's module may take well under a microsecond) run in growing batches between
 * clock reads, so reading the clock does not dominate what is measured; a batch stays under ~2%
 * of `ms`.
 */
export function iteration(step, ms) {
  return timedBlock(step, ms).stepsPerSecond;
}

/**
 * A measured block: an iteration, with the steps it ran and when it ran on the epoch clock
 * (performance.timeOrigin + performance.now(), in ns: a Number, so to about 0.25 us), for the
 * harness to attribute what it sampled outside the page to blocks by time.
 */
export function timedBlock(step, ms) {
  const start = performance.now();
  let steps = 0;
  let batch = 1;
  let elapsed;
  do {
    for (let i = 0; i < batch; i++) step();
    steps += batch;
    elapsed = performance.now() - start;
    if (elapsed < ms / 100) batch *= 2;
  } while (elapsed < ms);
  return blockTimes(steps, start, elapsed);
}

/** A timed block of `steps` that started at `start` (performance.now()) and took `elapsed` ms, as the harness reads it. */
export function blockTimes(steps, start, elapsed) {
  const epochNs = (now) => Math.round((performance.timeOrigin + now) * 1e6);
  return {
    stepsPerSecond: steps / (elapsed / 1000), steps, wallNs: Math.round(elapsed * 1e6),
    startEpochNs: epochNs(start), endEpochNs: epochNs(start + elapsed),
  };
}

/**
 * The warm-up: rounds of short slices, one per point of the fork (`points`: functions that
 * switch to a point and return its step), until at least `minMillis` have passed and the rates
 * are steady (the engine has tiered up: Chromium after ~0.9 s, Firefox ~1.1 s with a dip before,
 * WebKit mostly 0.2 s), or `maxMillis` have passed. Returns {steadyAfterMs, steady}: when it
 * stopped, and whether steadily.
 */
export function warmUpUntilSteady(points, iterationMillis, { minMillis, maxMillis, sliceMillis, windowSlices, tolerance }) {
  const start = performance.now();
  const slices = points.map(() => []);
  for (;;) {
    points.forEach((pointStep, i) => slices[i].push(iteration(pointStep(), Math.min(sliceMillis, iterationMillis))));
    const elapsed = performance.now() - start;
    const settled = steady(slices, tolerance, windowSlices);
    if ((elapsed >= minMillis && settled) || elapsed >= maxMillis) return { steadyAfterMs: elapsed, steady: settled };
  }
}

/**
 * Whether a fork's rates have settled. `rates`: per point, its slices' rates, oldest first. Per
 * point the median of the last `window` slices is divided by the median of the window
 * before; the fork is steady when the geometric mean of those ratios is within `tolerance` (a
 * fraction) of 1. Medians ignore the odd slice a descheduled thread or a collection disturbs
 * (common when workers outnumber cores), and averaging over points makes a fork of many worker
 * counts no slower to settle than one of few; a tier-up is the module's code, shared by every
 * point, so it still moves the mean. (A rule that every recent slice of every point agree within
 * 4% held in under 1 round of 10 with three points, and pages ran to the maximum.)
 */
export function steady(rates, tolerance, window) {
  if (rates.some((point) => point.length < 2 * window)) return false;
  const logRatios = rates.map((point) =>
    Math.log(median(point.slice(-window)) / median(point.slice(-2 * window, -window))));
  const meanLogRatio = logRatios.reduce((sum, x) => sum + x, 0) / logRatios.length;
  return Math.abs(meanLogRatio) <= Math.log1p(tolerance);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The browser's exact error when a shared WebAssembly.Memory cannot be posted to another thread,
 * or null when it can. Without cross-origin isolation creating the memory works but posting it
 * throws a DataCloneError, so try what a pool does: post one to the page, which hands the pool's
 * memory to its helpers (page-workers.js; main.js ignores this message). No worker is started:
 * a worker that starts one can hang in Firefox (bench-wasm/FIREFOX-HANG.md).
 */
export function memorySharingError() {
  try {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    self.postMessage({ type: 'memory-sharing-check', memory });
    return null;
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

/**
 * The worker count to measure with: the one asked for, or 1 when shared memory cannot reach
 * workers (no cross-origin isolation), flagged as a fallback with the browser's reason.
 */
export function workersToUse(requested) {
  const error = requested > 1 ? memorySharingError() : null;
  if (error === null) return { workers: requested, status: 'ok', reason: null };
  return { workers: 1, status: 'fallback', reason: `threads unavailable, measured with 1 worker instead of ${requested}: ${error}` };
}

/** The smallest nonzero step of performance.now() in ms (coarsened when not isolated). */
export function timerResolutionMs() {
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

/**
 * A 64-bit checksum (a BigInt, signed or not: a u64 returned as i64 comes back negative) as every
 * results file writes it: 16 lowercase hex digits, like the harness's ChecksumText.
 */
export function checksumText(value) {
  return BigInt.asUintN(64, value).toString(16).padStart(16, '0');
}

/** A point's key: its side and worker count ('current@2'). */
export function pointKey(block) {
  return `${block.side}@${block.workers}`;
}

/** Each point (side, worker count) of a fork's blocks once, in the order of its first block. */
export function distinctPoints(blocks) {
  const seen = new Map();
  for (const block of blocks) if (!seen.has(pointKey(block))) seen.set(pointKey(block), { side: block.side, workers: block.workers });
  return [...seen.values()];
}
