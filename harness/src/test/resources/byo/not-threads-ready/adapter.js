// A module built without threads: its memory is not shared. Fine for one worker, wrong for more.
// Its step returns no checksum, so its results cannot be verified.
export const meta = { name: 'not-threads-ready', unit: 'step' };

let memory;

export async function setup() {
  // plain.wasm is (module (memory (export "memory") 1)): one page of ordinary, unshared memory.
  const { instance } = await WebAssembly.instantiateStreaming(fetch(new URL('plain.wasm', import.meta.url)));
  memory = new Uint8Array(instance.exports.memory.buffer);
}

export function step() {
  memory[0]++;
}
