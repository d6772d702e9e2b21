import { BeatplanError, issueReason } from '@beatplan/core';
import { DENYING_ACCESS_VALUES, type RoadProfile } from '../road-profiles.js';

/** How a profile may use one way: directions along the node order and the speed. */
export interface WayUse {
  forward: boolean;
  backward: boolean;
  speedKmh: number;
}

/** The slowest and fastest `maxspeed` accepted, km/h; outside is an error naming the way. */
const MAXSPEED_RANGE_KMH = [1, 300] as const;
const KMH_PER_MPH = 1.609344;

/** Reads the value of the most specific key of `keys` present in `tags`. */
function mostSpecific(tags: ReadonlyMap<string, string>, keys: readonly string[]): string | undefined {
  for (let i = keys.length - 1; i >= 0; i--) {
    const v = tags.get(keys[i] as string);
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * Parses `maxspeed` to km/h: `50`, `50 km/h`, `30 mph`, `walk` (5), `none` (the profile's top speed).
 * Other words (`signals`, `variable`, `CN:urban`, lists) give `undefined`: the class default applies.
 *
 * @throws {BeatplanError} `INVALID_INPUT` naming the way when a number is outside [1, 300] km/h.
 */
export function parseMaxspeed(value: string, profile: RoadProfile, wayId: number): number | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'none') return profile.topSpeedKmh;
  if (v === 'walk') return 5;
  const m = /^(-?\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph)?$/.exec(v);
  if (!m) return undefined;
  const kmh = Number(m[1]) * (m[2] === 'mph' ? KMH_PER_MPH : 1);
  if (!(kmh >= MAXSPEED_RANGE_KMH[0] && kmh <= MAXSPEED_RANGE_KMH[1])) {
    throw new BeatplanError('INVALID_INPUT', [
      {
        path: ['way', wayId, 'maxspeed'],
        value,
        ...issueReason('roads.maxspeed_range', { min: MAXSPEED_RANGE_KMH[0], max: MAXSPEED_RANGE_KMH[1] }),
      },
    ]);
  }
  return kmh;
}

/** Direction flags from a oneway value: `yes|true|1` forward, `-1|reverse` backward, `no|false|0` both. */
function onewayDirections(value: string | undefined, implied: boolean): [boolean, boolean] | null {
  switch (value) {
    case undefined:
      return implied ? [true, false] : [true, true];
    case 'yes':
    case 'true':
    case '1':
      return [true, false];
    case '-1':
    case 'reverse':
      return [false, true];
    case 'no':
    case 'false':
    case '0':
      return [true, true];
    default:
      // reversible, alternating: the direction changes with the time of day; not routed.
      return null;
  }
}

/**
 * Decides whether and how a profile uses a way, from its tags (README "Profiles").
 *
 * @param tags - the way's tags.
 * @param profile - the profile.
 * @param speedOverrides - km/h by highway class, replacing the profile's defaults.
 * @param wayId - for errors.
 * @returns the use, or `null` when the profile may not use the way.
 * @throws {BeatplanError} `INVALID_INPUT` for an absurd `maxspeed`.
 */
export function evaluateWay(
  tags: ReadonlyMap<string, string>,
  profile: RoadProfile,
  speedOverrides: ReadonlyMap<string, number>,
  wayId: number,
): WayUse | null {
  const highway = tags.get('highway');
  if (highway === undefined || tags.get('area') === 'yes') return null;
  const usual = profile.speedsKmh.get(highway);
  const permittedOnly = profile.permittedOnlySpeedsKmh.get(highway);
  if (usual === undefined && permittedOnly === undefined) return null;
  const access = mostSpecific(tags, profile.accessKeys);
  if (access !== undefined && DENYING_ACCESS_VALUES.has(access)) return null;
  if (usual === undefined) {
    // Only an explicit permission for this very profile (its most specific access key) opens the way.
    const own = tags.get(profile.accessKeys[profile.accessKeys.length - 1] as string);
    if (own === undefined || DENYING_ACCESS_VALUES.has(own)) return null;
  }
  let speedKmh = speedOverrides.get(highway) ?? usual ?? (permittedOnly as number);
  if (profile.usesMaxspeed) {
    const raw = tags.get('maxspeed');
    const max = raw === undefined ? undefined : parseMaxspeed(raw, profile, wayId);
    if (max !== undefined) speedKmh = max;
  }
  speedKmh = Math.min(speedKmh, profile.topSpeedKmh);
  const junction = tags.get('junction');
  const implied =
    profile.impliedOneway &&
    (highway === 'motorway' || highway === 'motorway_link' || junction === 'roundabout' || junction === 'circular');
  const dirs = onewayDirections(
    profile.onewayKeys.length ? mostSpecific(tags, profile.onewayKeys) : 'no',
    profile.onewayKeys.length > 0 && implied,
  );
  if (!dirs) return null;
  return { forward: dirs[0], backward: dirs[1], speedKmh };
}
