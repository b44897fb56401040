/*
 * Valid mutation inputs of every kind (facts from the source article), for e2e specs that record
 * something and then change it. Each function returns a fresh object, so a spec can spread and override.
 */

export const ARTICLE_SOURCE = {
  url: 'https://example.org/cambodia-online-scams',
  title: 'Cambodia struggles to shut down online scam industry',
  publisher: 'Example News',
  publishedOn: '2025-02-10',
};

export const day = (date: string) => ({ date, precision: 'DAY' });

function base(countries: { code: string; role: string }[], date = '2025-01-20') {
  return { countries, occurred: day(date), sources: [{ ...ARTICLE_SOURCE }], confidence: 'REPORTED' };
}

export const meetingInput = () => ({
  ...base([
    { code: 'KH', role: 'HOST' },
    { code: 'CN', role: 'PARTICIPANT' },
    { code: 'LA', role: 'PARTICIPANT' },
  ]),
  title: 'Meeting with senior Chinese and Mekong officials on online scams',
  place: 'Phnom Penh',
  bodies: ['Mekong-Lancang Cooperation'],
});

export const statementInput = () => ({
  ...base([{ code: 'KH', role: 'ACTING' }], '2025-02-06'),
  confidence: 'OFFICIAL_CLAIM',
  speaker: 'Hun Manet',
  office: 'Prime Minister of Cambodia',
  quote: 'We will not allow Cambodia to become a haven for online scams.',
});

export const commitmentInput = (meetingId: string) => ({
  ...base([
    { code: 'KH', role: 'SIGNATORY' },
    { code: 'CN', role: 'SIGNATORY' },
  ]),
  text: 'Shut down every scam compound operating in the country.',
  theme: 'online scams',
  meetingId,
  deadline: { date: '2025-12', precision: 'MONTH' },
});

export const taskForceInput = () => ({
  ...base([{ code: 'KH', role: 'ACTING' }], '2025-02-01'),
  confidence: 'OFFICIAL_CLAIM',
  name: 'Commission for Combating Online Scams',
  mandate: 'Coordinate the crackdown on online scam operations.',
  memberAgencies: ['Ministry of Interior', 'National Police', 'Ministry of Post and Telecommunications'],
});

export const arrestInput = () => ({
  ...base([{ code: 'KH', role: 'ACTING' }], '2025-03-10'),
  personsArrested: 200,
  nationalities: [{ country: 'CN', count: 120 }],
  charges: ['fraud'],
  place: 'Sihanoukville',
});

export const detentionInput = () => ({
  ...base([{ code: 'KH', role: 'ACTING' }], '2025-01-10'),
  persons: [
    { name: 'Journalist A', role: 'JOURNALIST', nationality: 'KH' },
    { name: 'Journalist B', role: 'JOURNALIST' },
  ],
  outlet: 'Example Outlet',
  reason: 'Filming a raid on a scam compound',
});

export const shutdownInput = () => ({
  ...base([{ code: 'KH', role: 'ACTING' }]),
  occurred: { from: { date: '2021', precision: 'YEAR' }, to: { date: '2025-01', precision: 'MONTH' } },
  confidence: 'OFFICIAL_CLAIM',
  count: 18000,
  target: 'WEBSITES',
  action: 'BLOCKED',
  categories: ['GAMBLING', 'SCAM'],
  authority: 'Ministry of Post and Telecommunications',
});

export const figureInput = () => ({
  ...base([{ code: 'KH', role: 'SCOPE' }], '2024-08-15'),
  indicator: 'people trafficked into scam compounds',
  value: 100000,
  unit: 'persons',
  qualifier: 'APPROXIMATE',
  claimant: 'UN Human Rights Office',
  provenance: 'INDEPENDENT',
});

/** A source for lifecycle steps. */
export const stepSources = () => [{ url: 'https://example.org/follow-up' }];

/** The GraphQL input type of each mutation (`recordMeeting` → `RecordMeetingInput`). */
export function inputTypeOf(mutation: string): string {
  return `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
}

/** A mutation document selecting the payload and the projected record. */
export function mutationDocument(mutation: string): string {
  return `mutation Run($input: ${inputTypeOf(mutation)}!, $key: String) {
    ${mutation}(input: $input, idempotencyKey: $key) {
      recordId kind position replayed eventCount
      record { id kind retracted countries { code role } }
    }
  }`;
}
