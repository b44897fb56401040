import type {
  ImplementationStatus,
  IsoDay,
  Occurred,
  ShutdownAction,
  ShutdownCategory,
  ShutdownTarget,
} from '@tracker/domain';

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
  /** Shutdowns it carried out. */
  readonly shutdownOperations: number;
  /** Its latest shutdowns (at most MAX_SHUTDOWN_PERIODS), earliest period first. */
  readonly shutdownsByPeriod: readonly ShutdownPeriod[];
}
