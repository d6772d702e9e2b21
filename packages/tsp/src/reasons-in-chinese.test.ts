// Issue 13: every reason the route solver writes carries its key, so core renders it in Chinese; here the
// ones made by zod refinements and the time options (the rest are rendered in core's catalogue test).
import { formatErrorMessage, formatReason } from '@beatplan/core';
import { describe, expect, it } from 'vitest';
import { solveSync, TspError } from '@beatplan/tsp';

const matrix = [
  [0, 600, 600],
  [600, 0, 600],
  [600, 600, 0],
];

function thrownTsp(f: () => unknown): TspError {
  try {
    f();
  } catch (e) {
    if (e instanceof TspError) return e;
    throw e;
  }
  throw new Error('expected a TspError');
}

describe('the route solver’s reasons in Chinese', () => {
  it('keeps the English message and renders the same reason in Chinese', () => {
    const cases: [unknown, unknown, string, string][] = [
      [
        { matrix },
        { windows: [null, [5, 1], null] },
        'options.windows[1]: a window must not close before it opens, received an array of 2',
        'options.windows[1]：时间窗的关闭时间不能早于开启时间，实际为 含 2 项的数组',
      ],
      [
        { matrix },
        { onProgress: 5 },
        'options.onProgress: onProgress must be a function, received 5',
        'options.onProgress：onProgress 必须是函数，实际为 5',
      ],
      [
        { matrix },
        { signal: 'stop' },
        'options.signal: signal must be an AbortSignal, received "stop"',
        'options.signal：signal 必须是 AbortSignal，实际为 "stop"',
      ],
      [
        {
          points: [
            { lng: 120, lat: 28 },
            { lng: 120.01, lat: 28 },
            { lng: 120, lat: 28.01 },
          ],
        },
        { endBy: 3600 },
        'options.timeMatrix: points give distances in metres, not travel times: pass timeMatrix (seconds) or speedKmh to schedule the route',
        'options.timeMatrix：点只给出以米为单位的距离，而不是行驶时间：要排定路线的时间，请传入 timeMatrix（秒）或 speedKmh',
      ],
      [
        { matrix },
        { method: 'exact', endBy: 3600, travelWeight: 1 },
        "options.travelWeight: the exact time-window solver minimises the finish alone: use travelWeight 0, or method 'auto' or 'heuristic', received 1",
        "options.travelWeight：精确时间窗求解器只最小化结束时间：请使用 travelWeight 0，或 method 'auto' 或 'heuristic'，实际为 1",
      ],
    ];
    for (const [input, options, en, zh] of cases) {
      const e = thrownTsp(() => solveSync(input as never, options as never));
      expect(e.message).toBe(en);
      expect(formatErrorMessage(e, { locale: 'zh-CN' })).toBe(zh);
    }
  });

  it('gives a dropped stop its reason as data, which core writes in Chinese', () => {
    const options = { serviceS: 300, windows: [null, [0, 10_000], [20_000, 21_000]], startAt: 0, endBy: 15_000 };
    const r = solveSync({ matrix }, { ...options, dropInfeasible: true } as never);
    expect(r.dropped).toHaveLength(1);
    const [d] = r.dropped ?? [];
    expect(d && formatReason(d.reasonData)).toBe(d?.reason);
    expect(d && formatReason(d.reasonData, { locale: 'zh-CN' })).toBe(
      '没有任何顺序能在时间窗和 endBy 内与其他站点一起服务它',
    );
  });
});
