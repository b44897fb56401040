import {
  countriesWithRole,
  detentionDays,
  IMPLEMENTATION_STATUSES,
  isOverdueStatus,
  type CountryCode,
  type ImplementationStatus,
  type IsoDay,
  type Occurred,
  type ShutdownAction,
  type ShutdownCategory,
  type ShutdownTarget,
} from '@tracker/domain';
import type { AnyRecordView } from '../records/record-view.js';

export interface ImplementationCount {
  readonly status: ImplementationStatus;
  readonly count: number;
}

/** One shutdown the country carried out, over the period it reports (`occurred`). */
export interface ShutdownPeriod {
  readonly recordId: string;
  readonly occurred: Occurred;
  readonly startDay: IsoDay;
  readonly endDay: IsoDay;
  readonly count: number;
  readonly target: ShutdownTarget;
  readonly action: ShutdownAction;
  readonly categories: readonly ShutdownCategory[];
  readonly authority: string;
}

/** domain.md's per-country stats. Retracted records count nowhere. */
export interface CountryStats {
  /** Meetings it hosted or took part in. */
  readonly meetingsAttended: number;
  /** Commitments it signed. */
  readonly commitments: number;
  /** Its own implementation status on each commitment it signed, every status listed (0 included). */
  readonly commitmentsByImplementation: readonly ImplementationCount[];
  /** Signed commitments past their deadline and not COMPLETE for it, as of `today`. */
  readonly overdueCommitments: number;
  /** Task forces it created that are not dissolved. */
  readonly activeTaskForces: number;
  /** Enforcement operations it carried out, and the persons arrested in them. */
  readonly arrestOperations: number;
  readonly personsArrested: number;
  /** Its nationals arrested by other countries (counts reported per nationality). */
  readonly nationalsArrestedElsewhere: number;
  /** Detention cases it holds with persons in custody now, and how many persons that is. */
  readonly openDetentionCases: number;
  readonly journalistsDetained: number;
  /** Days in custody up to `today`, summed over every detention case it holds or held (per case). */
  readonly detentionDays: number;
  /** Its shutdowns, earliest period first. */
  readonly shutdownsByPeriod: readonly ShutdownPeriod[];
}

/**
 * The stats of `code` from the records that involve it, as of `today`. The same function serves the
 * current view and every "as of" view, so both answer alike from the same states. Derived answers
 * (overdue, days detained, in custody) come from the domain's own functions.
 */
export function countryStats(
  views: readonly AnyRecordView[],
  code: CountryCode,
  today: IsoDay,
): CountryStats {
  const byImplementation = new Map<ImplementationStatus, number>(IMPLEMENTATION_STATUSES.map((s) => [s, 0]));
  const stats = {
    meetingsAttended: 0,
    commitments: 0,
    overdueCommitments: 0,
    activeTaskForces: 0,
    arrestOperations: 0,
    personsArrested: 0,
    nationalsArrestedElsewhere: 0,
    openDetentionCases: 0,
    journalistsDetained: 0,
    detentionDays: 0,
  };
  const shutdowns: ShutdownPeriod[] = [];
  const has = (view: AnyRecordView, role: Parameters<typeof countriesWithRole>[1]) =>
    countriesWithRole(view.live.fields.countries, role).includes(code);

  for (const view of views) {
    if (view.retracted) continue;
    switch (view.kind) {
      case 'MEETING':
        if (has(view, 'HOST') || has(view, 'PARTICIPANT')) stats.meetingsAttended++;
        break;
      case 'COMMITMENT': {
        if (!has(view, 'SIGNATORY')) break;
        const implementation = view.live.implementation[code] ?? 'NO_EVIDENCE';
        stats.commitments++;
        byImplementation.set(implementation, byImplementation.get(implementation)! + 1);
        if (isOverdueStatus(view.live.fields.deadline, implementation, today)) stats.overdueCommitments++;
        break;
      }
      case 'TASK_FORCE':
        if (has(view, 'ACTING') && view.live.status === 'active') stats.activeTaskForces++;
        break;
      case 'ARREST': {
        if (has(view, 'ACTING')) {
          stats.arrestOperations++;
          stats.personsArrested += view.live.fields.personsArrested;
        } else {
          const nationals = view.live.fields.nationalities.find((n) => n.country === code);
          stats.nationalsArrestedElsewhere += nationals?.count ?? 0;
        }
        break;
      }
      case 'DETENTION':
        if (!has(view, 'ACTING')) break;
        if (view.live.inCustody) {
          stats.openDetentionCases++;
          stats.journalistsDetained += view.live.fields.persons.length;
        }
        stats.detentionDays += detentionDays(view.state, today);
        break;
      case 'SHUTDOWN': {
        if (!has(view, 'ACTING')) break;
        const { fields } = view.live;
        shutdowns.push({
          recordId: view.id,
          occurred: fields.occurred,
          startDay: view.occurredStart,
          endDay: view.occurredEnd,
          count: fields.count,
          target: fields.target,
          action: fields.action,
          categories: fields.categories,
          authority: fields.authority,
        });
        break;
      }
    }
  }
  shutdowns.sort((a, b) => a.startDay.localeCompare(b.startDay) || a.recordId.localeCompare(b.recordId));
  return {
    ...stats,
    commitmentsByImplementation: [...byImplementation].map(([status, count]) => ({ status, count })),
    shutdownsByPeriod: shutdowns,
  };
}
