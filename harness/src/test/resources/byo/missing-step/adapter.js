// A broken adapter: no step export.
export const meta = { name: 'missing-step', unit: 'step' };

export async function setup() {}

export function stpe() {
  return 1;
}
