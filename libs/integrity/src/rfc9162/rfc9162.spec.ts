import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { EMPTY_ROOT, leafHash } from './hashes.js';
import { consistencyPath, inclusionPath, inMemoryTree, rootHash } from './proofs.js';
import { verifyConsistency, verifyInclusion } from './verify.js';

// The RFC 6962 reference tree (certificate-transparency's test vectors): its eight leaves, the root at
// every size, and the inclusion and consistency proofs published with them.
const ENTRIES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION = [
  {
    index: 0,
    size: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    path: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const CONSISTENCY = [
  {
    from: 2,
    to: 8,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    from: 6,
    to: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    from: 2,
    to: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

const hex = (hash: Buffer) => hash.toString('hex');
const unhex = (text: string) => Buffer.from(text, 'hex');
const leaves = ENTRIES.map((entry) => leafHash(unhex(entry)));
const reference = inMemoryTree(leaves);

describe('RFC 9162 tree hashing and proofs', () => {
  it('gives the reference tree its published root at every size, 0 to 8', () => {
    expect(hex(EMPTY_ROOT)).toBe(ROOTS[0]);
    for (let size = 0; size <= 8; size++) expect(hex(rootHash(reference, size))).toBe(ROOTS[size]);
  });

  it('produces and accepts the published inclusion proofs', () => {
    for (const { index, size, path } of INCLUSION) {
      expect(inclusionPath(reference, index, size).map(hex)).toEqual(path);
      expect(verifyInclusion(leaves[index]!, index, size, path.map(unhex), unhex(ROOTS[size]!))).toBe(true);
    }
  });

  it('produces and accepts the published consistency proofs', () => {
    for (const { from, to, proof } of CONSISTENCY) {
      expect(consistencyPath(reference, from, to).map(hex)).toEqual(proof);
      expect(verifyConsistency(from, to, unhex(ROOTS[from]!), unhex(ROOTS[to]!), proof.map(unhex))).toBe(
        true,
      );
    }
  });

  it('refuses impossible proof requests', () => {
    expect(() => inclusionPath(reference, 8, 8)).toThrow(RangeError);
    expect(() => inclusionPath(reference, -1, 8)).toThrow(RangeError);
    expect(() => consistencyPath(reference, 5, 3)).toThrow(RangeError);
  });

  it('treats the degenerate consistency cases as RFC 9162 does', () => {
    const root4 = unhex(ROOTS[4]!);
    const root8 = unhex(ROOTS[8]!);
    expect(verifyConsistency(4, 4, root4, root4, [])).toBe(true);
    expect(verifyConsistency(4, 4, root4, root8, [])).toBe(false);
    expect(verifyConsistency(0, 8, EMPTY_ROOT, root8, [])).toBe(true);
    expect(verifyConsistency(0, 8, root4, root8, [])).toBe(false);
    expect(verifyConsistency(8, 4, root8, root4, [])).toBe(false);
    expect(verifyConsistency(2, 8, unhex(ROOTS[2]!), root8, [])).toBe(false);
  });

  // Every leaf of every tree up to 70 leaves, and every pair of sizes: each proof verifies, and the same
  // proof with one bit flipped, a hash dropped or added, or the wrong index or size, does not.
  const many = Array.from({ length: 70 }, (_, at) => leafHash(Buffer.from(`leaf ${at}`)));
  const tree = inMemoryTree(many);
  const roots = Array.from({ length: 71 }, (_, size) => rootHash(tree, size));

  it('accepts every inclusion proof, and refuses it altered', () => {
    for (let size = 1; size <= many.length; size++) {
      for (let index = 0; index < size; index++) {
        const path = inclusionPath(tree, index, size);
        expect(verifyInclusion(many[index]!, index, size, path, roots[size]!)).toBe(true);
        expect(verifyInclusion(many[index]!, index, size, [...path, many[0]!], roots[size]!)).toBe(false);
        if (size > 1) {
          expect(verifyInclusion(many[index]!, (index + 1) % size, size, path, roots[size]!)).toBe(false);
          expect(verifyInclusion(many[index]!, index, size, path.slice(1), roots[size]!)).toBe(false);
          const flipped = path.map((hash) => Buffer.from(hash));
          flipped[0]![5]! ^= 1;
          expect(verifyInclusion(many[index]!, index, size, flipped, roots[size]!)).toBe(false);
        }
      }
    }
  });

  it('accepts every consistency proof, and refuses it altered', () => {
    for (let to = 1; to <= many.length; to++) {
      for (let from = 1; from < to; from++) {
        const proof = consistencyPath(tree, from, to);
        expect(verifyConsistency(from, to, roots[from]!, roots[to]!, proof)).toBe(true);
        expect(verifyConsistency(from, to, roots[from]!, roots[to]!, proof.slice(0, -1))).toBe(false);
        expect(verifyConsistency(from, to, roots[from]!, roots[to]!, [...proof, many[1]!])).toBe(false);
        expect(verifyConsistency(from, to, roots[to - 1 === from ? 0 : to - 1]!, roots[to]!, proof)).toBe(
          false,
        );
        const flipped = proof.map((hash) => Buffer.from(hash));
        flipped[flipped.length - 1]![0]! ^= 0x80;
        expect(verifyConsistency(from, to, roots[from]!, roots[to]!, flipped)).toBe(false);
      }
    }
  });

  it('never throws on malformed input, whatever it is', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (index, size, path) => {
        expect(
          typeof verifyInclusion(many[0]!, index as number, size as number, path as Buffer[], roots[1]!),
        ).toBe('boolean');
        expect(
          typeof verifyConsistency(index as number, size as number, roots[1]!, roots[2]!, path as Buffer[]),
        ).toBe('boolean');
      }),
    );
  });
});
