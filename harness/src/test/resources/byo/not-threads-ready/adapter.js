// A module built without threads: its memory is not shared. Fine for one worker, wrong for more.
// Its step returns no checksum, so its results cannot be verified.
export const meta = { name: 'not-threads-ready', unit: 'step' };

// (module (memory (export "memory") 1)): one page of ordinary, unshared memory.
const BYTES = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 5, 3, 1, 0, 1, 7, 10, 1, 6, 109, 101, 109, 111, 114, 121, 2, 0]);

let memory;

export async function setup() {
  const { instance } = await WebAssembly.instantiate(BYTES);
  memory = new Uint8Array(instance.exports.memory.buffer);
}

export function step() {
  memory[0]++;
}
