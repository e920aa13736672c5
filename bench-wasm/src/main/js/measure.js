// What every parbench driver worker measures the same way: timed iterations of whole steps,
// whether shared memory can reach workers (and the fallback when not), and the timer's resolution.

/**
 * One iteration: whole steps until `ms` have passed; returns steps per second. Tiny steps (a
 * step of a user's module may take well under a microsecond) run in growing batches between
 * clock reads, so reading the clock does not dominate what is measured; a batch stays under ~2%
 * of `ms`.
 */
export function iteration(step, ms) {
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
  return steps / (elapsed / 1000);
}

/**
 * The warm-up: `iterations` iterations of `ms`, and more until `minimumMs` have passed (a fresh
 * page runs slower for its first second or two; the harness asks for 2 s).
 */
export function warmUp(step, iterations, ms, minimumMs) {
  const start = performance.now();
  for (let i = 0; i < iterations || performance.now() - start < minimumMs; i++) iteration(step, ms);
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
