import { randomUUID } from 'node:crypto';
import { RecordCommandExecutor } from '@tracker/tracking';
import { openServerStore } from './api-server.js';

type Command = Parameters<RecordCommandExecutor['execute']>[0];

const COUNTRIES = ['KH', 'LA', 'TH', 'MM', 'VN', 'CN', 'PH', 'MY', 'ID'];
const day = (date: string) => ({ date, precision: 'DAY' });
const sources = (i: number) => [{ url: `https://example.org/e2e/backlog/${i}`, title: `Backlog item ${i}` }];

/**
 * Records `rounds` rounds of facts straight into a server's event store from the test process, through the
 * same command path the API uses (so every event is one the domain accepts), while the server is down.
 * Each round touches every kind of record and most lifecycles, about 20 events: meetings and joint
 * commitments with deadlines, task forces (some dissolved), evidence both ways, assessments and status
 * changes, arrests with later figures and corrections, detentions charged and some bailed, figures
 * official and independent (some retracted, some claimed by an actor), shutdowns and statements, actors
 * (some merged) and allegations with evidence, across nine countries.
 * Returns how many events it appended.
 */
export async function writeBacklog(dataDir: string, rounds: number, from = 0): Promise<number> {
  const store = await openServerStore(dataDir);
  const executor = new RecordCommandExecutor({ store });
  let events = 0;
  const run = async (command: Record<string, unknown>) => {
    const outcome = await executor.execute(command as Command, { actor: 'e2e-backlog' });
    events += outcome.events.length;
    return outcome.recordId;
  };
  try {
    for (let i = from; i < from + rounds; i++) {
      const country = COUNTRIES[i % COUNTRIES.length]!;
      const other = COUNTRIES[(i + 4) % COUNTRIES.length]!;
      const month = String(1 + (i % 9)).padStart(2, '0');
      const occurred = { type: 'DATE', ...day(`2025-${month}-10`) };
      const base = { occurred, sources: sources(i), confidence: 'REPORTED' };

      const meeting = await run({
        type: 'RecordMeeting',
        ...base,
        countries: [
          { code: country, role: 'HOST' },
          { code: other, role: 'PARTICIPANT' },
        ],
        title: `Regional meeting ${i} on online scams`,
        bodies: ['Mekong-Lancang Cooperation'],
      });
      const commitment = await run({
        type: 'MakeCommitment',
        ...base,
        countries: [
          { code: country, role: 'SIGNATORY' },
          { code: other, role: 'SIGNATORY' },
        ],
        text: `Joint pledge ${i}: close the compounds on the shared list.`,
        theme: i % 2 === 0 ? 'online scams' : 'human trafficking',
        meetingId: meeting,
        // Some deadlines have passed (overdue unless complete), some have not.
        deadline: { date: i % 3 === 0 ? '2025-11' : '2030', precision: i % 3 === 0 ? 'MONTH' : 'YEAR' },
      });
      const taskForce = await run({
        type: 'CreateTaskForce',
        ...base,
        countries: [{ code: country, role: 'ACTING' }],
        name: `Task force ${i}`,
        mandate: 'Raid the compounds.',
        memberAgencies: ['National Police'],
      });
      await run({ type: 'LinkEvidence', recordId: commitment, evidenceId: taskForce, relation: 'SUPPORTS' });
      const arrest = await run({
        type: 'ReportArrest',
        ...base,
        countries: [{ code: country, role: 'ACTING' }],
        personsArrested: 10 + (i % 50),
        nationalities: [{ country: other, count: 5 }],
        charges: ['fraud'],
      });
      await run({
        type: 'UpdateArrestFigures',
        recordId: arrest,
        on: day(`2025-${month}-20`),
        deported: 3,
        sources: sources(i),
      });
      await run({
        type: 'CorrectRecord',
        recordId: arrest,
        changes: { personsArrested: 60 + (i % 50) },
        reason: 'The later police report gives a higher count.',
      });
      const detention = await run({
        type: 'ReportDetention',
        ...base,
        countries: [{ code: country, role: 'ACTING' }],
        persons: [{ name: `Journalist ${i}`, role: 'JOURNALIST', nationality: country }],
        reason: 'Filmed a raid on a compound.',
        charges: [],
      });
      await run({
        type: 'ChargeDetention',
        recordId: detention,
        on: day(`2025-${month}-12`),
        charges: ['incitement'],
        sources: sources(i),
      });
      if (i % 3 === 0) {
        await run({
          type: 'ReleaseDetentionOnBail',
          recordId: detention,
          on: day(`2025-${month}-25`),
          sources: sources(i),
        });
      }
      if (i % 4 === 0) {
        await run({
          type: 'LinkEvidence',
          recordId: commitment,
          evidenceId: detention,
          relation: 'CONTRADICTS',
        });
      }
      await run({
        type: 'AssessCommitment',
        recordId: commitment,
        assessmentId: randomUUID(),
        assessor: i % 2 === 0 ? 'Licadho' : 'Human Rights Watch',
        country,
        rating: 'LIMITED',
        rationale: 'Some raids, many reopenings.',
        assessedOn: `2025-${month}-28`,
        sources: sources(i),
      });
      if (i % 5 === 0) {
        await run({
          type: 'SetImplementationStatus',
          recordId: commitment,
          status: 'COMPLETE',
          countries: [other],
          reason: 'Every listed compound closed.',
          sources: sources(i),
        });
      }
      if (i % 7 === 0) {
        await run({
          type: 'DissolveTaskForce',
          recordId: taskForce,
          on: day(`2025-${month}-27`),
          sources: sources(i),
        });
      }
      // Who claims and alleges: an agency at home in the country, and a monitor that alleges against it.
      const agency = await run({
        type: 'RecordActor',
        ...base,
        countries: [{ code: country, role: 'HOME' }],
        actorType: 'GOVERNMENT_BODY',
        name: `Anti-scam agency ${i}`,
        names: [{ language: 'en', value: `Anti-scam agency ${i}` }],
        aliases: [`ASA-${i}`],
      });
      const monitor = await run({
        type: 'RecordActor',
        ...base,
        countries: [],
        actorType: 'NGO',
        name: `Rights monitor ${i}`,
        names: [],
        aliases: [],
      });
      const figure = await run({
        type: 'ReportFigure',
        ...base,
        countries: [{ code: country, role: 'SCOPE' }],
        indicator: i % 2 === 0 ? 'websites shut down' : 'trafficked workers in scam centres',
        value: 1000 + i,
        unit: i % 2 === 0 ? 'websites' : 'persons',
        qualifier: 'EXACT',
        claimant: i % 2 === 0 ? 'Ministry of Post and Telecommunications' : 'UN Human Rights Office',
        provenance: i % 2 === 0 ? 'OFFICIAL' : 'INDEPENDENT',
        ...(i % 2 === 0 ? { claimantId: agency } : {}),
      });
      const allegation = await run({
        type: 'RecordAllegation',
        ...base,
        countries: [{ code: country, role: 'SCOPE' }],
        allegedBy: monitor,
        about: [agency],
        claim: `Agency ${i} let closed compounds reopen.`,
      });
      await run({
        type: 'LinkAllegationEvidence',
        recordId: allegation,
        evidenceId: meeting,
        relation: i % 3 === 0 ? 'DENIES' : 'CORROBORATES',
      });
      // Some monitors turn out to be one: merged into the previous round's, which survives.
      if (i % 5 === 4) {
        const twin = await run({
          type: 'RecordActor',
          ...base,
          countries: [],
          actorType: 'NGO',
          name: `Rights monitor ${i} (duplicate)`,
          names: [],
          aliases: [],
        });
        await run({ type: 'MergeActor', recordId: twin, into: monitor, reason: 'The same monitor.' });
      }
      if (i % 10 === 0) await run({ type: 'RetractRecord', recordId: figure, reason: 'Misattributed.' });
      await run({
        type: 'ReportShutdown',
        ...base,
        occurred: {
          type: 'RANGE',
          from: { date: '2024', precision: 'YEAR' },
          to: { date: `2025-${month}`, precision: 'MONTH' },
        },
        countries: [{ code: country, role: 'ACTING' }],
        count: 100 + i,
        target: 'WEBSITES',
        action: 'BLOCKED',
        categories: ['SCAM'],
        authority: 'Ministry of Post and Telecommunications',
      });
    }
  } finally {
    await store.close();
  }
  return events;
}
