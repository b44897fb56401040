import { DomainError, type RecordCommand } from '@tracker/domain';
import { SqliteEventStore } from '@tracker/event-store';
import { RecordCommandExecutor } from '@tracker/tracking';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import * as t from '../../libs/read-models/src/testing/tracker-commands.js';

/*
 * A deterministic scale dataset: the same seed and size always give the same store. About ten countries
 * of the region, every kind through its lifecycle (charges, releases, dissolutions, statuses, evidence,
 * assessments), corrections, retractions and their corrections, recorded over six simulated years with
 * occurrence dates mostly days before recording and some backfilled years back. Written through the
 * real command path (decide, then append through the event-store port), so it is valid domain data.
 */

const COUNTRIES = ['KH', 'KH', 'KH', 'LA', 'TH', 'MM', 'VN', 'CN', 'PH', 'MY', 'ID', 'SG'] as const;
const INDICATORS = [
  'websites shut down',
  'persons trafficked into scam compounds',
  'scam revenue',
  'foreign nationals deported',
  'compounds raided',
  'victims rescued',
];
const STATUSES = ['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE', 'WITHDRAWN'];
const DAY_MS = 86_400_000;
const START = Date.UTC(2020, 0, 1);
const SPAN_DAYS = 6 * 365;

/** mulberry32: a small seeded generator, so a dataset is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Made {
  id: string;
  kind: string;
  country: string;
}

export interface ScaleDatasetOptions {
  /** The event-store file to write (replaced if it exists). */
  path: string;
  /** Events to write, at least. */
  events: number;
  seed?: number;
  /** Called every 10,000 events. */
  progress?: (written: number, total: number) => void;
}

/** Writes the dataset; resolves with how many events and records it holds. */
export async function writeScaleDataset(options: ScaleDatasetOptions) {
  const rand = random(options.seed ?? 2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  mkdirSync(dirname(options.path), { recursive: true });
  const partial = `${options.path}.partial`;
  rmSync(partial, { force: true });
  let now = START;
  const store = SqliteEventStore.open({ path: partial, synchronous: 'NORMAL', clock: () => new Date(now) });
  const executor = new RecordCommandExecutor({ store, clock: () => new Date(now) });
  const step = (SPAN_DAYS * DAY_MS) / options.events;
  const made: Made[] = [];
  let written = 0;
  let refused = 0;
  let serial = 0;
  const newId = () => `00000000-0000-4000-8000-${(serial++).toString(16).padStart(12, '0')}`;
  const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const today = () => dayOf(now);
  const occurred = () => {
    // Most records are recorded within a month of what they report; one in twenty is a backfill.
    const lag = rand() < 0.05 ? rand() * 3 * 365 : rand() * 30;
    return {
      type: 'DATE',
      date: dayOf(Math.max(START - 365 * DAY_MS, now - lag * DAY_MS)),
      precision: 'DAY',
    };
  };
  const recent = (kind?: string): Made | undefined => {
    for (let tries = 0; tries < 8; tries++) {
      const candidate = made[made.length - 1 - Math.floor(rand() * Math.min(made.length, 3000))];
      if (candidate && (kind === undefined || candidate.kind === kind)) return candidate;
    }
    return undefined;
  };

  const creation = (): RecordCommand => {
    const id = newId();
    const country = pick(COUNTRIES);
    const other = pick(COUNTRIES);
    const roll = rand();
    let command: RecordCommand;
    if (roll < 0.3) {
      command = t.officialFigure({
        recordId: id,
        countries: [{ code: country, role: 'SCOPE' }],
        occurred: occurred(),
        indicator: pick(INDICATORS),
        value: Math.floor(rand() * 100_000),
        provenance: rand() < 0.5 ? 'OFFICIAL' : 'INDEPENDENT',
      });
    } else if (roll < 0.45) {
      command = t.arrest({
        recordId: id,
        countries: [{ code: country, role: 'ACTING' }],
        occurred: occurred(),
        personsArrested: 10 + Math.floor(rand() * 500),
        nationalities: other === country ? [] : [{ country: other, count: 5 }],
      });
    } else if (roll < 0.55) {
      command = t.detention({
        recordId: id,
        countries: [{ code: country, role: 'ACTING' }],
        occurred: occurred(),
      });
    } else if (roll < 0.65) {
      const deadline = dayOf(now + (rand() * 2 - 0.5) * 365 * DAY_MS);
      command = t.commitment({
        recordId: id,
        countries: [...new Set([country, other])].map((code) => ({ code, role: 'SIGNATORY' })),
        occurred: { type: 'DATE', date: today(), precision: 'DAY' },
        meetingId: recent('MEETING')?.id ?? null,
        deadline: rand() < 0.6 && deadline > today() ? { date: deadline, precision: 'DAY' } : null,
      });
    } else if (roll < 0.73) {
      command = t.meeting({
        recordId: id,
        countries: [...new Set([country, other])].map((code, i) => ({
          code,
          role: i ? 'PARTICIPANT' : 'HOST',
        })),
        occurred: occurred(),
      });
    } else if (roll < 0.8) {
      command = t.shutdown({
        recordId: id,
        countries: [{ code: country, role: 'ACTING' }],
        occurred: occurred(),
        count: Math.floor(rand() * 20_000),
      });
    } else if (roll < 0.87) {
      command = t.taskForce({
        recordId: id,
        countries: [{ code: country, role: 'ACTING' }],
        occurred: occurred(),
      });
    } else {
      command = t.statement({
        recordId: id,
        countries: [{ code: country, role: 'ACTING' }],
        occurred: occurred(),
      });
    }
    made.push({ id, kind: (command as { type: string }).type, country });
    return command;
  };

  const lifecycle = (): RecordCommand | undefined => {
    const on = { date: today(), precision: 'DAY' };
    const roll = rand();
    if (roll < 0.25) {
      const figure = recent('ReportFigure');
      return figure && t.correct(figure.id, { value: Math.floor(rand() * 100_000) });
    }
    if (roll < 0.4) {
      const commitment = recent('MakeCommitment');
      return commitment && t.setStatus(pick(STATUSES), [commitment.country], commitment.id);
    }
    if (roll < 0.5) {
      const commitment = recent('MakeCommitment');
      const evidence = recent();
      return (
        commitment &&
        evidence &&
        t.linkEvidence(evidence.id, rand() < 0.8 ? 'SUPPORTS' : 'CONTRADICTS', commitment.id)
      );
    }
    if (roll < 0.57) {
      const commitment = recent('MakeCommitment');
      return (
        commitment &&
        t.on(commitment.id, 'AssessCommitment', {
          assessmentId: newId(),
          assessor: pick(['Licadho', 'UN Human Rights Office', 'Amnesty International']),
          country: null,
          rating: pick(STATUSES),
          rationale: 'Periodic review',
          sources: [t.SOURCE],
          assessedOn: today(),
        })
      );
    }
    if (roll < 0.72) {
      const detention = recent('ReportDetention');
      const type = pick(['ChargeDetention', 'ReleaseDetentionOnBail', 'ReleaseDetention']);
      return (
        detention &&
        t.on(detention.id, type, {
          on,
          sources: [t.SOURCE],
          ...(type === 'ChargeDetention' ? { charges: ['incitement'] } : {}),
        })
      );
    }
    if (roll < 0.78) {
      const taskForce = recent('CreateTaskForce');
      return taskForce && t.on(taskForce.id, 'DissolveTaskForce', { on, sources: [t.SOURCE] });
    }
    if (roll < 0.86) {
      const arrest = recent('ReportArrest');
      return arrest && t.correct(arrest.id, { personsArrested: 10 + Math.floor(rand() * 600) });
    }
    if (roll < 0.93) {
      const any = recent();
      return any && t.correct(any.id, { occurred: occurred() });
    }
    if (roll < 0.97) {
      const any = recent();
      return any && t.retract(any.id);
    }
    const any = recent();
    return any && t.on(any.id, 'CorrectRetraction', { reason: 'Reviewed again', reinstate: true });
  };

  let nextReport = 10_000;
  while (written < options.events) {
    now += step;
    const command = made.length < 50 || rand() < 0.4 ? creation() : lifecycle();
    if (command === undefined) continue;
    try {
      const outcome = await executor.execute(command, { actor: 'scale-dataset' });
      written += outcome.events.length;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refused++;
    }
    if (written >= nextReport) {
      options.progress?.(written, options.events);
      nextReport += 10_000;
    }
  }
  await store.close();
  renameSync(partial, options.path);
  return { events: written, records: made.length, refused };
}

/** The dataset's file under `folder`, written first if it is not there yet. */
export async function scaleDataset(folder: string, events: number, log: (line: string) => void = () => {}) {
  const path = `${folder}/scale-${events}-v1.sqlite`;
  if (!existsSync(path)) {
    const started = Date.now();
    log(`writing the scale dataset: ${events} events to ${path}`);
    const result = await writeScaleDataset({
      path,
      events,
      progress: (written, total) => log(`  ${written} / ${total} events`),
    });
    log(
      `  ${result.events} events, ${result.records} records (${result.refused} commands refused) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  return path;
}
