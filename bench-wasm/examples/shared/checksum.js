// Inputs and checksums the npm examples share; build.sh copies this file next to each adapter.

/**
 * Small integers (-2 … 2) from a seeded xorshift64. Sums of their products stay exact in float32
 * (far below 2^24), so every thread count, summation order and browser computes the same result.
 */
export function smallIntegers(seed) {
  let state = BigInt.asUintN(64, BigInt(seed) ^ 0x9e3779b97f4a7c15n) || 1n;
  return () => {
    state ^= BigInt.asUintN(64, state << 13n);
    state ^= state >> 7n;
    state ^= BigInt.asUintN(64, state << 17n);
    return Number(state % 5n) - 2;
  };
}

/** FNV-1a (64 bits) over 32-bit words: whole numbers (a float's integer value) or a byte array's words. */
export function fnv1a64(values) {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  const mix = (word) => {
    lo = (lo ^ word) >>> 0;
    // (hi:lo) * 0x100000001b3, i.e. * 0x1b3 plus lo shifted into hi by 40 - 32 = 8 bits; exact in doubles.
    const low = lo * 0x1b3;
    hi = (hi * 0x1b3 + Math.floor(low / 2 ** 32) + lo * 0x100) >>> 0;
    lo = low >>> 0;
  };
  if (values instanceof Uint8Array) {
    const whole = values.length - (values.length % 4);
    const view = new DataView(values.buffer, values.byteOffset, values.length);
    for (let i = 0; i < whole; i += 4) mix(view.getUint32(i, true));
    for (let i = whole; i < values.length; i++) mix(values[i]);
  } else {
    for (const value of values) mix(value | 0);
  }
  return (BigInt(hi) << 32n) | BigInt(lo);
}
