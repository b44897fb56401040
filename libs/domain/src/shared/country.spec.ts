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

describe('countries, stated whole (from the survivors of the mutation run)', () => {
  it('name each country of the region in its own languages', () => {
    const local = (code: string) =>
      countryInfo(code).localNames.map(({ locale, name }) => `${locale}:${name}`);
    expect(local('BN')).toEqual(['ms:Brunei']);
    expect(local('CN')).toEqual(['zh:中国']);
    expect(local('HK')).toEqual(['zh:香港']);
    expect(local('ID')).toEqual(['id:Indonesia']);
    expect(local('IN')).toEqual(['hi:भारत']);
    expect(local('JP')).toEqual(['ja:日本']);
    expect(local('KR')).toEqual(['ko:대한민국']);
    expect(local('MO')).toEqual(['zh:澳门', 'pt:Macau']);
    expect(local('MY')).toEqual(['ms:Malaysia']);
    expect(local('PH')).toEqual(['fil:Pilipinas']);
    expect(local('SG')).toEqual(['zh:新加坡', 'ms:Singapura', 'ta:சிங்கப்பூர்']);
    expect(local('TL')).toEqual(['pt:Timor-Leste']);
    expect(countryInfo('TW').localNames.map(({ locale }) => locale)).toEqual(['zh']);
    expect(local('VN')).toEqual(['vi:Việt Nam']);
  });

  it('check codes exactly: isCountryCode normalises nothing, parseCountryCode says what it refused', () => {
    expect(isCountryCode('kh')).toBe(false);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode(42)).toBe(false);
    expect(() => parseCountryCode('KH1', 'c')).toThrow('c: "KH1" is not an ISO 3166-1 alpha-2 code');
    expect(() => parseCountryCode('1KH', 'c')).toThrow(InvalidCountryError);
    expect(() => parseCountryCode(42)).toThrow('country: 42 is not an ISO 3166-1 alpha-2 code');
  });

  it('refuse a list that is not one, and too few countries, saying how many are needed', () => {
    expect(() => parseCountries('KH')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        field: 'countries',
        message: 'countries must be a list',
      }),
    );
    expect(() => parseCountries([{ code: 'KH', role: 'HOST' }], 'signatories', 2)).toThrow(
      'signatories needs at least 2 country',
    );
  });
});
