/** Deterministic pseudo-random numbers for generated test inputs, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    // Math.imul: a plain product passes 2^53 and loses the low bits the mask keeps, which left
    // the sequence a few hundred values long.
    state = (Math.imul(state, 1_103_515_245) + 12_345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

/** Whole numbers from 0 up to (not including) the bound, from the same generator. */
export function seededBelow(seed: number): (bound: number) => number {
  const random = seededRandom(seed);
  return (bound) => Math.floor(random() * bound);
}
