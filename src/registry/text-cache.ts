// A bounded cache keyed by text, for normalising a registry's repeated values (names, dates) once each.
// A Map<string, …> re-hashes every fresh substring a CSV split makes, which measured several times slower per
// lookup than our own 52-bit string hash into a NumberHash; the stored text is compared on a hit, so two texts
// that share a hash never share a value.
import { NumberHash } from './number-hash.js';
import { stringKey } from './string-key.js';

export class TextCache<T> {
  private slots = new NumberHash(1024);
  private texts: string[] = [];
  private values: T[] = [];

  /**
   * Cleared whenever it holds `limit` texts, so a country's worth of distinct names never piles up here;
   * `dropped` sees each value as it leaves (on clearing, and on drain()).
   */
  constructor(
    private readonly limit: number,
    private readonly dropped: (value: T) => void = () => undefined,
  ) {}

  /** Position of text's value for value(), or -1 when it is not cached. */
  find(text: string): number {
    const at = this.slots.get(stringKey(text));
    return at >= 0 && this.texts[at] === text ? at : -1;
  }

  value(at: number): T {
    return this.values[at] as T;
  }

  /** Keeps the value computed for text after find() missed. */
  add(text: string, value: T): void {
    const key = stringKey(text);
    if (this.slots.get(key) >= 0) return; // another text with the same hash: rare enough not to cache
    if (this.texts.length >= this.limit) this.drain();
    this.slots.set(key, this.texts.length);
    // A CSV field is a slice of a whole chunk of the file; a flat copy keeps the chunk from being retained.
    this.texts.push(flat(text));
    this.values.push(value);
  }

  /** Empties the cache, handing every value to `dropped`. */
  drain(): void {
    for (const value of this.values) this.dropped(value);
    this.slots = new NumberHash(1024);
    this.texts = [];
    this.values = [];
  }
}

function flat(text: string): string {
  return ` ${text}`.slice(1);
}
