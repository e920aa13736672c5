// parbench adapter template: Rust + Rayon, built with wasm-bindgen-rayon (--target web).
//
// Folder layout (the folder is what parbench serves; keep everything the module needs in it):
//   my-bench/adapter.js          this file
//   my-bench/pkg/                wasm-pack's output: my_crate.js, my_crate_bg.wasm, package.json,
//                                snippets/wasm-bindgen-rayon-*/src/workerHelpers.js
// Build the package with threads (nightly Rust; see wasm-bindgen-rayon's README):
//   RUSTFLAGS='-C target-feature=+atomics,+bulk-memory,+mutable-globals' \
//     rustup run nightly wasm-pack build --target web -- -Z build-std=panic_abort,std
// Run:
//   parbench run --engines byo --adapter my-bench/adapter.js --workers 1..4
//
// The Rust side this template expects (rename to taste):
//   pub use wasm_bindgen_rayon::init_thread_pool;            // exported to JS as initThreadPool
//   #[wasm_bindgen] pub struct Bench { input: Vec<f64> }
//   #[wasm_bindgen] impl Bench {
//       #[wasm_bindgen(constructor)] pub fn new(size: usize, seed: u64) -> Bench { … }
//       pub fn step(&self) -> u64 { self.input.par_iter() … }   // a checksum of the result
//   }
import init, { initThreadPool, Bench } from './pkg/my_crate.js';

export const meta = { name: 'my-kernel', unit: 'step', defaultSize: 1_000_000 };
// No `export const sharesPage = true` here: both sides would import the one ./pkg/my_crate.js
// instance (init() once) and Rayon's pool is page-wide (initThreadPool once), so 'parbench compare'
// gives each side pages of its own (../../README.md, "A and B in one page").
// No resize(workers) either: Rayon's global pool keeps the size initThreadPool gave it, so every
// worker count gets pages of its own.

let bench;

export async function setup({ workers, size, seed }) {
  await init();
  // Rayon's pool gets all W workers: this driver worker only submits work and waits (it is a
  // worker, so it may block; Rayon on a page's main thread would not work). initThreadPool may
  // run only once per page, and parbench gives every worker count a fresh page.
  // Its pool workers import the package by its folder URL (pkg/); parbench answers that with the
  // package's entry module, so no bundler is needed.
  await initThreadPool(workers);
  bench = new Bench(size, seed); // seed is a BigInt, as a u64 parameter wants
}

export function step() {
  return bench.step(); // a u64 arrives as a BigInt; parbench prints it as 16 hex digits
}

// Optional: each worker's busy time in ms since the last call (worker 0 first), if your library
// keeps it; parbench calls it around every measured iteration (README.md, "Where the time went").
// export function stats() {
//   return { busyMs: [/* one number per worker */] };
// }

export async function teardown() {
  bench.free();
}
