// Which registry rows one candidate search has met already. A row often sits in two or three of a search's
// blocks, and the search meets a few hundred rows of a registry of millions: a small open-addressing table,
// reused from search to search by a generation number instead of being cleared, stays in the CPU's cache. (A
// mark per registry row did the same with one array read, but that array is 40 MB at 10 M rows, and each of its
// pages touched for the first time costs a page fault: most of the candidate search's time at 10 M.)

export class RowMarks {
  private rows = new Int32Array(1024);
  private gens = new Uint32Array(1024);
  private mask = 1023;
  // Fibonacci hashing: the product's top bits, which every bit of the row stirs.
  private shift = 22;
  // Never 0, the value of a slot no search has used.
  private gen = 1;
  private count = 0;

  /** Forgets every row: the next search starts empty. */
  clear(): void {
    this.gen += 1;
    this.count = 0;
    if (this.gen === 0xffffffff) {
      this.gens.fill(0);
      this.gen = 1;
    }
  }

  /** Marks the row; false when it was marked already in this search. */
  add(row: number): boolean {
    const { rows, gens, mask, gen } = this;
    let at = Math.imul(row, 0x9e3779b1) >>> this.shift;
    while (gens[at] === gen) {
      if (rows[at] === row) return false;
      at = (at + 1) & mask;
    }
    rows[at] = row;
    gens[at] = gen;
    this.count += 1;
    if (this.count * 2 > mask) this.grow();
    return true;
  }

  private grow(): void {
    const { rows, gens, gen } = this;
    const size = rows.length * 2;
    this.rows = new Int32Array(size);
    this.gens = new Uint32Array(size);
    this.mask = size - 1;
    this.shift -= 1;
    for (let i = 0; i < rows.length; i += 1) {
      if (gens[i] !== gen) continue;
      const row = rows[i] as number;
      let at = Math.imul(row, 0x9e3779b1) >>> this.shift;
      while (this.gens[at] === gen) at = (at + 1) & this.mask;
      this.rows[at] = row;
      this.gens[at] = gen;
    }
  }
}
