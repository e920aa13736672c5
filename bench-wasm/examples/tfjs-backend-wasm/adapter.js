// parbench adapter for @tensorflow/tfjs-backend-wasm 4.22.0: one matMul of two n×n matrices
// (n = the size, default 256) on TensorFlow.js's WebAssembly backend (XNNPACK).
// Run: parbench run --engines byo --adapter bench-wasm/target/examples/tfjs-backend-wasm/adapter.js
//
// This file is the source: it imports tfjs by package name, which a module worker cannot resolve
// (no import maps there), so build.sh bundles it with esbuild into the adapter.js parbench runs:
//   npx esbuild adapter.js --bundle --format=esm --outfile=<out>/adapter.js
//
// Threads: W workers = setThreadsCount(W), XNNPACK's pthreadpool: the calling thread (parbench's
// driver) and W-1 pthreads. tfjs caps it: it runs min(W, 8, floor(navigator.hardwareConcurrency
// / 2)) threads (1 on a page that says it has 2 cores), and min(8, floor(hardwareConcurrency / 2))
// without setThreadsCount (--adapter-param threads=default). Its module starts a pool of 8
// pthread workers when it loads; parbench counts only those that ran a thread, and threads()
// reports getThreadsCount(), so a capped W shows as "capped at N threads".
//
// Checksum: the product's FNV-1a. The inputs are small integers, so every product and sum is exact
// in float32 and every thread count and browser computes the same product.
import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fnv1a64, smallIntegers } from '../shared/checksum.js';

export const meta = { name: 'tfjs-matmul', unit: 'matMul', defaultSize: 256 };

let a;
let b;
let product;

export async function setup({ workers, size, seed, params }) {
  // The backend fetches its .wasm files from here (the driver worker's own URL is parbench's).
  setWasmPaths(new URL('./', import.meta.url).href);
  if (params.threads !== 'default') setThreadsCount(workers);
  if (!(await tf.setBackend('wasm'))) throw new Error("tfjs's wasm backend did not start (see the console)");
  const random = smallIntegers(seed);
  a = tf.tensor2d(Float32Array.from({ length: size * size }, random), [size, size]);
  b = tf.tensor2d(Float32Array.from({ length: size * size }, random), [size, size]);
}

export function step() {
  product?.dispose();
  product = tf.matMul(a, b);
  product.dataSync(); // the wasm backend computes at once; this reads the result back as a page would
}

export function checksum() {
  return fnv1a64(product.dataSync());
}

export function threads() {
  return getThreadsCount();
}
