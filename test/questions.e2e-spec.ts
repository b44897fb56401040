import { startApiServer, type RunningServer } from './support/api-server.js';
import { gql, gqlData } from './support/gql.js';
import { DEMO, DEMO_ACTOR, DEMO_SOURCE_URL } from './support/demo-data.js';
import { day, stepSources } from './support/mutation-inputs.js';
import { mutate } from './support/mutations.js';
import { subscribe, type SubscriptionHandle } from './support/subscriptions.js';
import { daysBetween, utcToday, waitFor } from './support/wait.js';

/*
 * The eight questions of the domain ("Questions the API must answer"), each asked of a real server
 * holding the demo dataset, the way a diplomat, a rights group or a dashboard would ask it, and answered
 * with the facts of the source article. Tests that need more than the demo (an overdue commitment, a
 * correction, a live change) make it through the API first, as another client would; they run in the
 * order written, each after the questions whose demo facts it would change.
 */

/** A test source for what these specs add beyond the article. */
const E2E_SOURCE = { url: 'https://example.org/e2e/questions', title: 'Added by the questions e2e spec' };

describe('the questions the API must answer, on the demo data', () => {
  let server: RunningServer;
  const read = (query: string, variables?: Record<string, unknown>) => gqlData(server.url, query, variables);

  beforeAll(async () => {
    server = await startApiServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('1. what Cambodia has committed to since 2024, and the implementation status of each', async () => {
    const data = await read(`{
      country(code: "KH") {
        name
        commitments(filter: { from: "2024-01-01" }) {
          totalCount
          edges { node {
            id text theme meetingId occurred { startDay }
            signatories { country { code } implementation overdue latestAssessments { assessor rating } }
            evidence(relation: SUPPORTS) { recordId recordKind }
          } }
        }
        stats { commitments commitmentsByImplementation { status count } }
      }
      later: commitments(filter: { country: "KH", from: "2025-02-01" }) { totalCount }
    }`);
    const cambodia = data.country;
    expect(cambodia.name).toBe('Cambodia');
    expect(cambodia.commitments.totalCount).toBe(1);
    expect(cambodia.commitments.edges[0].node).toEqual({
      id: DEMO.commitment,
      text: 'Strengthen efforts against online scamming, human trafficking and related criminal activity in the region.',
      theme: 'online scams',
      meetingId: DEMO.meeting,
      occurred: { startDay: '2025-01-01' },
      // The task force created right after the meeting SUPPORTS it: NO_EVIDENCE became LIMITED, and
      // Licadho rates it LIMITED too.
      signatories: [
        {
          country: { code: 'KH' },
          implementation: 'LIMITED',
          overdue: false,
          latestAssessments: [{ assessor: 'Licadho', rating: 'LIMITED' }],
        },
      ],
      evidence: [{ recordId: DEMO.taskForce, recordKind: 'TASK_FORCE' }],
    });
    expect(cambodia.stats.commitments).toBe(1);
    expect(cambodia.stats.commitmentsByImplementation).toContainEqual({ status: 'LIMITED', count: 1 });
    expect(
      cambodia.stats.commitmentsByImplementation
        .filter((c: { status: string }) => c.status !== 'LIMITED')
        .every((c: { count: number }) => c.count === 0),
    ).toBe(true);
    // Made in January 2025: "since February 2025" leaves it out.
    expect(data.later.totalCount).toBe(0);
  });

  it('2. which commitments made at a given meeting are overdue, per signatory', async () => {
    // The demo's commitment has no deadline; another client records a joint one with a past deadline,
    // and China reports it complete.
    const joint = await mutate(server, 'makeCommitment', {
      countries: [
        { code: 'KH', role: 'SIGNATORY' },
        { code: 'CN', role: 'SIGNATORY' },
      ],
      occurred: { date: '2025-01', precision: 'MONTH' },
      sources: [E2E_SOURCE],
      confidence: 'REPORTED',
      text: 'Close the scam compounds named in the joint list.',
      theme: 'online scams',
      meetingId: DEMO.meeting,
      deadline: { date: '2025-06', precision: 'MONTH' },
    });
    await mutate(server, 'setImplementationStatus', {
      recordId: joint.recordId,
      status: 'COMPLETE',
      countries: ['CN'],
      reason: 'China reports every listed compound closed.',
      sources: [E2E_SOURCE],
    });
    const today = utcToday();
    expect(today > '2025-06-30').toBe(true); // the deadline has passed, so overdue is what the API must derive

    const data = await read(
      `query($meeting: ID!) {
        meeting: record(id: $meeting) { ... on Meeting { title } }
        commitments(filter: { meeting: $meeting }) {
          edges { node {
            id overdue deadline { endDay }
            signatories { country { code } implementation overdue }
          } }
        }
        overdueForCambodia: commitments(filter: { meeting: $meeting, overdue: true, country: "KH" }) {
          edges { node { id } }
        }
        overdueForChina: commitments(filter: { meeting: $meeting, overdue: true, country: "CN" }) {
          totalCount
        }
      }`,
      { meeting: DEMO.meeting },
    );
    expect(data.meeting.title).toMatch(/Multilateral meeting with senior Chinese and Mekong officials/);
    const byId = new Map(data.commitments.edges.map((e: { node: { id: string } }) => [e.node.id, e.node]));
    expect([...byId.keys()].sort()).toEqual([DEMO.commitment, joint.recordId].sort());
    expect(byId.get(DEMO.commitment)).toEqual({
      id: DEMO.commitment,
      overdue: false,
      deadline: null,
      signatories: [{ country: { code: 'KH' }, implementation: 'LIMITED', overdue: false }],
    });
    const overdue = byId.get(joint.recordId) as any;
    expect(overdue).toMatchObject({ overdue: true, deadline: { endDay: '2025-06-30' } });
    const sortByCode = (list: { country: { code: string } }[]) =>
      [...list].sort((a, b) => a.country.code.localeCompare(b.country.code));
    expect(sortByCode(overdue.signatories)).toEqual([
      { country: { code: 'CN' }, implementation: 'COMPLETE', overdue: false },
      { country: { code: 'KH' }, implementation: 'NO_EVIDENCE', overdue: true },
    ]);
    expect(data.overdueForCambodia.edges).toEqual([{ node: { id: joint.recordId } }]);
    expect(data.overdueForChina.totalCount).toBe(0);

    const stats = await read(`{
      kh: country(code: "KH") { stats { overdueCommitments } }
      cn: country(code: "CN") { stats { overdueCommitments } }
    }`);
    expect(stats).toEqual({
      kh: { stats: { overdueCommitments: 1 } },
      cn: { stats: { overdueCommitments: 0 } },
    });
  });

  it('3. which records contradict a commitment', async () => {
    const data = await read(
      `query($id: ID!) {
        record(id: $id) {
          ... on Commitment {
            contradicting: evidence(relation: CONTRADICTS) {
              recordId recordKind relation note countries { code }
              record { id ... on Detention { persons { name role } reason charges } }
            }
            all: evidence { recordId relation }
          }
        }
      }`,
      { id: DEMO.commitment },
    );
    expect(data.record.contradicting).toEqual([
      {
        recordId: DEMO.detention,
        recordKind: 'DETENTION',
        relation: 'CONTRADICTS',
        note: expect.stringMatching(/Journalists detained for reporting on abuse inside a scam compound/),
        countries: [{ code: 'KH' }],
        record: {
          id: DEMO.detention,
          persons: [
            { name: 'Local journalist (name not published in the source)', role: 'JOURNALIST' },
            { name: 'Second local journalist (name not published in the source)', role: 'JOURNALIST' },
          ],
          reason: expect.stringMatching(/video showing an alleged forced scammer being beaten/),
          charges: ['incitement'],
        },
      },
    ]);
    // The supporting task force is evidence too, but not a contradiction.
    expect(data.record.all).toEqual(
      expect.arrayContaining([
        { recordId: DEMO.taskForce, relation: 'SUPPORTS' },
        { recordId: DEMO.detention, relation: 'CONTRADICTS' },
      ]),
    );
    expect(data.record.all).toHaveLength(2);
  });

  it('4. websites shut down in Cambodia: what the government claims beside what others report', async () => {
    const FIGURES = `query($indicator: String) {
      country(code: "KH") {
        figures(indicator: $indicator) {
          totalCount
          edges {
            node {
              indicator
              official { id value unit qualifier claimant provenance period { startDay endDay } }
              independent { id value unit qualifier claimant provenance }
            }
          }
        }
        stats { shutdownsByPeriod { recordId count target action startDay endDay } }
      }
    }`;
    const all = (await read(FIGURES)).country;
    const groups = all.figures.edges.map((edge: { node: { indicator: string } }) => edge.node);
    expect(all.figures.totalCount).toBe(groups.length);
    const byIndicator = new Map(groups.map((f: { indicator: string }) => [f.indicator, f]));
    // The government's own claims: 18,000 shut down since 2021, and at least 13,000 still accessible
    // in the last half of 2024.
    expect(byIndicator.get('websites shut down')).toEqual({
      indicator: 'websites shut down',
      official: [
        {
          id: DEMO.websitesShutDownFigure,
          value: 18000,
          unit: 'websites',
          qualifier: 'EXACT',
          claimant: 'Prime Minister Hun Manet, citing a Ministry of Post and Telecommunications report',
          provenance: 'OFFICIAL',
          period: { startDay: '2021-01-01', endDay: '2025-02-28' },
        },
      ],
      independent: [],
    });
    expect(byIndicator.get('websites promoting online crimes still accessible')).toMatchObject({
      official: [{ id: DEMO.websitesStillAccessibleFigure, value: 13000, qualifier: 'AT_LEAST' }],
      independent: [],
    });
    // What others report about Cambodia's scam industry: the UN and the USIP, independent.
    expect(byIndicator.get('trafficked workers in scam centres')).toMatchObject({
      official: [],
      independent: [{ value: 100000, qualifier: 'APPROXIMATE', claimant: 'UN Human Rights Office' }],
    });
    expect(byIndicator.get('illicit profits of scam centres per year')).toMatchObject({
      official: [],
      independent: [{ value: 12500000000, claimant: 'United States Institute of Peace' }],
    });
    expect(all.stats.shutdownsByPeriod).toEqual([
      {
        recordId: DEMO.shutdown,
        count: 18000,
        target: 'WEBSITES',
        action: 'CLOSED',
        startDay: '2021-01-01',
        endDay: '2025-02-28',
      },
    ]);

    // An independent monitor reports its own count of the same indicator: it lands beside the claim.
    const monitor = await mutate(server, 'reportFigure', {
      countries: [{ code: 'KH', role: 'SCOPE' }],
      occurred: day('2025-03-01'),
      sources: [E2E_SOURCE],
      confidence: 'REPORTED',
      indicator: 'websites shut down',
      value: 9000,
      unit: 'websites',
      qualifier: 'APPROXIMATE',
      claimant: 'An independent monitor (e2e)',
      provenance: 'INDEPENDENT',
      disputes: DEMO.websitesShutDownFigure,
    });
    // The indicator is matched case-insensitively.
    const side = (await read(FIGURES, { indicator: 'Websites Shut Down' })).country.figures.edges.map(
      (edge: { node: unknown }) => edge.node,
    );
    expect(side).toHaveLength(1);
    expect(side[0].official.map((f: { id: string }) => f.id)).toEqual([DEMO.websitesShutDownFigure]);
    expect(side[0].independent).toEqual([
      {
        id: monitor.recordId,
        value: 9000,
        unit: 'websites',
        qualifier: 'APPROXIMATE',
        claimant: 'An independent monitor (e2e)',
        provenance: 'INDEPENDENT',
      },
    ]);
  });

  it('5. which journalists are detained in the region right now, and for how long', async () => {
    const before = utcToday();
    const data = await read(`{
      detentions(filter: { open: true }) {
        totalCount
        edges { node {
          id status inCustody lastReportedOn daysDetained daysDetainedApproximate daysDetainedRange { min max } charges
          persons { name role nationality { code } }
          custody { from to }
          countries { code role }
        } }
      }
      closed: detentions(filter: { open: false }) { totalCount }
      country(code: "KH") { stats { journalistsDetained openDetentionCases detentionDays } }
    }`);
    const after = utcToday();
    expect(data.detentions.totalCount).toBe(1);
    const detention = data.detentions.edges[0].node;
    expect(detention).toMatchObject({
      id: DEMO.detention,
      status: 'CHARGED',
      inCustody: true,
      charges: ['incitement'],
      countries: [{ code: 'KH', role: 'ACTING' }],
      persons: [
        {
          name: 'Local journalist (name not published in the source)',
          role: 'JOURNALIST',
          nationality: { code: 'KH' },
        },
        {
          name: 'Second local journalist (name not published in the source)',
          role: 'JOURNALIST',
          nationality: { code: 'KH' },
        },
      ],
      // "Last month" of a February article: January 2025, so custody counts from its first day.
      custody: [{ from: '2025-01-01', to: null }],
    });
    // Days from the first day of custody to today (the day may turn between the two clocks).
    const expected = [daysBetween('2025-01-01', before), daysBetween('2025-01-01', after)];
    expect(expected).toContain(detention.daysDetained);
    expect(detention.daysDetained).toBeGreaterThan(365);
    // Known only to the month: custody began on one of January's days, so the count is a range, flagged.
    expect(detention.daysDetainedApproximate).toBe(true);
    expect(detention.daysDetainedRange).toEqual({
      min: detention.daysDetained - 30,
      max: detention.daysDetained,
    });
    // In custody as last reported (the charge), not certainly today.
    expect(detention.lastReportedOn).toMatch(/^2025-/);
    expect(data.closed.totalCount).toBe(0);
    expect(data.country.stats).toEqual({
      journalistsDetained: 2,
      openDetentionCases: 1,
      detentionDays: detention.daysDetained,
    });
  });

  it('6. what the tracker said about Cambodia as of a past time, before a later correction', async () => {
    // A time after the demo was recorded, then a correction strictly after it.
    const asOf = new Date().toISOString();
    await waitFor(() => (Date.now() > Date.parse(asOf) ? true : undefined));
    const corrected = await mutate(server, 'correctRecord', {
      recordId: DEMO.shutdown,
      changes: { count: 18500, action: 'BLOCKED' },
      reason: 'e2e: the ministry report counts 18,500 blocked websites.',
    });
    expect(corrected.eventCount).toBe(1);

    const COUNTRY = `query($asOf: DateTime) {
      country(code: "KH", asOf: $asOf) {
        asOf
        stats { shutdownsByPeriod { recordId count action } }
      }
      record(id: "${DEMO.shutdown}", asOf: $asOf) { revision ... on Shutdown { count action } }
    }`;
    const then = await read(COUNTRY, { asOf });
    const now = await read(COUNTRY);
    expect(new Date(then.country.asOf).toISOString()).toBe(asOf);
    expect(then.country.stats.shutdownsByPeriod).toEqual([
      { recordId: DEMO.shutdown, count: 18000, action: 'CLOSED' },
    ]);
    expect(then.record).toEqual({ revision: 0, count: 18000, action: 'CLOSED' });
    expect(now.country.asOf).toBeNull();
    expect(now.country.stats.shutdownsByPeriod).toEqual([
      { recordId: DEMO.shutdown, count: 18500, action: 'BLOCKED' },
    ]);
    expect(now.record).toEqual({ revision: 1, count: 18500, action: 'BLOCKED' });

    // Before the demo was recorded, the tracker knew nothing of Cambodia.
    const before = await gql(server.url, COUNTRY, { asOf: '2000-01-01T00:00:00Z' });
    expect(before.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('7. who recorded or changed a record, when, and citing what', async () => {
    const started = Date.now();
    await mutate(server, 'correctRecord', {
      recordId: DEMO.detention,
      changes: {
        confidence: 'CORROBORATED',
        sources: [
          { url: DEMO_SOURCE_URL },
          { url: 'https://example.org/e2e/second-outlet', publisher: 'A second outlet (e2e)' },
        ],
      },
      reason: 'e2e: a second outlet reported the same detention.',
    });
    const data = await read(
      `query($id: ID!) {
        history(recordId: $id) {
          totalCount
          edges { node { type actor recordedAt revision data metadata } }
        }
        record(id: $id) { recordedBy recordedAt updatedBy updatedAt }
      }`,
      { id: DEMO.detention },
    );
    const events = data.history.edges.map((edge: { node: any }) => edge.node);
    expect(data.history.totalCount).toBe(4);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'JournalistDetained',
      'DetentionCharged',
      'DetentionNoteAdded',
      'RecordCorrected',
    ]);
    expect(events.map((e: { revision: number }) => e.revision)).toEqual([0, 1, 2, 3]);
    // Who: the demo loader, then the reviewer's token (its name is the actor).
    expect(events.map((e: { actor: string }) => e.actor)).toEqual([
      DEMO_ACTOR,
      DEMO_ACTOR,
      DEMO_ACTOR,
      'e2e-reviewer',
    ]);
    expect(events.map((e: { metadata: any }) => e.metadata.commandType)).toEqual([
      'ReportDetention',
      'ChargeDetention',
      'AddDetentionNote',
      'CorrectRecord',
    ]);
    // When: recording times, in order, the correction's during this test.
    const times = events.map((e: { recordedAt: string }) => Date.parse(e.recordedAt));
    expect(times.every((t: number) => Number.isFinite(t))).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times[3]).toBeGreaterThanOrEqual(started - 1000);
    // Citing what: the article's own sentences, then the correction's reason and new sources.
    expect(events[0].data.sources).toEqual([
      expect.objectContaining({
        url: DEMO_SOURCE_URL,
        quote: expect.stringContaining('two local journalists were detained and charged with incitement'),
      }),
    ]);
    expect(events[1].data.sources[0].quote).toBe(
      'two local journalists were detained and charged with incitement',
    );
    expect(events[2].data.sources[0].quote).toMatch(/Both journalists have since apologized/);
    expect(events[3].data).toMatchObject({
      reason: 'e2e: a second outlet reported the same detention.',
      changes: {
        confidence: 'CORROBORATED',
        sources: expect.arrayContaining([
          expect.objectContaining({ url: 'https://example.org/e2e/second-outlet' }),
        ]),
      },
    });
    expect(data.record).toEqual({
      recordedBy: DEMO_ACTOR,
      recordedAt: events[0].recordedAt,
      updatedBy: 'e2e-reviewer',
      updatedAt: events[3].recordedAt,
    });
  });

  it('9. who said, claimed, assessed or alleged what: every actor of the article leads to its records', async () => {
    const expected: [string, [string, string][]][] = [
      [
        DEMO.hunManet,
        [
          ['SPEAKER', DEMO.statement],
          ['SPEAKER', DEMO.closingRemarks],
          ['CLAIMANT', DEMO.websitesStillAccessibleFigure],
        ],
      ],
      [
        DEMO.ministryOfPost,
        [
          ['CLAIMANT', DEMO.websitesShutDownFigure],
          ['MEMBER', DEMO.websitesTaskForce],
        ],
      ],
      [DEMO.unHumanRightsOffice, [['CLAIMANT', DEMO.traffickedWorkersFigure]]],
      [
        DEMO.usip,
        [
          ['CLAIMANT', DEMO.illicitProfitsFigure],
          ['CLAIMANT', DEMO.shareOfGdpFigure],
        ],
      ],
      [DEMO.elliptic, [['ALLEGES', DEMO.huioneAllegation]]],
      [DEMO.huione, [['ALLEGED_AGAINST', DEMO.huioneAllegation]]],
      [DEMO.licadho, [['ASSESSOR', DEMO.commitment]]],
      [DEMO.amSamAth, [['SPEAKER', DEMO.amSamAthStatement]]],
      [DEMO.phnomPenhPolice, [['ALLEGES', DEMO.policeAllegation]]],
      [DEMO.tvhd, [['SPEAKER', '5b0f3e1a-2c4d-4e6f-8a1b-00000000002b']]],
      // International reports: crypto platforms allegedly launder the industry's money.
      ['5b0f3e1a-2c4d-4e6f-8a1b-00000000002c', [['ALLEGES', '5b0f3e1a-2c4d-4e6f-8a1b-00000000002e']]],
      [
        '5b0f3e1a-2c4d-4e6f-8a1b-00000000001f',
        [
          ['DETAINED', DEMO.detention],
          ['ALLEGED_AGAINST', DEMO.policeAllegation],
        ],
      ],
    ];
    for (const [actorId, references] of expected) {
      const data = await read(
        `query($id: ID!) { actor(id: $id) { id references(first: 20) { edges { node { role record { id } } } } } }`,
        { id: actorId },
      );
      const found = data.actor.references.edges.map(
        (edge: { node: { role: string; record: { id: string } } }) => [edge.node.role, edge.node.record.id],
      );
      expect([actorId, [...found].sort()]).toEqual([actorId, [...references].sort()]);
    }
    // The allegation and the actors it links, in their own words; the share of GDP beside the profits.
    const huione = await read(`{
      record(id: "${DEMO.huioneAllegation}") {
        ... on Allegation { claim allegationStatus allegedBy about sources { quote } }
      }
      actor(id: "${DEMO.huione}") { name description countries { code role } }
      gdp: record(id: "${DEMO.shareOfGdpFigure}") { ... on Figure { value unit qualifier claimant } }
      defender: actor(id: "${DEMO.amSamAth}") { names { value language } description }
      spokesperson: actor(id: "${DEMO.spokesperson}") { name description sources { quote } }
      actors(first: 100) { totalCount }
    }`);
    expect(huione.record).toMatchObject({
      allegationStatus: 'ALLEGED',
      allegedBy: DEMO.elliptic,
      about: [DEMO.huione],
      claim: expect.stringContaining('largest illicit online marketplace ever identified'),
    });
    expect(huione.record.sources[0].quote).toMatch(/^It also follows revelations from London-based/);
    expect(huione.actor).toMatchObject({ name: 'Huione Group', countries: [{ code: 'KH', role: 'HOME' }] });
    expect(huione.gdp).toEqual({
      value: 50,
      unit: 'percent of GDP',
      qualifier: 'AT_LEAST',
      claimant: 'United States Institute of Peace',
    });
    expect(huione.defender).toEqual({
      names: [{ value: 'អំ សំអាត', language: 'km' }],
      description: 'Operations director, Licadho',
    });
    expect(huione.spokesperson.sources[0].quote).toMatch(/could not be reached for comment/);
    expect(huione.actors.totalCount).toBe(20);
  });

  describe('8. pushing every new record about Cambodia or Laos, and every change of a commitment status', () => {
    const FOLLOW = `subscription($countries: [String!]) {
      recordChanged(countries: $countries) {
        recordId kind countries eventType position
        record { id kind countries { code role } }
      }
    }`;
    const STATUS = `subscription($countries: [String!]) {
      commitmentStatusChanged(countries: $countries) {
        recordId countries from to eventType
        record { id ... on Commitment { signatories { country { code } implementation } } }
      }
    }`;
    let records: SubscriptionHandle<any>;
    let statuses: SubscriptionHandle<any>;

    beforeAll(async () => {
      // A dashboard following Cambodia and Laos, with a reader's token, over graphql-ws.
      records = await subscribe(server, FOLLOW, { countries: ['KH', 'LA'] }, { token: server.tokens.reader });
      statuses = await subscribe(
        server,
        STATUS,
        { countries: ['KH', 'LA'] },
        { token: server.tokens.reader },
      );
    });
    afterAll(async () => {
      await records.close();
      await statuses.close();
    });

    it("receives another client's changes about Cambodia or Laos, and nothing only about Thailand", async () => {
      // Another client, over HTTP, with a recorder's token (a reviewer's to set a status).
      const recorder = { token: server.tokens.recorder };
      const thaiOnly = await mutate(
        server,
        'reportArrest',
        {
          countries: [{ code: 'TH', role: 'ACTING' }],
          occurred: day('2025-03-01'),
          sources: [E2E_SOURCE],
          confidence: 'REPORTED',
          personsArrested: 40,
        },
        recorder,
      );
      const laos = await mutate(
        server,
        'recordStatement',
        {
          countries: [{ code: 'LA', role: 'ACTING' }],
          occurred: day('2025-03-02'),
          sources: [E2E_SOURCE],
          confidence: 'OFFICIAL_CLAIM',
          speaker: 'A Lao government spokesperson (e2e)',
          office: 'Government of Laos',
          quote: 'Scam compounds in the special economic zone will be closed.',
        },
        recorder,
      );
      const cambodians = await mutate(
        server,
        'reportArrest',
        {
          countries: [{ code: 'TH', role: 'ACTING' }],
          occurred: day('2025-03-03'),
          sources: [E2E_SOURCE],
          confidence: 'REPORTED',
          personsArrested: 12,
          nationalities: [{ country: 'KH', count: 12 }],
        },
        recorder,
      );
      // A Thai commitment and its status change: neither concerns Cambodia or Laos.
      const thaiStatement = await mutate(
        server,
        'recordStatement',
        {
          countries: [{ code: 'TH', role: 'ACTING' }],
          occurred: day('2025-03-04'),
          sources: [E2E_SOURCE],
          confidence: 'OFFICIAL_CLAIM',
          speaker: 'A Thai government spokesperson (e2e)',
          office: 'Government of Thailand',
          quote: 'Power to the border scam hubs will be cut.',
        },
        recorder,
      );
      const thaiCommitment = await mutate(
        server,
        'makeCommitment',
        {
          countries: [{ code: 'TH', role: 'SIGNATORY' }],
          occurred: day('2025-03-04'),
          sources: [E2E_SOURCE],
          confidence: 'OFFICIAL_CLAIM',
          text: 'Cut power to the border scam hubs.',
          theme: 'online scams',
          statementId: thaiStatement.recordId,
        },
        recorder,
      );
      await mutate(server, 'setImplementationStatus', {
        recordId: thaiCommitment.recordId,
        status: 'SUBSTANTIAL',
        reason: 'e2e: power was cut to most hubs.',
        sources: stepSources(),
      });
      // Cambodia's commitment moves from LIMITED to SUBSTANTIAL.
      const cambodia = await mutate(server, 'setImplementationStatus', {
        recordId: DEMO.commitment,
        status: 'SUBSTANTIAL',
        countries: ['KH'],
        reason: 'e2e: most compounds named by the task force are closed.',
        sources: stepSources(),
      });

      const first = await records.next();
      const second = await records.next();
      const third = await records.next();
      expect(first.data!.recordChanged).toMatchObject({
        recordId: laos.recordId,
        kind: 'STATEMENT',
        countries: ['LA'],
        eventType: 'StatementRecorded',
        position: laos.position,
        record: { id: laos.recordId, kind: 'STATEMENT', countries: [{ code: 'LA', role: 'ACTING' }] },
      });
      expect(second.data!.recordChanged).toMatchObject({
        recordId: cambodians.recordId,
        kind: 'ARREST',
        eventType: 'ArrestReported',
        position: cambodians.position,
      });
      expect(second.data!.recordChanged.countries).toEqual(expect.arrayContaining(['TH', 'KH']));
      expect(third.data!.recordChanged).toMatchObject({
        recordId: DEMO.commitment,
        kind: 'COMMITMENT',
        countries: expect.arrayContaining(['KH']),
        eventType: 'ImplementationStatusSet',
        position: cambodia.position,
      });
      const status = await statuses.next();
      expect(status.data!.commitmentStatusChanged).toEqual({
        recordId: DEMO.commitment,
        countries: ['KH'],
        from: 'LIMITED',
        to: 'SUBSTANTIAL',
        eventType: 'ImplementationStatusSet',
        record: {
          id: DEMO.commitment,
          signatories: [{ country: { code: 'KH' }, implementation: 'SUBSTANTIAL' }],
        },
      });
      // Changes reach a subscriber in the order they were made, so had any change about Thailand only
      // been pushed, it would have come before these: nothing else was received.
      expect(records.received).toHaveLength(3);
      expect(statuses.received).toHaveLength(1);
      const pushed = records.received.map((r) => r.data.recordChanged.recordId);
      expect(pushed).not.toContain(thaiOnly.recordId);
      expect(pushed).not.toContain(thaiStatement.recordId);
      expect(pushed).not.toContain(thaiCommitment.recordId);
    });
  });
});
