// An adapter whose step returns NaN (0 / 0 in its own arithmetic): a number, but no checksum.
export const meta = { name: 'step-returns-nan', unit: 'step' };

let total = 0;

export async function setup() {
  total = 0;
}

export function step() {
  total += 1;
  return 0 / 0;
}
