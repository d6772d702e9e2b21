/**
 * The travel modes a road graph can be built for. One graph file holds one profile.
 *
 * @example
 * ROAD_PROFILE_NAMES.includes('foot'); // true
 */
export const ROAD_PROFILE_NAMES = ['car', 'motorcycle', 'bicycle', 'foot'] as const;

/** One travel mode, see {@link ROAD_PROFILE_NAMES}. */
export type RoadProfileName = (typeof ROAD_PROFILE_NAMES)[number];

/**
 * How one profile reads OpenStreetMap tags. The tables are documented in the package README
 * ("Profiles"); a test keeps the README and these tables equal.
 */
export interface RoadProfile {
  name: RoadProfileName;
  /** `highway=*` classes the profile may use, with the default speed in km/h. */
  speedsKmh: ReadonlyMap<string, number>;
  /** Classes usable only when the profile's own access tag explicitly allows them (`bicycle=yes` on a footway). */
  permittedOnlySpeedsKmh: ReadonlyMap<string, number>;
  /** Access keys from the most general to the most specific; the most specific one present decides. */
  accessKeys: readonly string[];
  /** Whether `maxspeed` replaces the class default (capped at `topSpeedKmh`). */
  usesMaxspeed: boolean;
  /** The fastest the profile goes, km/h: caps `maxspeed` and speed overrides. */
  topSpeedKmh: number;
  /** Oneway keys, general first (`oneway`, then e.g. `oneway:bicycle`); empty when oneways do not apply. */
  onewayKeys: readonly string[];
  /** Whether roundabouts (`junction=roundabout|circular`) and motorways are oneway unless tagged otherwise. */
  impliedOneway: boolean;
  /** Whether `restriction` relations are honoured, and which keys (general first). */
  restrictionKeys: readonly string[];
  /** The vehicle name used in a restriction's `except=*` list (`motorcar`, `motorcycle`). */
  exceptName: string;
}

const MOTOR_CLASSES: [string, number][] = [
  ['trunk', 70],
  ['trunk_link', 40],
  ['primary', 50],
  ['primary_link', 30],
  ['secondary', 40],
  ['secondary_link', 30],
  ['tertiary', 30],
  ['tertiary_link', 25],
  ['unclassified', 25],
  ['residential', 20],
  ['living_street', 10],
  ['service', 15],
  ['road', 20],
];

/**
 * Access values that deny passage; every other value (yes, permissive, designated, destination, …) allows it.
 *
 * @example
 * DENYING_ACCESS_VALUES.has('private'); // true
 */
export const DENYING_ACCESS_VALUES: ReadonlySet<string> = new Set([
  'no',
  'private',
  'agricultural',
  'forestry',
  'delivery',
  'military',
  'emergency',
  'use_sidepath',
]);

const car: RoadProfile = {
  name: 'car',
  speedsKmh: new Map<string, number>([['motorway', 90], ['motorway_link', 45], ...MOTOR_CLASSES]),
  permittedOnlySpeedsKmh: new Map([['track', 10]]),
  accessKeys: ['access', 'vehicle', 'motor_vehicle', 'motorcar'],
  usesMaxspeed: true,
  topSpeedKmh: 120,
  onewayKeys: ['oneway'],
  impliedOneway: true,
  restrictionKeys: ['restriction', 'restriction:motorcar'],
  exceptName: 'motorcar',
};

const motorcycle: RoadProfile = {
  name: 'motorcycle',
  // No motorway: in Chinese cities motorbikes and e-bikes may not use expressways.
  speedsKmh: new Map<string, number>([
    ...MOTOR_CLASSES.map(([k, v]): [string, number] => [k, Math.min(v, 45)]),
    ['track', 15],
  ]),
  permittedOnlySpeedsKmh: new Map([
    ['motorway', 45],
    ['motorway_link', 35],
  ]),
  accessKeys: ['access', 'vehicle', 'motor_vehicle', 'motorcycle'],
  usesMaxspeed: true,
  topSpeedKmh: 60,
  onewayKeys: ['oneway'],
  impliedOneway: true,
  restrictionKeys: ['restriction', 'restriction:motorcycle'],
  exceptName: 'motorcycle',
};

const bicycle: RoadProfile = {
  name: 'bicycle',
  speedsKmh: new Map([
    ['cycleway', 18],
    ['primary', 16],
    ['primary_link', 16],
    ['secondary', 16],
    ['secondary_link', 16],
    ['tertiary', 16],
    ['tertiary_link', 16],
    ['unclassified', 16],
    ['residential', 15],
    ['living_street', 10],
    ['service', 12],
    ['road', 14],
    ['track', 12],
    ['path', 12],
  ]),
  permittedOnlySpeedsKmh: new Map([
    ['trunk', 16],
    ['trunk_link', 16],
    ['footway', 8],
    ['pedestrian', 8],
  ]),
  accessKeys: ['access', 'vehicle', 'bicycle'],
  usesMaxspeed: false,
  topSpeedKmh: 30,
  onewayKeys: ['oneway', 'oneway:bicycle'],
  impliedOneway: true,
  restrictionKeys: [],
  exceptName: 'bicycle',
};

const foot: RoadProfile = {
  name: 'foot',
  speedsKmh: new Map([
    ['primary', 5],
    ['primary_link', 5],
    ['secondary', 5],
    ['secondary_link', 5],
    ['tertiary', 5],
    ['tertiary_link', 5],
    ['unclassified', 5],
    ['residential', 5],
    ['living_street', 5],
    ['service', 5],
    ['road', 5],
    ['track', 5],
    ['path', 5],
    ['footway', 5],
    ['pedestrian', 5],
    ['cycleway', 5],
    ['steps', 2],
  ]),
  permittedOnlySpeedsKmh: new Map([
    ['trunk', 5],
    ['trunk_link', 5],
  ]),
  accessKeys: ['access', 'foot'],
  usesMaxspeed: false,
  topSpeedKmh: 7,
  onewayKeys: ['oneway:foot'],
  impliedOneway: false,
  restrictionKeys: [],
  exceptName: 'foot',
};

/**
 * The four profiles by name (README "Profiles" documents every table).
 *
 * @example
 * ROAD_PROFILES.get('car')?.speedsKmh.get('residential'); // 20
 * ROAD_PROFILES.get('motorcycle')?.speedsKmh.has('motorway'); // false: only where explicitly allowed
 */
export const ROAD_PROFILES: ReadonlyMap<RoadProfileName, RoadProfile> = new Map([
  ['car', car],
  ['motorcycle', motorcycle],
  ['bicycle', bicycle],
  ['foot', foot],
]);
