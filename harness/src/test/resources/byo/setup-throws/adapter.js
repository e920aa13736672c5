// A broken adapter: setup throws.
export const meta = { name: 'setup-throws', unit: 'step' };

export async function setup({ size }) {
  throw new RangeError(`no input of size ${size} for you`);
}

export function step() {
  return 1;
}
