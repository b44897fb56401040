import {
  countriesWithRole,
  detentionDays,
  IMPLEMENTATION_STATUSES,
  isOverdueStatus,
  type CountryCode,
  type ImplementationStatus,
  type IsoDay,
} from '@tracker/domain';
import type { AnyRecordView } from '../records/record-view.js';
import type { CountryStats, ShutdownPeriod } from '../countries/country-stats.js';

/**
 * The test oracle: the stats of `code` folded from every record, as the read model computed them before
 * they were materialized. The property spec checks the materialized tallies against it.
 *
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
    shutdownOperations: shutdowns.length,
    shutdownsByPeriod: shutdowns.slice(-100),
  };
}
