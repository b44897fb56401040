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
} as const;

/** The actor the demo dataset is recorded under. */
export const DEMO_ACTOR = 'demo-data';

/** The demo's citation (the article file has no URL: a placeholder on example.org). */
export const DEMO_SOURCE_URL = 'https://example.org/sources/cambodia-online-scams-article';
