import { InvalidAppendError } from '../errors.js';
import { MAX_STREAM_NAME_LENGTH, validateAppend } from './append-validation.js';

const id = '0190A3C2-7D1E-7B6A-9F00-00000000ABCD';

describe('validateAppend', () => {
  it('lower-cases ids, serialises payloads and defaults metadata and expected revision', () => {
    expect(validateAppend('s', [{ id, type: 'T', data: { a: 1 } }])).toEqual({
      stream: 's',
      expectedRevision: 'any',
      events: [{ id: id.toLowerCase(), type: 'T', data: '{"a":1}', metadata: '{}' }],
    });
  });

  it('keeps metadata verbatim', () => {
    const metadata = { actor: 'a', schemaVersion: 3, extra: { nested: ['x'] } };
    const [event] = validateAppend('s', [{ id, type: 'T', data: null, metadata }]).events;
    expect(JSON.parse(event.metadata)).toEqual(metadata);
  });

  it('passes the expected revision through', () => {
    for (const expectedRevision of ['no_stream', 'exists', 'any', 0n, 41n] as const) {
      expect(validateAppend('s', [{ id, type: 'T', data: 1 }], { expectedRevision }).expectedRevision).toBe(
        expectedRevision,
      );
    }
  });

  it('names the offending event and field', () => {
    const good = { id, type: 'T', data: {} };
    expect(() => validateAppend('s', [good, { ...good, id: 'x', type: 'T' }])).toThrow(
      'events[1].id must be a UUID',
    );
    expect(() =>
      validateAppend('s', [
        { ...good, id: id.replace('A', 'B') },
        { ...good, data: { n: 1n } },
      ]),
    ).toThrow('events[1].data.n is a bigint');
    expect(() => validateAppend('s', [good, { ...good, id: id.toLowerCase() }])).toThrow(
      `events[1].id ${id.toLowerCase()} appears twice`,
    );
  });

  it('measures the stream name limit exactly', () => {
    const event = { id, type: 'T', data: {} };
    expect(() => validateAppend('s'.repeat(MAX_STREAM_NAME_LENGTH), [event])).not.toThrow();
    expect(() => validateAppend('s'.repeat(MAX_STREAM_NAME_LENGTH + 1), [event])).toThrow(InvalidAppendError);
  });

  it('refuses an empty append, explaining that nothing was given', () => {
    expect(() => validateAppend('s', [])).toThrow('Nothing to append to stream "s"');
  });
});
