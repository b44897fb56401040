import {
  verifyConsistencyEvidence,
  verifyEvidenceBundle,
  type ConsistencyReport,
  type EvidenceReport,
} from '@tracker/integrity/verification';

/** What the verifier concluded, as lines to print, and whether everything held. */
export interface Verdict {
  ok: boolean;
  lines: string[];
}

/**
 * Checks a saved evidence file: a record's events with their proofs, or two checkpoints' consistency. The
 * file may be the bundle itself or the whole GraphQL answer that carried it (`curl ... > evidence.json`).
 */
export function verifyEvidenceFile(saved: unknown, trustedKey: string): Verdict {
  const content = unwrap(saved, 'recordEvidence') ?? unwrap(saved, 'consistencyProof') ?? saved;
  const consistency = typeof content === 'object' && content !== null && 'consistencyProof' in content;
  return consistency
    ? consistencyVerdict(verifyConsistencyEvidence(content, trustedKey))
    : bundleVerdict(verifyEvidenceBundle(content, trustedKey));
}

/**
 * The verifier key in a key file: the key itself, or the GraphQL answer of `{ transparencyLog { verifierKey } }`.
 */
export function keyFromFile(text: string): string {
  try {
    const answer = JSON.parse(text) as { data?: { transparencyLog?: { verifierKey?: unknown } } };
    const key = answer?.data?.transparencyLog?.verifierKey;
    if (typeof key === 'string') return key;
  } catch {
    // Not JSON: the key as text.
  }
  return text.trim();
}

/** `answer.data[field].bundle`, when `answer` is a GraphQL answer carrying one. */
function unwrap(answer: unknown, field: string): unknown {
  const data = (answer as { data?: Record<string, { bundle?: unknown } | null> } | null)?.data;
  return data?.[field]?.bundle ?? undefined;
}

function bundleVerdict(report: EvidenceReport): Verdict {
  const lines: string[] = [];
  if (report.checkpoint) {
    const { origin, size, root, time } = report.checkpoint;
    lines.push(
      `checkpoint: ${origin}, ${size} events, root ${root.toString('base64')}, signed ${time}: signature valid`,
    );
  }
  for (const finding of report.events) {
    lines.push(
      finding.ok
        ? `ok   event ${finding.eventId} is leaf ${finding.leafIndex} of the signed tree`
        : `FAIL event ${finding.eventId}: ${finding.reason}`,
    );
  }
  lines.push(
    report.ok
      ? `verified: ${report.events.length} event(s) were in the log when the checkpoint was signed, unchanged since`
      : `NOT verified: ${report.reason}`,
  );
  return { ok: report.ok, lines };
}

function consistencyVerdict(report: ConsistencyReport): Verdict {
  if (!report.ok) return { ok: false, lines: [`NOT verified: ${report.reason}`] };
  return {
    ok: true,
    lines: [
      `older checkpoint: ${report.older.size} events, signed ${report.older.time}: signature valid`,
      `newer checkpoint: ${report.newer.size} events, signed ${report.newer.time}: signature valid`,
      `verified: the log of ${report.newer.size} events contains the log of ${report.older.size} unchanged`,
    ],
  };
}
