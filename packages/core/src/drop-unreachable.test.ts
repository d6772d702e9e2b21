import { describe, expect, it } from 'vitest';
import { dropUnreachable, formatReason } from '@beatplan/core';

const matrix = (n: number, unreachable: { from: number; to: number }[]) => ({
  n,
  distancesM: new Float64Array(n * n),
  durationsS: new Float64Array(n * n),
  unreachable,
  source: 'road-graph:car',
});
const name = ['R1', 'R2', 'R3', 'R4', 'R5'];

describe('dropUnreachable', () => {
  it('runs its JSDoc example', () => {
    const m = { ...matrix(3, [{ from: 0, to: 2 }]) };
    expect(dropUnreachable(m, ['R1', 'R2'])).toEqual({
      keep: [0, 1],
      dropped: [
        {
          index: 2,
          reason: 'no route between it and the base on road-graph:car',
          reasonData: { key: 'core.no_route_base', source: 'road-graph:car' },
        },
      ],
    });
  });

  it('keeps everything when every pair has a route', () => {
    expect(dropUnreachable(matrix(4, []), name)).toEqual({ keep: [0, 1, 2, 3], dropped: [] });
  });

  it('drops a stop cut off from the base first, then the stop in most unreachable pairs', () => {
    const m = matrix(5, [
      { from: 0, to: 4 },
      { from: 1, to: 2 },
      { from: 3, to: 2 },
      { from: 2, to: 4 },
    ]);
    const { keep, dropped } = dropUnreachable(m, name);
    expect({ keep, dropped: dropped.map(({ index, reason }) => ({ index, reason })) }).toEqual({
      keep: [0, 1, 3],
      dropped: [
        { index: 4, reason: 'no route between it and the base on road-graph:car' },
        { index: 2, reason: 'no route between it and retailer R1 on road-graph:car' },
      ],
    });
    // Issue 13: the same reasons as data, written in Chinese by formatReason.
    for (const d of dropped) expect(formatReason(d.reasonData)).toBe(d.reason);
    expect(dropped.map((d) => formatReason(d.reasonData, { locale: 'zh-CN' }))).toEqual([
      '在 road-graph:car 上它与基地之间没有路线',
      '在 road-graph:car 上它与零售户 R1 之间没有路线',
    ]);
  });

  it('never drops the depot, and leaves a set where every pair is reachable (property by exhaustion)', () => {
    for (let mask = 0; mask < 1 << 6; mask++) {
      const pairs = [
        [1, 2],
        [2, 3],
        [3, 1],
        [0, 2],
        [3, 0],
        [1, 3],
      ].filter((_, b) => mask & (1 << b));
      const { keep } = dropUnreachable(
        matrix(
          4,
          pairs.map(([from, to]) => ({ from: from!, to: to! })),
        ),
        name,
      );
      expect(keep[0]).toBe(0);
      for (const [a, b] of pairs) expect(keep.includes(a!) && keep.includes(b!)).toBe(false);
    }
  });
});
