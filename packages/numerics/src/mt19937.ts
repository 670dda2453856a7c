/**
 * The MT19937 Mersenne Twister (Matsumoto & Nishimura 1998, "Mersenne twister: a
 * 623-dimensionally equidistributed uniform pseudo-random number generator", ACM TOMACS 8, 3–30),
 * the bit generator behind numpy's legacy `np.random.RandomState`.
 *
 * The state is 624 32-bit words, kept in an `Int32Array` (the same bits as the unsigned words of
 * the reference code; V8 runs the twist about twice as fast on int32 loads as on uint32 ones). The
 * recurrence regenerates all words at once ("twist"), and each output word is the state word
 * passed through the tempering transform. Seeding an integer follows the reference
 * `init_genrand`, which is what numpy 1.24 does for `RandomState(seed)` with an integer seed
 * (checked: `RandomState(0).get_state()[1][:3]` is `[0, 1, 1812433255]`, the `init_genrand(0)`
 * state, not the `init_by_array` one).
 *
 * @internal
 * @module
 */

/** Number of 32-bit words in the state (the recurrence's degree n). @internal */
export const MT_STATE_WORDS = 624;

/**
 * Fills `state` from a 32-bit seed by the reference `init_genrand` recurrence
 * xᵢ = 1812433253 · (xᵢ₋₁ ⊕ (xᵢ₋₁ ≫ 30)) + i (mod 2³²), x₀ = seed.
 *
 * @param state - An `Int32Array` of {@link MT_STATE_WORDS} words, overwritten.
 * @param seed - An integer in [0, 2³² − 1] (not checked here).
 * @internal
 */
export function seedMt19937(state: Int32Array, seed: number): void {
  let word = seed >>> 0;
  state[0] = word;
  for (let i = 1; i < MT_STATE_WORDS; i++) {
    // Math.imul keeps the low 32 bits of the product exactly.
    word = (Math.imul(1812433253, word ^ (word >>> 30)) + i) >>> 0;
    state[i] = word;
  }
}

/**
 * Regenerates all 624 state words in place (the "twist"): each new word joins the top bit of one
 * word with the low 31 bits of the next, shifts right by one, xors the matrix row 0x9908b0df if
 * the shifted-out bit was set, and xors the word 397 places ahead.
 *
 * @param state - The generator state, updated in place.
 * @internal
 */
export function twistMt19937(state: Int32Array): void {
  // Literal constants on purpose: the bundler turns module constants into `var`s, which V8 reloads
  // on every use; literals make the twist twice as fast. n = 624, m = 397, n − m = 227,
  // upper bit 0x80000000, lower bits 0x7fffffff, last row of the twist matrix a = 0x9908b0df.
  let k = 0;
  for (; k < 227; k++) {
    const y = ((state[k] as number) & 0x80000000) | ((state[k + 1] as number) & 0x7fffffff);
    state[k] = (state[k + 397] as number) ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
  }
  for (; k < 623; k++) {
    const y = ((state[k] as number) & 0x80000000) | ((state[k + 1] as number) & 0x7fffffff);
    state[k] = (state[k - 227] as number) ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
  }
  const y = ((state[623] as number) & 0x80000000) | ((state[0] as number) & 0x7fffffff);
  state[623] = (state[396] as number) ^ (y >>> 1) ^ (-(y & 1) & 0x9908b0df);
}

/**
 * The tempering transform that turns a state word into an output word.
 *
 * @param word - A state word (signed or unsigned view of the same 32 bits).
 * @returns The tempered word as a signed 32-bit integer; `>>> 0` gives numpy's unsigned output.
 *   (Staying in int32 lets V8 keep the arithmetic in integer registers.)
 * @internal
 */
export function temperMt19937(word: number): number {
  let y = word;
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  return y ^ (y >>> 18);
}
