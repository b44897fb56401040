import { isRetracted, startDay, type IsoDay, type RecordKind, type StateOf } from '@tracker/domain';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { liveOf, type AnyLive } from '../records/record-columns.js';
import type { RecordState } from '@tracker/domain';

/** How a record names an actor. */
export const ACTOR_ROLES = [
  'SPEAKER',
  'CLAIMANT',
  'ASSESSOR',
  'MEMBER',
  'OUTLET',
  'DETAINED',
  'PUBLISHER',
  'ALLEGES',
  'ALLEGED_AGAINST',
] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** One reference from a record to an actor, with the record's day, so an actor's records page newest first. */
interface ActorReference {
  readonly actorId: string;
  readonly role: ActorRole;
  readonly occurredStart: IsoDay;
}

/** Links followed from a merged actor to the one that survives, at most. */
export const MAX_MERGE_HOPS = 10;

/** What an actor's name is searched by: trimmed, white space folded, lower case. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The actor tables (read-model.schema.ts: `actors`, `actor_names`, `actor_references`), kept by the
 * records projection in its transaction. What they answer is now only: an actor's records and the list
 * of actors are not versioned for "as of".
 *
 * A reference is filed under the actor's surviving id: when an actor is merged, its references move to
 * the survivor, and later ones to a merged id (the domain refuses them) could not arise.
 */
export class ActorIndex {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(db: DatabaseSync) {
    this.sql = prepare(db);
  }

  /**
   * Brings the tables in line with `recordId` going from `before` to `after`. Answers the actors (their
   * surviving ids) the record names before or after: those who follow them hear of the change.
   */
  apply(
    recordId: string,
    kind: RecordKind,
    before: RecordState<AnyLive> | undefined,
    after: RecordState<AnyLive>,
  ): string[] {
    if (kind === 'ACTOR') this.indexActor(recordId, after as StateOf<'ACTOR'>);
    const previous = before === undefined ? [] : referencesOf(kind, before);
    const next = referencesOf(kind, after);
    const key = (ref: ActorReference) => `${ref.actorId}|${ref.role}|${ref.occurredStart}`;
    const nextKeys = new Set(next.map(key));
    const previousKeys = new Set(previous.map(key));
    for (const ref of previous) {
      if (!nextKeys.has(key(ref)))
        this.sql.deleteReference.run(this.survivor(ref.actorId), recordId, ref.role);
    }
    for (const ref of next) {
      if (!previousKeys.has(key(ref)))
        this.sql.insertReference.run(this.survivor(ref.actorId), recordId, ref.role, ref.occurredStart);
    }
    const named = new Set([...previous, ...next].map((ref) => this.survivor(ref.actorId)));
    // An actor's own changes reach those who follow it.
    if (kind === 'ACTOR') named.add(this.survivor(recordId));
    return [...named].sort();
  }

  /** The id an actor's references are filed under: its own, or the one it was merged into. */
  survivor(actorId: string): string {
    let id = actorId;
    for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
      const row = this.sql.mergedInto.get(id) as { merged_into: string | null } | undefined;
      if (row?.merged_into == null) return id;
      id = row.merged_into;
    }
    return id;
  }

  private indexActor(actorId: string, state: StateOf<'ACTOR'>): void {
    const live = liveOf(state as RecordState<AnyLive>) as unknown as
      Extract<StateOf<'ACTOR'>, { recordId: string }> | undefined;
    if (live === undefined) return;
    const { fields } = live;
    const home = fields.countries.find((country) => country.role === 'HOME')?.code ?? null;
    const mergedInto = live.status === 'merged' ? live.merger.into : null;
    const wasMerged = (this.sql.mergedInto.get(actorId) as { merged_into: string | null } | undefined)
      ?.merged_into;
    this.sql.upsertActor.run(
      actorId,
      fields.name,
      nameKey(fields.name),
      fields.actorType,
      home,
      mergedInto,
      isRetracted(state) ? 1 : 0,
    );
    this.sql.deleteNames.run(actorId);
    const keys = new Set(
      [fields.name, ...fields.names.map((name) => name.value), ...fields.aliases].map(nameKey),
    );
    for (const name of keys) this.sql.insertName.run(name, actorId);
    // Merged now: what was filed under it moves to the survivor.
    if (mergedInto !== null && wasMerged == null) {
      this.sql.moveReferences.run(this.survivor(mergedInto), actorId);
    }
  }
}

/** The actors a record's state names, and how (none once retracted: it counts for nobody). */
function referencesOf(kind: RecordKind, state: RecordState<AnyLive>): ActorReference[] {
  const live = liveOf(state);
  if (live === undefined || isRetracted(state)) return [];
  const fields = live.fields as unknown as Record<string, unknown>;
  const occurredStart = startDay(live.fields.occurred);
  const ref = (actorId: unknown, role: ActorRole): ActorReference[] =>
    typeof actorId === 'string' ? [{ actorId, role, occurredStart }] : [];
  const publishers = ((fields.sources as { publisherId?: string }[] | undefined) ?? []).flatMap((source) =>
    ref(source.publisherId, 'PUBLISHER'),
  );
  return [...publishers, ...kindReferences(kind, live, fields, ref)];
}

/** The references only some kinds make. */
function kindReferences(
  kind: RecordKind,
  live: AnyLive,
  fields: Record<string, unknown>,
  ref: (actorId: unknown, role: ActorRole) => ActorReference[],
): ActorReference[] {
  switch (kind) {
    case 'STATEMENT':
      return ref(fields.speakerId, 'SPEAKER');
    case 'FIGURE':
      return ref(fields.claimantId, 'CLAIMANT');
    case 'TASK_FORCE':
      return ((fields.memberAgencyIds as string[] | undefined) ?? []).flatMap((id) => ref(id, 'MEMBER'));
    case 'DETENTION':
      return [
        ...ref(fields.outletId, 'OUTLET'),
        ...(fields.persons as { actorId?: string }[]).flatMap((person) => ref(person.actorId, 'DETAINED')),
      ];
    case 'COMMITMENT':
      return ((live as unknown as { assessments: { assessorId?: string }[] }).assessments ?? []).flatMap(
        (assessment) => ref(assessment.assessorId, 'ASSESSOR'),
      );
    case 'ALLEGATION':
      return [
        ...ref(fields.allegedBy, 'ALLEGES'),
        ...(fields.about as string[]).flatMap((id) => ref(id, 'ALLEGED_AGAINST')),
      ];
    default:
      return [];
  }
}

function prepare(db: DatabaseSync) {
  const statement = (text: string): StatementSync => db.prepare(text);
  return {
    mergedInto: statement('SELECT merged_into FROM actors WHERE id = ?'),
    upsertActor: statement(
      `INSERT INTO actors (id, name, name_key, actor_type, home, merged_into, retracted)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key,
         actor_type = excluded.actor_type, home = excluded.home, merged_into = excluded.merged_into,
         retracted = excluded.retracted`,
    ),
    deleteNames: statement('DELETE FROM actor_names WHERE actor_id = ?'),
    insertName: statement('INSERT OR IGNORE INTO actor_names (name_key, actor_id) VALUES (?, ?)'),
    insertReference: statement(
      `INSERT OR IGNORE INTO actor_references (actor_id, record_id, role, occurred_start) VALUES (?, ?, ?, ?)`,
    ),
    deleteReference: statement(
      'DELETE FROM actor_references WHERE actor_id = ? AND record_id = ? AND role = ?',
    ),
    moveReferences: statement('UPDATE OR IGNORE actor_references SET actor_id = ? WHERE actor_id = ?'),
  };
}
