import { UsageError } from '../errors/usage-error.ts';

/** A deterministic stream of pseudo-random numbers; not for cryptographic use. */
export interface Random {
  /** The seed the stream was created from. */
  readonly seed: number;
  /** Returns a uniform number in [0, 1) with 53 random bits (two 32-bit outputs). */
  next(): number;
  /** Returns a uniform unsigned 32-bit integer in [0, 2^32). */
  nextUint32(): number;
  /**
   * Returns a uniform integer in [0, maxExclusive), without modulo bias (rejection sampling).
   * Throws UsageError unless `maxExclusive` is an integer in [1, 2^32].
   */
  int(maxExclusive: number): number;
}

const twoTo32 = 0x1_0000_0000;
const twoTo53 = 2 ** 53;

/**
 * Creates a xoshiro128** generator (Blackman and Vigna, 2018) whose 128-bit state is the
 * first two outputs of splitmix64 seeded with `seed` (taken modulo 2^64), low word first.
 * The same seed always gives the same stream; distinct seeds give distinct states.
 *
 * @param seed Any safe integer (negative values wrap modulo 2^64).
 * @returns A new, independent generator.
 * @throws UsageError when `seed` is not a safe integer.
 */
export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) {
    throw new UsageError({ message: `seed must be a safe integer, got ${String(seed)}` });
  }
  let state = BigInt.asUintN(64, BigInt(seed));
  const words: number[] = [];
  for (let i = 0; i < 2; i++) {
    state = BigInt.asUintN(64, state + 0x9e3779b97f4a7c15n);
    let z = state;
    z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
    z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
    z ^= z >> 31n;
    words.push(Number(z & 0xffffffffn), Number(z >> 32n));
  }
  return createRandomFromState(words as [number, number, number, number], seed);
}

/**
 * Creates a xoshiro128** generator from a raw 128-bit state, for reproducing reference
 * test vectors. Prefer `createRandom`.
 *
 * @param state Four unsigned 32-bit words `s[0..3]`, not all zero.
 * @param seed The value reported as `Random.seed`; default 0.
 * @returns A new generator.
 * @throws UsageError when the words are not unsigned 32-bit integers or are all zero.
 */
export function createRandomFromState(
  state: readonly [number, number, number, number],
  seed = 0,
): Random {
  for (const word of state) {
    if (!Number.isInteger(word) || word < 0 || word >= twoTo32) {
      throw new UsageError({
        message: `state words must be unsigned 32-bit integers, got ${word}`,
      });
    }
  }
  if ((state[0] | state[1] | state[2] | state[3]) === 0) {
    throw new UsageError({ message: 'xoshiro128** state must not be all zero' });
  }
  return new Xoshiro128StarStar(state, seed);
}

/** xoshiro128** 1.1, transcribed from the reference C code (prng.di.unimi.it). */
class Xoshiro128StarStar implements Random {
  readonly seed: number;
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(state: readonly [number, number, number, number], seed: number) {
    this.seed = seed;
    this.s0 = state[0] | 0;
    this.s1 = state[1] | 0;
    this.s2 = state[2] | 0;
    this.s3 = state[3] | 0;
  }

  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9);
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ (s1 << 9);
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  }

  next(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67_108_864 + low) / twoTo53;
  }

  int(maxExclusive: number): number {
    if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > twoTo32) {
      throw new UsageError({
        message: `maxExclusive must be an integer in [1, 2^32], got ${String(maxExclusive)}`,
      });
    }
    // Values below `threshold` would make some results more likely; draw again.
    const threshold = (twoTo32 - maxExclusive) % maxExclusive;
    for (;;) {
      const value = this.nextUint32();
      if (value >= threshold) {
        return value % maxExclusive;
      }
    }
  }
}
