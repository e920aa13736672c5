// Timing an adapter whose step() returns a promise (InferenceSession.run and most modern APIs are
// asynchronous). Each step is awaited before the next starts, exactly as a page would use the
// library, and an iteration counts whole steps until its time has passed, as for synchronous steps.
//
// What awaiting costs parbench itself is measured on the same page and shown beside the result
// (not subtracted): the floor, the time per step of an async step that does nothing, through the
// very same loop. Awaiting an already settled promise costs a fraction of a microsecond in every
// browser; a step worth measuring takes far longer, so the floor is normally well under 1% of it.

import { blockTimes, steady } from '../measure.js';

/** One iteration of awaited steps: whole steps until `ms` have passed; resolves to steps per second. */
export async function asyncIteration(step, ms) {
  return (await asyncTimedBlock(step, ms)).stepsPerSecond;
}

/** A measured block of awaited steps: asyncIteration with its steps and interval (../measure.js timedBlock). */
export async function asyncTimedBlock(step, ms) {
  const start = performance.now();
  let steps = 0;
  let elapsed;
  do {
    await step();
    steps++;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return blockTimes(steps, start, elapsed);
}

/**
 * The warm-up, as ../measure.js warmUpUntilSteady: rounds of slices of awaited steps, one per point
 * (`points`: functions that switch to a point and return its step; a page of two sides has two),
 * until `minMillis` have passed and their rates have settled (../measure.js steady), or `maxMillis` have passed.
 */
export async function asyncWarmUpUntilSteady(points, iterationMillis, { minMillis, maxMillis, sliceMillis, windowSlices, tolerance }) {
  const start = performance.now();
  const slices = points.map(() => []);
  for (;;) {
    for (const [i, pointStep] of points.entries()) {
      slices[i].push(await asyncIteration(pointStep(), Math.min(sliceMillis, iterationMillis)));
    }
    const elapsed = performance.now() - start;
    const settled = steady(slices, tolerance, windowSlices);
    if ((elapsed >= minMillis && settled) || elapsed >= maxMillis) return { steadyAfterMs: elapsed, steady: settled };
  }
}

/**
 * The floor: microseconds per step of an async step that does nothing, through asyncIteration,
 * the best of a few short runs (the least disturbed one).
 */
export async function asyncStepFloorMicros(runs = 5, ms = 20) {
  const nothing = async () => {};
  let best = 0;
  for (let i = 0; i < runs; i++) best = Math.max(best, await asyncIteration(nothing, ms));
  return 1e6 / best;
}
