/**
 * A bounded least-recently-used cache of rendered pages, by key. Bounded both in entries and in total size,
 * so that many large reports cannot grow the process without limit (the size of an entry is its `length`: characters
 * of a string, bytes of a Uint8Array). No timers.
 */
export class HtmlCache<V extends { length: number } = string> {
  private readonly map = new Map<string, V>();
  private chars = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxChars: number,
  ) {}

  get size(): number {
    return this.map.size;
  }

  /** Sum of the entries' lengths. */
  get totalChars(): number {
    return this.chars;
  }

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    // Most recently used last.
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    if (value.length > this.maxChars || this.maxEntries <= 0) return;
    this.map.set(key, value);
    this.chars += value.length;
    while (this.map.size > this.maxEntries || this.chars > this.maxChars) {
      const oldest = this.map.keys().next().value as string;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const old = this.map.get(key);
    if (old === undefined) return;
    this.map.delete(key);
    this.chars -= old.length;
  }

  /** Drops every entry whose key starts with `prefix`. */
  deletePrefix(prefix: string): void {
    for (const key of [...this.map.keys()]) if (key.startsWith(prefix)) this.delete(key);
  }
}
