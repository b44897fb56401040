import type { AnyRecordView } from '@tracker/read-models';

/**
 * A record as the exports and the changes feed write it: what it says (`fields`, the kind's own fields),
 * where it stands (`status`, `retracted`, and `state`: the rest of its lifecycle, such as a commitment's
 * implementation per signatory or a detention's custody), and who recorded it when.
 */
export interface RecordJson {
  id: string;
  kind: string;
  status: string;
  retracted: boolean;
  retractionReason?: string;
  fields: Record<string, unknown>;
  state: Record<string, unknown>;
  recordedAt: string;
  recordedBy?: string;
  updatedAt: string;
  updatedBy?: string;
  /** Store position and stream revision of its latest event. */
  position: string;
  revision: number;
}

export function recordJson(view: AnyRecordView): RecordJson {
  const {
    recordId: _id,
    fields,
    status,
    ...state
  } = view.live as unknown as {
    recordId: string;
    fields: Record<string, unknown>;
    status: string;
    [key: string]: unknown;
  };
  return {
    id: view.id,
    kind: view.kind,
    status,
    retracted: view.retracted,
    ...(view.retractionReason === undefined ? {} : { retractionReason: view.retractionReason }),
    fields,
    state,
    recordedAt: view.recordedAt,
    ...(view.recordedBy === undefined ? {} : { recordedBy: view.recordedBy }),
    updatedAt: view.updatedAt,
    ...(view.updatedBy === undefined ? {} : { updatedBy: view.updatedBy }),
    position: view.position,
    revision: view.revision,
  };
}
