/*
 * The records of the demo dataset (data/demo/cambodia-online-scams.json) by what they are. Their ids are
 * fixed in the dataset, so they are the same on every server that loaded it; the README uses them too.
 */
export const DEMO = {
  statement: '5b0f3e1a-2c4d-4e6f-8a1b-000000000001',
  /** 18,000 websites closed since 2021 (the SHUTDOWN record). */
  shutdown: '5b0f3e1a-2c4d-4e6f-8a1b-000000000002',
  /** FIGURE, official: 18,000 "websites shut down". */
  websitesShutDownFigure: '5b0f3e1a-2c4d-4e6f-8a1b-000000000003',
  /** FIGURE, official: at least 13,000 websites still accessible in the last half of 2024. */
  websitesStillAccessibleFigure: '5b0f3e1a-2c4d-4e6f-8a1b-000000000004',
  /** FIGURE, independent: nearly 100,000 trafficked workers (UN Human Rights Office). */
  traffickedWorkersFigure: '5b0f3e1a-2c4d-4e6f-8a1b-000000000005',
  /** FIGURE, independent: at least $12.5 billion a year (United States Institute of Peace). */
  illicitProfitsFigure: '5b0f3e1a-2c4d-4e6f-8a1b-000000000006',
  meeting: '5b0f3e1a-2c4d-4e6f-8a1b-000000000007',
  /** Made at the meeting by Cambodia; China is MENTIONED, not a signatory. */
  commitment: '5b0f3e1a-2c4d-4e6f-8a1b-000000000008',
  /** The Inter-Ministerial Task Force Committee: SUPPORTS the commitment. */
  taskForce: '5b0f3e1a-2c4d-4e6f-8a1b-000000000009',
  websitesTaskForce: '5b0f3e1a-2c4d-4e6f-8a1b-00000000000a',
  /** The two journalists: CONTRADICTS the commitment. */
  detention: '5b0f3e1a-2c4d-4e6f-8a1b-00000000000b',
  /** Licadho's assessment of the commitment. */
  licadhoAssessment: '5b0f3e1a-2c4d-4e6f-8a1b-00000000000c',
  /** ACTORs the article names (persons and organisations). */
  hunManet: '5b0f3e1a-2c4d-4e6f-8a1b-000000000010',
  ministryOfPost: '5b0f3e1a-2c4d-4e6f-8a1b-000000000011',
  unHumanRightsOffice: '5b0f3e1a-2c4d-4e6f-8a1b-000000000014',
  usip: '5b0f3e1a-2c4d-4e6f-8a1b-000000000015',
  elliptic: '5b0f3e1a-2c4d-4e6f-8a1b-000000000016',
  huione: '5b0f3e1a-2c4d-4e6f-8a1b-000000000017',
  licadho: '5b0f3e1a-2c4d-4e6f-8a1b-000000000018',
  amSamAth: '5b0f3e1a-2c4d-4e6f-8a1b-000000000019',
  tvhd: '5b0f3e1a-2c4d-4e6f-8a1b-00000000001a',
  phnomPenhPolice: '5b0f3e1a-2c4d-4e6f-8a1b-00000000001b',
  spokesperson: '5b0f3e1a-2c4d-4e6f-8a1b-00000000001c',
  /** FIGURE, independent: more than half of Cambodia's GDP (United States Institute of Peace). */
  shareOfGdpFigure: '5b0f3e1a-2c4d-4e6f-8a1b-000000000022',
  /** STATEMENT: the closing remarks of 6 February. */
  closingRemarks: '5b0f3e1a-2c4d-4e6f-8a1b-000000000023',
  /** STATEMENT by a non-state speaker: Am Sam Ath (Licadho), no ACTING country. */
  amSamAthStatement: '5b0f3e1a-2c4d-4e6f-8a1b-000000000024',
  /** ALLEGATION: Elliptic about Huione Group. */
  huioneAllegation: '5b0f3e1a-2c4d-4e6f-8a1b-000000000028',
  /** ALLEGATION: Phnom Penh police about the two journalists' video. */
  policeAllegation: '5b0f3e1a-2c4d-4e6f-8a1b-000000000029',
} as const;

/** The actor the demo dataset is recorded under. */
export const DEMO_ACTOR = 'demo-data';

/** The demo's citation (the article file has no URL: a placeholder on example.org). */
export const DEMO_SOURCE_URL = 'https://example.org/sources/cambodia-online-scams-article';
