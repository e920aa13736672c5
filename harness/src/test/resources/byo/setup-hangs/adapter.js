// A broken adapter: a setup() that never finishes (a promise nobody resolves).
export const meta = { name: 'setup-hangs', unit: 'step' };

export function setup() {
  return new Promise(() => {});
}

export function step() {
  return 1;
}
