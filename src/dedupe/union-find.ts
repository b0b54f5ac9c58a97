// Disjoint sets over row indexes: the groups are the connected components of the duplicate links.
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly rank: Uint8Array;

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
    this.rank = new Uint8Array(size);
  }

  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    // Path compression keeps later finds near O(1) on 100k rows.
    let at = i;
    while (this.parent[at] !== root) {
      const next = this.parent[at]!;
      this.parent[at] = root;
      at = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const ka = this.rank[ra]!;
    const kb = this.rank[rb]!;
    if (ka < kb) this.parent[ra] = rb;
    else if (ka > kb) this.parent[rb] = ra;
    else {
      this.parent[rb] = ra;
      this.rank[ra] = ka + 1;
    }
  }
}
