// An adapter that keeps its one worker's busy time and hands it to parbench through stats()
// (bench-wasm/examples/README.md, "Where the time went"). With --adapter-param answer=wrong its
// stats() answers what the contract does not allow.
export const meta = { name: 'busy-stats', unit: 'step' };

let busyMs = 0;
let reportedMs = 0;
let wrong = false;

export async function setup({ params }) {
  wrong = params.answer === 'wrong';
}

export function step() {
  const start = performance.now();
  let x = 0;
  for (let i = 0; i < 2000; i++) x = (x * 31 + i) % 1000003;
  busyMs += performance.now() - start;
  return x;
}

export function stats() {
  const since = busyMs - reportedMs;
  reportedMs = busyMs;
  return wrong ? { busyMs: since } : { busyMs: [since] };
}
