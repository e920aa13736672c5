// A step that returns a promise the first time and a plain value afterwards: parbench cannot time
// both ways at once, so it refuses.
export const meta = { name: 'sometimes-async' };

let calls = 0;

export async function setup() {}

export function step() {
  calls++;
  return calls === 1 ? Promise.resolve(1) : 1;
}
