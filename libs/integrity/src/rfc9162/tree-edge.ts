import { EMPTY_ROOT, nodeHash } from './hashes.js';

/** A complete subtree on the right edge of the tree: 2^level leaves. */
export interface EdgeNode {
  level: number;
  hash: Buffer;
}

/**
 * The right edge of an append-only RFC 9162 tree: one complete subtree per set bit of its size, largest
 * first. Enough to append a leaf and to know the root, in O(log n) memory, without the leaves themselves.
 */
export class TreeEdge {
  constructor(
    private size = 0,
    private readonly nodes: EdgeNode[] = [],
  ) {}

  get leaves(): number {
    return this.size;
  }

  /**
   * Adds a leaf. `completed` hears of every subtree the leaf completes (level ≥ 1, its index at that
   * level): what a stored log keeps.
   */
  append(leaf: Buffer, completed?: (level: number, index: number, hash: Buffer) => void): void {
    let node = leaf;
    let level = 0;
    let at = this.size;
    // While the new node is a right child, it completes its parent with the edge's last subtree.
    while (at % 2 === 1) {
      node = nodeHash(this.nodes.pop()!.hash, node);
      level += 1;
      at = (at - 1) / 2;
      completed?.(level, at, node);
    }
    this.nodes.push({ level, hash: node });
    this.size += 1;
  }

  /** The root of the tree as it stands: the edge's subtrees folded from the right. */
  root(): Buffer {
    if (this.nodes.length === 0) return EMPTY_ROOT;
    let root = this.nodes[this.nodes.length - 1]!.hash;
    for (let at = this.nodes.length - 2; at >= 0; at--) root = nodeHash(this.nodes[at]!.hash, root);
    return root;
  }
}

/** The edge of the tree of `size` leaves, from any source of its complete subtrees. */
export function edgeOf(size: number, subtree: (level: number, index: number) => Buffer): TreeEdge {
  const nodes: EdgeNode[] = [];
  let start = 0;
  for (let level = Math.floor(Math.log2(Math.max(size, 1))); level >= 0; level--) {
    const width = 2 ** level;
    if (size - start >= width) {
      nodes.push({ level, hash: subtree(level, start / width) });
      start += width;
    }
  }
  return new TreeEdge(size, nodes);
}
