import { describe, expect, it } from 'vitest';
import {
  computeScore,
  DEFAULT_SCORECARD_WEIGHTS,
  resolveWeights,
  SCORECARD_KPIS,
  ScorecardWeightsSchema,
  type NormalisedKpis,
} from '@beatplan/reports';

const none: NormalisedKpis = {
  completion: null,
  verification: null,
  timeOnSite: null,
  route: null,
  inspection: null,
  integrity: null,
};

describe('computeScore', () => {
  it('runs its JSDoc example: 100 · (3·1 + 3·0.5 + 1·1) / 7 with coverage 7/10', () => {
    expect(
      computeScore(
        { completion: 1, verification: 0.5, timeOnSite: null, route: 1, inspection: null, integrity: null },
        DEFAULT_SCORECARD_WEIGHTS,
      ),
    ).toEqual({ score: 78.5714, coverage: 0.7 });
  });

  // Formula fixtures: [normalised KPIs, weights, expected score, expected coverage], each worked by hand.
  const fixtures: [
    string,
    NormalisedKpis,
    Partial<Record<(typeof SCORECARD_KPIS)[number], number>>,
    number | null,
    number,
  ][] = [
    [
      'all perfect',
      { completion: 1, verification: 1, timeOnSite: 1, route: 1, inspection: 1, integrity: 1 },
      {},
      100,
      1,
    ],
    ['all zero', { completion: 0, verification: 0, timeOnSite: 0, route: 0, inspection: 0, integrity: 0 }, {}, 0, 1],
    // defaults 3,3,1,1,1,1: (3·0.8 + 3·0.6 + 0.5 + 1 + 0.75 + 0) / 10 = 6.45 / 10
    [
      'defaults, every KPI measured',
      { completion: 0.8, verification: 0.6, timeOnSite: 0.5, route: 1, inspection: 0.75, integrity: 0 },
      {},
      64.5,
      1,
    ],
    // only completion weighted: the score is completion itself
    [
      'a single weighted KPI',
      { completion: 0.25, verification: 1, timeOnSite: 1, route: 1, inspection: 1, integrity: 1 },
      { verification: 0, timeOnSite: 0, route: 0, inspection: 0, integrity: 0 },
      25,
      1,
    ],
    // weight 0 drops a KPI from numerator and denominator: (3·1 + 3·0) / 6
    [
      'weights 0 leave KPIs out',
      { completion: 1, verification: 0, timeOnSite: 0, route: 0, inspection: 0, integrity: 0 },
      { timeOnSite: 0, route: 0, inspection: 0, integrity: 0 },
      50,
      1,
    ],
    // unmeasured KPIs neither reward nor punish: (5·0.4 + 1·1) / 6; coverage 6 / (5+3+1+1+1+1) = 0.5
    [
      'nulls are left out and lower the coverage',
      { ...none, completion: 0.4, integrity: 1 },
      { completion: 5 },
      50,
      0.5,
    ],
    ['nothing measured', none, {}, null, 0],
    // weights are relative: doubling every weight changes nothing
    [
      'scale-free weights',
      { completion: 0.8, verification: 0.6, timeOnSite: 0.5, route: 1, inspection: 0.75, integrity: 0 },
      { completion: 6, verification: 6, timeOnSite: 2, route: 2, inspection: 2, integrity: 2 },
      64.5,
      1,
    ],
  ];
  for (const [what, norm, weights, score, coverage] of fixtures) {
    it(what, () => {
      expect(computeScore(norm, resolveWeights(weights))).toEqual({ score, coverage });
    });
  }
});

describe('scorecard weights', () => {
  it('resolves missing weights to the defaults (JSDoc example)', () => {
    expect(resolveWeights({ route: 0 })).toEqual({
      completion: 3,
      verification: 3,
      timeOnSite: 1,
      route: 0,
      inspection: 1,
      integrity: 1,
    });
    expect(resolveWeights()).toEqual(DEFAULT_SCORECARD_WEIGHTS);
  });

  it('rejects negative weights, unknown KPIs and an all-zero scorecard', () => {
    expect(ScorecardWeightsSchema.safeParse({ completion: 5, route: 0 }).success).toBe(true);
    expect(ScorecardWeightsSchema.safeParse({ completion: -1 }).success).toBe(false);
    expect(ScorecardWeightsSchema.safeParse({ speed: 1 }).success).toBe(false);
    expect(ScorecardWeightsSchema.safeParse(Object.fromEntries(SCORECARD_KPIS.map((k) => [k, 0]))).success).toBe(false);
  });
});
