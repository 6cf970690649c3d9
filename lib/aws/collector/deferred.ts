/** A promise with its resolve function at hand: one reader tells, others wait. Resolving twice keeps the first. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  readonly settled: boolean;
}

export function deferred<T = void>(): Deferred<T> {
  let settle!: (value: T) => void;
  let settled = false;
  const promise = new Promise<T>((r) => (settle = r));
  return {
    promise,
    resolve(value: T) {
      if (settled) return;
      settled = true;
      settle(value);
    },
    get settled() {
      return settled;
    },
  };
}
