// parbench adapter for wasm-vips 0.0.19 (libvips): one run of an image pipeline on an n×n RGB
// image generated in code (n = the size, default 1024): halve, Gaussian blur, sharpen, written
// to memory.
// Run: parbench run --engines byo --adapter bench-wasm/target/examples/wasm-vips/adapter.js
//
// Threads: W workers = vips.concurrency(W): libvips evaluates the pipeline on W worker threads
// (pthreads) while the calling thread (parbench's driver) waits for the result. libvips also
// keeps threads of its own (a background writer, its thread set), so parbench counts more threads
// than W. threads() reports vips.concurrency(); left unset (--adapter-param threads=default), it
// is wasm-vips' own: 1 in a browser (it sets VIPS_CONCURRENCY=1), the cores in Node.
//
// Checksum: the output pixels' FNV-1a. Every pixel is computed by one thread from the same
// input, so the output is the same whatever the thread count. libvips' operation cache is off:
// otherwise every step after the first would return the cached result.
import Vips from './vips-es6.js';
import { fnv1a64 } from './checksum.js';

export const meta = { name: 'vips-pipeline', unit: 'image', defaultSize: 1024 };

let vips;
let input;
let output;

export async function setup({ workers, size, seed, params }) {
  // Without the optional format plug-ins (HEIF, JPEG XL, SVG side modules): the pipeline needs none.
  vips = await Vips({ dynamicLibraries: [] });
  vips.Cache.max(0);
  if (params.threads !== 'default') vips.concurrency(workers);
  input = vips.Image.newFromMemory(pixels(size, seed), size, size, 3, 'uchar');
}

export function step() {
  output = input.resize(0.5).gaussblur(1.5).sharpen().writeToMemory();
}

export function checksum() {
  return fnv1a64(output);
}

export function threads() {
  return vips.concurrency();
}

/** Horizontal ramps with xorshift noise on top, three bands. */
function pixels(size, seed) {
  const out = new Uint8Array(size * size * 3);
  let state = Number(BigInt.asUintN(32, BigInt(seed))) || 1;
  for (let i = 0; i < out.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = (i % (size * 3)) + (state & 63);
  }
  return out;
}
