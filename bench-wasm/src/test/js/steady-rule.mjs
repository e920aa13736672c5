// The warm-up's steady rule (measure.js steady) on rates of known shape: a tier-up keeps a fork
// unsteady until its level has held for two windows; noise around a stable level, even with a
// slice in each window far off (a descheduled thread), counts as steady in most rounds, and no
// less often with nine worker counts than with three; too few slices never do.
//
// Usage: node steady-rule.mjs
import { steady } from '../../main/js/measure.js';

let passed = 0;
let failed = 0;
function check(name, actual, expected) {
  if (actual === expected) {
    passed++;
  } else {
    failed++;
    console.log(`FAILED ${name}: ${actual}, expected ${expected}`);
  }
}

const tolerance = 0.05;
const window = 3; // slices per window, as the harness passes (BrowserEngineOptions)
// A seeded generator (mulberry32): the noisy cases are the same on every run.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const flat = [100, 100, 100, 100, 100, 100];
check('five slices are too few', steady([[100, 100, 100, 100, 100]], tolerance, window), false);
check('a point with five slices is too few', steady([flat, [100, 100, 100, 100, 100]], tolerance, window), false);
check('six equal slices are steady', steady([flat], tolerance, window), true);
check('a tier-up in the last window is not steady', steady([[60, 61, 60, 60, 100, 101]], tolerance, window), false);
check('a tier-up one window back is not steady', steady([[60, 60, 100, 100, 101, 100]], tolerance, window), false);
check('a tier-up two windows back is steady', steady([[60, 60, 61, 100, 99, 101, 100, 102, 99]], tolerance, window), true);
check('a dip (Firefox before it tiers up) is not steady', steady([[100, 100, 100, 70, 72, 71]], tolerance, window), false);
check('one slice far off per window is steady', steady([[100, 40, 101, 99, 100, 160]], tolerance, window), true);
check('a level 6% up is not steady at 5%', steady([[100, 100, 100, 106, 106, 106]], tolerance, window), false);
check('a tier-up at every point is not steady',
    steady([[60, 60, 60, 100, 100, 100], [110, 110, 110, 190, 190, 190], [200, 200, 200, 350, 350, 350]], tolerance, window), false);
check('points that agree are steady', steady([flat, flat.map((r) => 2 * r), flat.map((r) => 3.5 * r)], tolerance, window), true);

// Noise of ±10% per slice around a stable level: how often a round counts as steady with one,
// three and nine points (the rule that every recent slice agree within 4% held in under 1
// round of 10 with three points, and in none with nine).
const next = random(42);
function steadyShare(points, rounds = 2000) {
  let steadyRounds = 0;
  for (let round = 0; round < rounds; round++) {
    const rates = Array.from({ length: points }, () => Array.from({ length: 6 }, () => 100 * (0.9 + 0.2 * next())));
    if (steady(rates, tolerance, window)) steadyRounds++;
  }
  return steadyRounds / rounds;
}
const [one, three, nine] = [1, 3, 9].map((points) => steadyShare(points));
check(`±10% noise at 1 point is steady in 40% of rounds or more (${one})`, one >= 0.4, true);
check(`±10% noise at 3 points is steady in 70% of rounds or more (${three})`, three >= 0.7, true);
check(`±10% noise at 9 points is steady at least as often as at 3 (${nine})`, nine >= three, true);

console.log(`steady-rule: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
