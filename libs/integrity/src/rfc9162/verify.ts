import { EMPTY_ROOT, HASH_BYTES, nodeHash } from './hashes.js';

/**
 * RFC 9162 §2.1.3.2: whether `path` proves that `leaf` is leaf `index` of the tree of `size` leaves whose
 * root is `root`. Never throws: anything malformed is simply not a proof.
 */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  path: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isCount(index) || !isCount(size) || index >= size) return false;
  if (!isHash(leaf) || !isHash(root) || !Array.isArray(path) || !path.every(isHash)) return false;
  const at = { fn: index, sn: size - 1 };
  let r: Uint8Array = leaf;
  for (const p of path) {
    if (at.sn === 0) return false;
    if (isLeftSibling(at)) r = nodeHash(p, r);
    else r = nodeHash(r, p);
    halve(at);
  }
  return at.sn === 0 && equal(r, root);
}

/**
 * RFC 9162 §2.1.4.2: whether `proof` shows that the tree of `fromSize` leaves with root `fromRoot` is a
 * prefix of the tree of `toSize` leaves with root `toRoot`. An empty tree is a prefix of every tree; a tree
 * is consistent with itself when the roots are equal and the proof is empty.
 */
export function verifyConsistency(
  fromSize: number,
  toSize: number,
  fromRoot: Uint8Array,
  toRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isCount(fromSize) || !isCount(toSize) || fromSize > toSize) return false;
  if (!isHash(fromRoot) || !isHash(toRoot) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  if (fromSize === 0) return proof.length === 0 && equal(fromRoot, EMPTY_ROOT);
  if (fromSize === toSize) return proof.length === 0 && equal(fromRoot, toRoot);
  if (proof.length === 0) return false;
  // When the old tree is a complete subtree of the new, its root is the proof's implicit first hash.
  const path = (fromSize & (fromSize - 1)) === 0 ? [fromRoot, ...proof] : [...proof];
  const at = { fn: fromSize - 1, sn: toSize - 1 };
  while (at.fn % 2 === 1) halve(at);
  let fr: Uint8Array = path[0]!;
  let sr: Uint8Array = path[0]!;
  for (const c of path.slice(1)) {
    if (at.sn === 0) return false;
    if (isLeftSibling(at)) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
    } else {
      sr = nodeHash(sr, c);
    }
    halve(at);
  }
  return at.sn === 0 && equal(fr, fromRoot) && equal(sr, toRoot);
}

/** Where the walk up the tree is: the node's index (`fn`) and the last index at its level (`sn`). */
interface Walk {
  fn: number;
  sn: number;
}

function halve(at: Walk): void {
  at.fn = Math.floor(at.fn / 2);
  at.sn = Math.floor(at.sn / 2);
}

/**
 * RFC 9162's test "LSB(fn) is set, or fn equals sn": the proof's next hash goes on the left. When the node
 * is on the right edge with no sibling at these levels (fn = sn, even), it first climbs until it is a
 * right child, or the root.
 */
function isLeftSibling(at: Walk): boolean {
  if (at.fn % 2 === 1) return true;
  if (at.fn !== at.sn) return false;
  while (at.fn % 2 === 0 && at.fn !== 0) halve(at);
  return true;
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function isHash(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length === HASH_BYTES;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, at) => byte === b[at]);
}
