// parbench adapter for @ffmpeg/core-mt 0.12.10 (ffmpeg.wasm's multi-threaded core): one x264
// encode of a clip generated in code, 320×240, as many frames as the size (default 16), lossless.
// Run: parbench run --engines byo --adapter bench-wasm/target/examples/ffmpeg-core-mt/adapter.js
//
// Threads: W workers = ffmpeg's -threads W, which libx264 turns into W frame-encoding threads
// (pthreads, with x264's helper threads beside them) while the calling thread (parbench's driver)
// waits; with -threads 1, x264 encodes on the calling thread alone. Left unset (--adapter-param
// threads=default), x264 picks a count of its own from the cores it sees. The core starts a pool
// of 32 pthread workers when it loads, whatever -threads says: parbench counts only those that ran
// a thread. There is no threads() export: ffmpeg does not say how many threads x264 started.
//
// Checksum: the encoded clip decoded again (outside the timed steps), hashed. The encode is
// lossless (-qp 0), so the decoded clip is the generated one whatever the thread count, although
// x264's output bytes depend on it.
import createFFmpegCore from './ffmpeg-core.js';
import { fnv1a64 } from './checksum.js';

export const meta = { name: 'ffmpeg-x264', unit: 'encode', defaultSize: 16 };

const WIDTH = 320;
const HEIGHT = 240;

let ffmpeg;
let threadOption;
let log = [];

export async function setup({ workers, size, seed, params }) {
  ffmpeg = await createFFmpegCore({});
  ffmpeg.setLogger(({ message }) => log.push(message));
  threadOption = params.threads === 'default' ? [] : ['-threads', String(workers)];
  ffmpeg.FS.writeFile('/clip.yuv', clip(size, seed));
}

export function step() {
  run('-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${WIDTH}x${HEIGHT}`, '-r', '25', '-i', '/clip.yuv',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', ...threadOption, '-f', 'h264', '/clip.h264');
}

export function checksum() {
  run('-i', '/clip.h264', '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '/decoded.yuv');
  return fnv1a64(ffmpeg.FS.readFile('/decoded.yuv'));
}

/** Runs ffmpeg with these arguments; a failure is an Error with ffmpeg's own last words. */
function run(...args) {
  log = [];
  ffmpeg.reset();
  const status = ffmpeg.exec('-nostdin', '-y', '-loglevel', 'error', ...args);
  if (status !== 0) throw new Error(`ffmpeg ${args.join(' ')} exited with ${status}: ${log.slice(-5).join(' | ')}`);
}

/** A moving pattern in YUV 4:2:0: diagonal stripes that drift, and a tint that changes every frame. */
function clip(frames, seed) {
  const luma = WIDTH * HEIGHT;
  const frame = luma * 3 / 2;
  const out = new Uint8Array(frames * frame);
  const shift = Number(BigInt.asUintN(8, BigInt(seed)));
  for (let f = 0; f < frames; f++) {
    const base = f * frame;
    for (let y = 0; y < HEIGHT; y++) {
      for (let x = 0; x < WIDTH; x++) out[base + y * WIDTH + x] = (x + 2 * f + shift) ^ (y - f);
    }
    out.fill(128 + ((f * 7 + shift) & 31), base + luma, base + frame);
  }
  return out;
}
