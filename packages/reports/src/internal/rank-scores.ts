/** A score as the report shows it (one decimal, ×10 as an integer): ranks compare these. */
const shownScore = (score: number) => Math.round(score * 10);

/**
 * Ranks scores: 1 = best; scores equal at one decimal (as the report shows them) share a rank; a null
 * score is unranked. `ranking` lists the ids best first (ties and nulls in input order).
 */
export function rankScores(rows: readonly { managerId: string; score: number | null }[]): {
  ranks: Map<string, number | null>;
  ranking: string[];
} {
  const ranking = [...rows]
    .sort((a, b) => (b.score === null ? -1 : shownScore(b.score)) - (a.score === null ? -1 : shownScore(a.score)))
    .map((m) => m.managerId);
  const ranks = new Map<string, number | null>();
  for (const m of rows) {
    const mine = m.score;
    ranks.set(
      m.managerId,
      mine === null ? null : 1 + rows.filter((o) => o.score !== null && shownScore(o.score) > shownScore(mine)).length,
    );
  }
  return { ranks, ranking };
}
