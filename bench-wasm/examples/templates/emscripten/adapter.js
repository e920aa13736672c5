// parbench adapter template: C/C++ with Emscripten pthreads.
//
// Folder layout (the folder is what parbench serves; keep everything the module needs in it):
//   my-bench/adapter.js                              this file
//   my-bench/my_module.js, my_module.wasm, my_module.worker.js    emcc's output
// Build as an ES module whose pthread pool size is read when it loads (not fixed at build time):
//   emcc -O2 -pthread -sMODULARIZE -sEXPORT_ES6 -sEXPORT_NAME=createModule \
//     -sENVIRONMENT=web,worker "-sPTHREAD_POOL_SIZE=Module['pthreadPoolSize']" \
//     -sPTHREAD_POOL_SIZE_STRICT=2 -sWASM_BIGINT -sALLOW_MEMORY_GROWTH \
//     my_bench.c -o my_module.js
// (A fixed -sPTHREAD_POOL_SIZE=N works too, but then one build serves only W ≤ N+1.)
// PTHREAD_POOL_SIZE_STRICT=2 makes pthread_create fail instead of deadlocking when the pool is
// too small: threads cannot start while the thread that created them blocks.
// Run:
//   parbench run --engines byo --adapter my-bench/adapter.js --workers 1..4
//
// The C side this template expects (EMSCRIPTEN_KEEPALIVE functions; rename to taste):
//   int my_setup(int workers, int64_t size, uint64_t seed);  // input + W-1 pthreads; 0 = ok
//   uint64_t my_step(void);                                   // one step on all W threads; a checksum
//   void my_teardown(void);                                   // stop and join the threads
// A complete, tested example is ../../emscripten-nbody (nbody.c and its adapter.js).
import createModule from './my_module.js';

export const meta = { name: 'my-kernel', unit: 'step', defaultSize: 1_000_000 };
// Two copies of this adapter can share a page ('parbench compare' then measures A and B side by
// side): each createModule() is an instance of its own, with its own memory and pthreads, and
// everything else lives in this module's scope (one instance per side). Remove it if your adapter
// keeps state elsewhere, or your module loads files from '/' (../../README.md, "A and B in one page").
export const sharesPage = true;

let wasm;

export async function setup({ workers, size, seed }) {
  // W-1 pthreads beside this driver worker, which runs its share too. Emscripten 3.1 never
  // finishes loading with a pool of 0 workers, hence at least 1.
  wasm = await createModule({ pthreadPoolSize: Math.max(1, workers - 1) });
  const status = wasm._my_setup(workers, BigInt(size), seed);
  if (status !== 0) throw new Error(`my_setup(${workers}, ${size}) failed with status ${status}`);
}

export function step() {
  return wasm._my_step(); // with -sWASM_BIGINT a uint64_t arrives as a BigInt
}

// Optional: a whole worker curve per page (README.md, the contract's resize). parbench then calls
// setup() with the plan's largest W, and this between blocks; the threads beyond `workers` must
// sleep (a condition variable, a futex), not spin, until they are asked back. With a C side of
// your own, e.g. void my_use_workers(int workers):
// export function resize(workers) {
//   wasm._my_use_workers(workers);
// }

// Optional: each worker's busy time in ms since the last call (worker 0 first), if your library
// keeps it; parbench calls it around every measured iteration (README.md, "Where the time went").
// export function stats() {
//   return { busyMs: [/* one number per worker */] };
// }

export async function teardown() {
  wasm._my_teardown();
}
