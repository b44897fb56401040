import { parseConfidence } from './confidence.js';
import { parseSources } from './source.js';

describe('sources', () => {
  it('keeps a full source and drops a repeated URL', () => {
    const full = {
      url: 'https://example.org/a',
      title: ' The article ',
      publisher: 'Example',
      publishedOn: '2025-02-10',
      quote: 'nearly 100,000 people',
    };
    expect(parseSources([full, { url: 'https://example.org/a' }])).toEqual([
      { ...full, title: 'The article' },
    ]);
  });

  it('treats null optional parts as absent', () => {
    expect(parseSources([{ url: 'http://example.org/', title: null, quote: null }])).toEqual([
      { url: 'http://example.org/' },
    ]);
  });

  it.each([[undefined], [null], [[]]])('requires at least one (SOURCE_REQUIRED for %p)', (value) => {
    expect(() => parseSources(value)).toThrow(
      expect.objectContaining({ code: 'SOURCE_REQUIRED', field: 'sources' }),
    );
  });

  it.each([['ftp://example.org/x'], ['javascript:alert(1)'], ['not a url'], ['/relative'], [42]])(
    'refuses %p: not an http(s) URL',
    (url) => {
      expect(() => parseSources([{ url }])).toThrow(
        expect.objectContaining({ code: 'INVALID_SOURCE', field: 'sources[0].url' }),
      );
    },
  );

  it('refuses a malformed optional part as INVALID_SOURCE naming it', () => {
    expect(() => parseSources([{ url: 'https://a.org', publishedOn: '2025-02-30' }])).toThrow(
      expect.objectContaining({ code: 'INVALID_SOURCE', field: 'sources[0].publishedOn' }),
    );
    expect(() => parseSources([{ url: 'https://a.org' }, { url: 'https://b.org', title: '' }])).toThrow(
      expect.objectContaining({ code: 'INVALID_SOURCE', field: 'sources[1].title' }),
    );
  });
});

describe('confidence', () => {
  it('is one of the four levels', () => {
    expect(parseConfidence('OFFICIAL_CLAIM')).toBe('OFFICIAL_CLAIM');
    expect(() => parseConfidence('CERTAIN')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'confidence' }),
    );
  });
});
