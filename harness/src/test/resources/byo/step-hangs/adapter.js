// A broken adapter: a step that never returns (waits on a cell nobody notifies).
export const meta = { name: 'step-hangs', unit: 'step' };

let cell;

export async function setup() {
  cell = new Int32Array(new SharedArrayBuffer(4));
}

export function step() {
  Atomics.wait(cell, 0, 0);
}
