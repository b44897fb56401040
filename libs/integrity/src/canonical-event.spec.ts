import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  canonicalEventBytes,
  canonicalEventBytesOfCanonicalTexts,
  canonicalJson,
} from './canonical-event.js';

describe('canonical event bytes', () => {
  it('are RFC 8785: keys sorted by code unit, numbers and strings in their one form', () => {
    const bytes = canonicalEventBytes({
      id: 'e1',
      stream: 'record-1',
      revision: 3n,
      type: 'FigureReported',
      data: { value: 1e21, b: 'é\u2028', a: [1.5, -0, null], é: true, Z: 0.1 },
      metadata: { actor: 'x' },
      recordedAt: new Date('2026-11-30T10:00:00Z'),
    });
    expect(bytes.toString('utf8')).toBe(
      '{"data":{"Z":0.1,"a":[1.5,0,null],"b":"é\u2028","value":1e+21,"é":true},"id":"e1","metadata":{"actor":"x"},' +
        '"recordedAt":"2026-11-30T10:00:00.000Z","revision":"3","stream":"record-1","type":"FigureReported"}',
    );
  });

  it('are the same whether built from canonical texts or from values, for any JSON data', () => {
    const json = fc.jsonValue();
    fc.assert(
      fc.property(
        json,
        json,
        fc.string(),
        fc.string(),
        fc.bigInt({ min: 0n, max: 2n ** 62n }),
        (data, metadata, id, stream, revision) => {
          const event = { id, stream, revision, type: 'T', recordedAt: '2026-11-30T10:00:00.000Z' };
          // As the store reads it back: parsed from the text it wrote.
          const parsedData = JSON.parse(canonicalJson(data)) as unknown;
          const parsedMetadata = JSON.parse(canonicalJson(metadata)) as unknown;
          expect(
            canonicalEventBytesOfCanonicalTexts({
              ...event,
              dataText: canonicalJson(data),
              metadataText: canonicalJson(metadata),
            }).equals(canonicalEventBytes({ ...event, data: parsedData, metadata: parsedMetadata })),
          ).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
