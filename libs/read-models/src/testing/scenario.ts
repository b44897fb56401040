import type { ReadModelHarness } from './read-model-harness.js';
import * as t from './tracker-commands.js';

/** A retracted meeting: it must stay visible and count nowhere. */
export const RETRACTED_MEETING = '5b0f3e1a-2c4d-4e6f-8a1b-0000000000ff';

/**
 * The article's facts and a few more, touching every kind and every stat: Cambodia (KH) hosts a
 * meeting and signs two commitments (one with Laos), creates a task force, arrests 200 (corrected to
 * 250) including Chinese and Lao nationals, detains two journalists (charged) and a defender (released),
 * shuts down websites, claims a figure that researchers dispute; Laos arrests 7 Cambodians. A statement
 * and a meeting are retracted. Returns the recording times of interest.
 */
export async function recordScenario(harness: ReadModelHarness) {
  await harness.run(
    t.meeting(),
    t.meeting({ recordId: RETRACTED_MEETING, title: 'A meeting that never happened' }),
    t.commitment(),
    t.secondCommitment(),
    t.taskForce(),
    t.arrest(),
    t.laoArrest(),
    t.detention(),
    t.charge(),
    t.secondDetention(),
    t.release(t.ID.secondDetention, '2025-02-05'),
    t.shutdown(),
    t.officialFigure(),
    t.independentFigure(),
    t.statement(),
    t.linkEvidence(t.ID.taskForce, 'SUPPORTS'),
    t.linkEvidence(t.ID.detention, 'CONTRADICTS'),
    t.setStatus('NOT_STARTED', ['LA']),
  );
  const beforeCorrections = harness.recordedUntilNow();
  await harness.run(
    t.correct(t.ID.arrest, { personsArrested: 250 }),
    t.retract(t.ID.statement),
    t.retract(RETRACTED_MEETING),
  );
  return { beforeCorrections, end: harness.recordedUntilNow() };
}
