import { describe, expect, it } from 'vitest';
import { ROAD_PROFILES, type RoadProfile } from '../road-profiles.js';
import { evaluateWay, parseMaxspeed } from './way-rules.js';

const p = (name: 'car' | 'motorcycle' | 'bicycle' | 'foot') => ROAD_PROFILES.get(name) as RoadProfile;
const tags = (...kv: [string, string][]) => new Map(kv);
const none = new Map<string, number>();

describe('way rules', () => {
  it('parses maxspeed: km/h, mph, none, walk; ignores words; refuses absurd numbers', () => {
    expect(parseMaxspeed('50', p('car'), 1)).toBe(50);
    expect(parseMaxspeed('30 mph', p('car'), 1)).toBeCloseTo(48.28, 2);
    expect(parseMaxspeed('none', p('car'), 1)).toBe(120);
    expect(parseMaxspeed('walk', p('car'), 1)).toBe(5);
    expect(parseMaxspeed('CN:urban', p('car'), 1)).toBeUndefined();
    expect(() => parseMaxspeed('0', p('car'), 4)).toThrow(
      'way[4].maxspeed: maxspeed must be within [1, 300] km/h, received "0"',
    );
  });

  it('applies speeds: class default, maxspeed capped at the top speed, overrides', () => {
    expect(evaluateWay(tags(['highway', 'residential']), p('car'), none, 1)?.speedKmh).toBe(20);
    expect(evaluateWay(tags(['highway', 'primary'], ['maxspeed', '60']), p('car'), none, 1)?.speedKmh).toBe(60);
    expect(evaluateWay(tags(['highway', 'primary'], ['maxspeed', '80']), p('motorcycle'), none, 1)?.speedKmh).toBe(60);
    expect(evaluateWay(tags(['highway', 'primary'], ['maxspeed', '80']), p('bicycle'), none, 1)?.speedKmh).toBe(16);
    expect(evaluateWay(tags(['highway', 'residential']), p('car'), new Map([['residential', 25]]), 1)?.speedKmh).toBe(
      25,
    );
  });

  it('reads oneway: yes/-1/no, roundabouts and motorways implied, per-profile keys, reversible left out', () => {
    const dirs = (t: Map<string, string>, name: 'car' | 'bicycle' | 'foot' = 'car') => {
      const u = evaluateWay(t, p(name), none, 1);
      return u ? [u.forward, u.backward] : null;
    };
    expect(dirs(tags(['highway', 'residential'], ['oneway', 'yes']))).toEqual([true, false]);
    expect(dirs(tags(['highway', 'residential'], ['oneway', '-1']))).toEqual([false, true]);
    expect(dirs(tags(['highway', 'residential'], ['junction', 'roundabout']))).toEqual([true, false]);
    expect(dirs(tags(['highway', 'motorway']))).toEqual([true, false]);
    expect(dirs(tags(['highway', 'motorway'], ['oneway', 'no']))).toEqual([true, true]);
    expect(dirs(tags(['highway', 'residential'], ['oneway', 'reversible']))).toBeNull();
    expect(dirs(tags(['highway', 'residential'], ['oneway', 'yes'], ['oneway:bicycle', 'no']), 'bicycle')).toEqual([
      true,
      true,
    ]);
    expect(dirs(tags(['highway', 'residential'], ['oneway', 'yes']), 'foot')).toEqual([true, true]);
  });

  it('reads access: the most specific key decides; permitted-only classes need the profile own tag', () => {
    const use = (t: Map<string, string>, name: 'car' | 'motorcycle' | 'bicycle' | 'foot') =>
      evaluateWay(t, p(name), none, 1) !== null;
    expect(use(tags(['highway', 'residential'], ['access', 'no'], ['motorcar', 'yes']), 'car')).toBe(true);
    expect(use(tags(['highway', 'residential'], ['motor_vehicle', 'private']), 'car')).toBe(false);
    expect(use(tags(['highway', 'residential'], ['motor_vehicle', 'private']), 'bicycle')).toBe(true);
    expect(use(tags(['highway', 'footway']), 'bicycle')).toBe(false);
    expect(use(tags(['highway', 'footway'], ['bicycle', 'designated']), 'bicycle')).toBe(true);
    expect(use(tags(['highway', 'motorway']), 'motorcycle')).toBe(false);
    expect(use(tags(['highway', 'motorway'], ['motorcycle', 'yes']), 'motorcycle')).toBe(true);
    expect(use(tags(['highway', 'steps']), 'foot')).toBe(true);
    expect(use(tags(['highway', 'construction']), 'car')).toBe(false);
  });
});
