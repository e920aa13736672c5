// parbench adapter for nbody.c built with Emscripten pthreads (see ../build.sh for the flags).
// Run: parbench run --engines byo --adapter bench-wasm/target/examples/emscripten-nbody/adapter.js
//
// It computes KERNELS.md's nbody to the bit, so its checksum equals the built-in kernel's.
import createNbody from './nbody.js';

export const meta = { name: 'emscripten-nbody', unit: 'step', defaultSize: 512 };
// Two of these adapters can share a page (compare's A and B side by side): each createNbody() is
// an instance of its own, with its own memory and pthreads, whose barriers sleep between steps.
export const sharesPage = true;

let nbody;

export async function setup({ workers, size, seed }) {
  // The pthread pool is created while the module loads (PTHREAD_POOL_SIZE is Module.pthreadPoolSize):
  // W-1 threads beside this one. Emscripten 3.1 never finishes loading with a pool of 0, hence at least 1.
  nbody = await createNbody({ pthreadPoolSize: Math.max(1, workers - 1) });
  const status = nbody._nbody_setup(workers, BigInt(size), seed);
  if (status !== 0) throw new Error(`nbody_setup(${workers}, ${size}) failed with status ${status} (see nbody.c)`);
}

export function step() {
  nbody._nbody_step();
}

// Outside the timed steps: the hash of the last step's output (a u64, i.e. a BigInt).
export function checksum() {
  return nbody._nbody_checksum();
}

export async function teardown() {
  nbody._nbody_teardown();
}
