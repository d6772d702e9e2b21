import type { CrossCheckOutcome, RecordCheck } from '../cross-check.js';

/** Records by outcome, and the agreement rate. */
export interface AgreementCounts {
  inspected: number;
  agreeVisited: number;
  agreeNotVisited: number;
  deniedVerified: number;
  confirmedUnverified: number;
  confirmedAbsent: number;
  unsure: number;
  inspectionUnverified: number;
  /**
   * Records whose checklist did not ask `managerVisitConfirmed` (and whose inspector fix was not set
   * aside): present only when the checklist in force leaves it out.
   */
  notAsked?: number;
  /** deniedVerified + confirmedUnverified + confirmedAbsent */
  contradictions: number;
  /** (agreeVisited + agreeNotVisited) / (those + contradictions), 4 decimals; null when both are 0. */
  agreement: number | null;
}

/** Agreement counts of one manager (`managerId` null: records attributed to no manager). */
export interface ManagerAgreement extends AgreementCounts {
  managerId: string | null;
}

const FIELD: Record<CrossCheckOutcome, keyof AgreementCounts> = {
  agree_visited: 'agreeVisited',
  agree_not_visited: 'agreeNotVisited',
  denied_verified: 'deniedVerified',
  confirmed_unverified: 'confirmedUnverified',
  confirmed_absent: 'confirmedAbsent',
  unsure: 'unsure',
  inspection_unverified: 'inspectionUnverified',
  not_asked: 'notAsked',
};

function empty(asked: boolean): AgreementCounts {
  const counts: AgreementCounts = {
    inspected: 0,
    agreeVisited: 0,
    agreeNotVisited: 0,
    deniedVerified: 0,
    confirmedUnverified: 0,
    confirmedAbsent: 0,
    unsure: 0,
    inspectionUnverified: 0,
    contradictions: 0,
    agreement: null,
  };
  if (!asked) counts.notAsked = 0;
  return counts;
}

function finish(c: AgreementCounts): AgreementCounts {
  c.contradictions = c.deniedVerified + c.confirmedUnverified + c.confirmedAbsent;
  const agree = c.agreeVisited + c.agreeNotVisited;
  c.agreement =
    agree + c.contradictions === 0 ? null : Math.round((agree / (agree + c.contradictions)) * 10_000) / 10_000;
  return c;
}

/**
 * Per-manager counts (sorted by id, null last) and totals; `asked`: does the checklist ask
 * `managerVisitConfirmed` (else the counts carry `notAsked`).
 */
export function summarizeByManager(
  records: readonly RecordCheck[],
  asked: boolean,
): {
  byManager: ManagerAgreement[];
  totals: AgreementCounts;
} {
  const by = new Map<string | null, AgreementCounts>();
  const totals = empty(asked);
  for (const r of records) {
    const c = by.get(r.managerId) ?? empty(asked);
    for (const t of [c, totals]) {
      t.inspected++;
      const field = FIELD[r.outcome];
      t[field] = ((t[field] as number | undefined) ?? 0) + 1;
    }
    by.set(r.managerId, c);
  }
  const byManager = [...by]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([managerId, c]) => ({ managerId, ...finish(c) }));
  return { byManager, totals: finish(totals) };
}
