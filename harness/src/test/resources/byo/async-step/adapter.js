// A step that returns a promise, as InferenceSession.run() does: parbench awaits each one. Its
// checksum is the value the last step resolved to.
export const meta = { name: 'async-step', unit: 'promise' };

let resolved = 0;

export async function setup() {}

export async function step() {
  await new Promise((resolve) => queueMicrotask(resolve));
  resolved++;
  return 42;
}

export function threads() {
  return 1;
}
