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

  // Every refusal answers with the message a caller acts on (survivors of the mutation run: the messages
  // were checked by class only).
  it.each<[string, () => unknown, string]>([
    ['events not an array', () => validateAppend('s', 'nope'), 'events must be an array'],
    [
      'an empty stream name',
      () => validateAppend('', [{ id, type: 'T' }]),
      'The stream name must be a non-empty string',
    ],
    [
      'a stream name that is not a string',
      () => validateAppend(7, [{ id, type: 'T' }]),
      'The stream name must be a non-empty string',
    ],
    [
      'a stream name one over the limit',
      () => validateAppend('s'.repeat(MAX_STREAM_NAME_LENGTH + 1), [{ id, type: 'T' }]),
      `The stream name is ${MAX_STREAM_NAME_LENGTH + 1} characters long; at most ${MAX_STREAM_NAME_LENGTH} are allowed`,
    ],
    [
      'a reserved name',
      () => validateAppend('$all', [{ id, type: 'T' }]),
      'Stream "$all": names starting with $ are reserved for the store',
    ],
    [
      'a control character in the name',
      () => validateAppend('a\nb', [{ id, type: 'T' }]),
      'Stream "a\\nb" contains a control character',
    ],
    ['an event that is null', () => validateAppend('s', [null]), 'events[0] is not an object'],
    ['an event that is a string', () => validateAppend('s', ['e']), 'events[0] is not an object'],
    [
      'an id that is no UUID',
      () => validateAppend('s', [{ id: 'abc', type: 'T' }]),
      'events[0].id must be a UUID, not "abc"',
    ],
    [
      'an id with a UUID inside',
      () => validateAppend('s', [{ id: `x${id}`, type: 'T' }]),
      `events[0].id must be a UUID, not "x${id}"`,
    ],
    [
      'an id with a UUID first',
      () => validateAppend('s', [{ id: `${id}x`, type: 'T' }]),
      `events[0].id must be a UUID, not "${id}x"`,
    ],
    [
      'an id that is a number',
      () => validateAppend('s', [{ id: 5, type: 'T' }]),
      'events[0].id must be a UUID, not 5',
    ],
    [
      'an id that is an object',
      () => validateAppend('s', [{ id: {}, type: 'T' }]),
      'events[0].id must be a UUID, not an object',
    ],
    [
      'an id that is null',
      () => validateAppend('s', [{ id: null, type: 'T' }]),
      'events[0].id must be a UUID, not null',
    ],
    [
      'a long id, cut in the message',
      () => validateAppend('s', [{ id: 'i'.repeat(61), type: 'T' }]),
      `events[0].id must be a UUID, not "${'i'.repeat(60)}..."`,
    ],
    [
      'an id of exactly 60 characters, not cut',
      () => validateAppend('s', [{ id: 'i'.repeat(60), type: 'T' }]),
      `events[0].id must be a UUID, not "${'i'.repeat(60)}"`,
    ],
    [
      'an empty type',
      () => validateAppend('s', [{ id, type: '' }]),
      'events[0].type must be a non-empty string',
    ],
    [
      'a type too long',
      () => validateAppend('s', [{ id, type: 'T'.repeat(257) }]),
      'events[0].type is longer than 256 characters',
    ],
    [
      'a control character in the type',
      () => validateAppend('s', [{ id, type: 'T\u0000' }]),
      'events[0].type contains a control character',
    ],
    [
      'metadata that is a list',
      () => validateAppend('s', [{ id, type: 'T', data: {}, metadata: [] }]),
      'events[0].metadata must be an object',
    ],
    [
      'metadata that is null',
      () => validateAppend('s', [{ id, type: 'T', data: {}, metadata: null }]),
      'events[0].metadata must be an object',
    ],
    [
      'metadata that is text',
      () => validateAppend('s', [{ id, type: 'T', data: {}, metadata: 'm' }]),
      'events[0].metadata must be an object',
    ],
    [
      'a negative revision',
      () => validateAppend('s', [{ id, type: 'T' }], { expectedRevision: -1n }),
      "expectedRevision must be 'no_stream', 'exists', 'any' or a revision as a bigint >= 0n, not -1n",
    ],
    [
      'a revision as a number',
      () => validateAppend('s', [{ id, type: 'T' }], { expectedRevision: 3 as never }),
      "expectedRevision must be 'no_stream', 'exists', 'any' or a revision as a bigint >= 0n, not 3",
    ],
    [
      'an unknown expected state',
      () => validateAppend('s', [{ id, type: 'T' }], { expectedRevision: 'maybe' as never }),
      `expectedRevision must be 'no_stream', 'exists', 'any' or a revision as a bigint >= 0n, not "maybe"`,
    ],
  ])('refuses %s, saying so exactly', (_name, append, message) => {
    expect(append).toThrow(InvalidAppendError);
    expect(append).toThrow(new InvalidAppendError(message));
  });

  it('accepts a stream name exactly at the limit, revision 0n, and metadata left out', () => {
    expect(
      validateAppend('s'.repeat(MAX_STREAM_NAME_LENGTH), [{ id, type: 'T'.repeat(256), data: {} }], {
        expectedRevision: 0n,
      }),
    ).toMatchObject({ expectedRevision: 0n, events: [{ metadata: '{}' }] });
  });
});
