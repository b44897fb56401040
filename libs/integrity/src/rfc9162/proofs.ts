import { EMPTY_ROOT, nodeHash, splitPoint } from './hashes.js';

/**
 * Where the hashes of complete subtrees come from: the hash of the 2^level leaves starting at leaf
 * `index × 2^level` (level 0: the leaf hashes). A log keeps these, so any proof costs O(log² n) lookups.
 */
export interface SubtreeHashes {
  subtree(level: number, index: number): Buffer;
}

/** MTH(D[start:end]) of RFC 9162 §2.1.1, from the complete subtrees it is made of. */
export function rangeHash(tree: SubtreeHashes, start: number, end: number): Buffer {
  const size = end - start;
  if (size === 0) return EMPTY_ROOT;
  // A complete, aligned subtree is stored as it is.
  if ((size & (size - 1)) === 0 && start % size === 0) return tree.subtree(Math.log2(size), start / size);
  const k = splitPoint(size);
  return nodeHash(rangeHash(tree, start, start + k), rangeHash(tree, start + k, end));
}

/** The root of the first `size` leaves. */
export function rootHash(tree: SubtreeHashes, size: number): Buffer {
  return rangeHash(tree, 0, size);
}

/** PATH(m, D[0:n]) of RFC 9162 §2.1.3.1: the audit path of leaf `index` in the tree of `size` leaves. */
export function inclusionPath(tree: SubtreeHashes, index: number, size: number): Buffer[] {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new RangeError(`leaf ${index} is not in a tree of ${size} leaves`);
  }
  const path: Buffer[] = [];
  // Iterative form of the recursion: the subtree [start, end) holds the leaf; siblings collected
  // from the top down are reversed at the end (the path goes from the leaf up).
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      path.push(rangeHash(tree, start + k, end));
      end = start + k;
    } else {
      path.push(rangeHash(tree, start, start + k));
      start += k;
    }
  }
  return path.reverse();
}

/**
 * PROOF(m, D[0:n]) of RFC 9162 §2.1.4.1: the hashes that prove the tree of `from` leaves is a prefix of
 * the tree of `to` leaves. Empty when `from` is 0 or equals `to`.
 */
export function consistencyPath(tree: SubtreeHashes, from: number, to: number): Buffer[] {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to) {
    throw new RangeError(`no consistency proof from ${from} leaves to ${to}`);
  }
  if (from === 0 || from === to) return [];
  const proof: Buffer[] = [];
  // SUBPROOF(m, D[start:end], b), unrolled: each step goes left or right and records the other side.
  let m = from;
  let start = 0;
  let end = to;
  let whole = true;
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      proof.push(rangeHash(tree, start + k, end));
      end = start + k;
    } else {
      proof.push(rangeHash(tree, start, start + k));
      start += k;
      m -= k;
      whole = false;
    }
  }
  // m equals the subtree's size: the old tree's own subtree, needed unless it is the whole old tree.
  if (!whole) proof.push(rangeHash(tree, start, end));
  return proof.reverse();
}

/** Subtree hashes of leaves held in memory: for small trees, tests and the verifier's recomputation. */
export function inMemoryTree(leaves: readonly Buffer[]): SubtreeHashes {
  return {
    subtree(level, index) {
      if (level === 0) return leaves[index]!;
      return nodeHash(this.subtree(level - 1, index * 2), this.subtree(level - 1, index * 2 + 1));
    },
  };
}
