import {
  countriesWithRole,
  countryInfo,
  isCountryCode,
  parseCountries,
  parseCountryCode,
} from './country.js';
import { InvalidCountryError } from './errors.js';

describe('country codes', () => {
  it('accept ISO 3166-1 alpha-2 codes, normalised to upper case', () => {
    expect(parseCountryCode('KH')).toBe('KH');
    expect(parseCountryCode(' la ')).toBe('LA');
    expect(isCountryCode('TH')).toBe(true);
  });

  it.each([['XX'], ['KHM'], ['K'], [''], [42], [null]])('refuse %p as INVALID_COUNTRY', (value) => {
    expect(() => parseCountryCode(value, 'countries[0].code')).toThrow(InvalidCountryError);
    try {
      parseCountryCode(value, 'countries[0].code');
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_COUNTRY', field: 'countries[0].code' });
    }
  });

  it('name Cambodia in English and in Khmer, from the ISO library', () => {
    expect(countryInfo('KH')).toEqual({
      code: 'KH',
      alpha3: 'KHM',
      name: 'Cambodia',
      localNames: [{ locale: 'km', name: 'កម្ពុជា' }],
    });
  });

  it('name Laos and Myanmar locally although the library has no Lao or Burmese locale', () => {
    expect(countryInfo('LA').localNames).toEqual([{ locale: 'lo', name: 'ລາວ' }]);
    expect(countryInfo('MM').localNames).toEqual([{ locale: 'my', name: 'မြန်မာ' }]);
    expect(countryInfo('TH').localNames).toEqual([{ locale: 'th', name: 'ไทย' }]);
  });

  it('give no local name where the tracker knows no local language', () => {
    expect(countryInfo('FR')).toMatchObject({ name: 'France', localNames: [] });
  });

  it('parse involvements, dropping a repeated (country, role) pair but keeping a second role', () => {
    const countries = parseCountries([
      { code: 'KH', role: 'HOST' },
      { code: 'kh', role: 'HOST' },
      { code: 'KH', role: 'SIGNATORY' },
      { code: 'CN', role: 'SIGNATORY' },
    ]);
    expect(countries).toEqual([
      { code: 'KH', role: 'HOST' },
      { code: 'KH', role: 'SIGNATORY' },
      { code: 'CN', role: 'SIGNATORY' },
    ]);
    expect(countriesWithRole(countries, 'SIGNATORY')).toEqual(['KH', 'CN']);
  });

  it('refuse an unknown role and an empty list', () => {
    expect(() => parseCountries([{ code: 'KH', role: 'VILLAIN' }])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'countries[0].role' }),
    );
    expect(() => parseCountries([])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'countries' }),
    );
  });
});
