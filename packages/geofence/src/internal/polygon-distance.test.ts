import { locationOutsideGeofenceM, seededRandom } from '@beatplan/core';
import { describe, expect, it } from 'vitest';
import { polygonSignedDistanceM, preparePolygon } from './polygon-distance.js';

const C = [120.1659, 30.2719];
const DEG = 1 / 111_000; // about a metre of latitude

/** A shop-sized polygon with a courtyard hole (an L-shaped outer ring in metres around C). */
const L = [
  [0, 0],
  [80, 0],
  [80, 30],
  [30, 30],
  [30, 70],
  [0, 70],
  [0, 0],
];
const HOLE = [
  [5, 5],
  [20, 5],
  [20, 20],
  [5, 20],
  [5, 5],
];
const toLngLat = (ring: number[][]) =>
  ring.map(([x, y]) => [C[0]! + (x! * DEG) / Math.cos((C[1]! * Math.PI) / 180), C[1]! + y! * DEG]);

describe('polygonSignedDistanceM (the fast path) against Turf’s pointToPolygonDistance (the oracle, as core’s locationOutsideGeofenceM)', () => {
  for (const [name, rings] of [
    [
      'square',
      [
        toLngLat([
          [0, 0],
          [60, 0],
          [60, 60],
          [0, 60],
          [0, 0],
        ]),
      ],
    ],
    ['L with a hole', [toLngLat(L), toLngLat(HOLE)]],
  ] as const) {
    it(`${name}: same sign, within 0.1 % + 5 cm, for 3000 seeded points up to 3 km away`, () => {
      const poly = preparePolygon(rings);
      const rand = seededRandom(name.length);
      for (let k = 0; k < 3000; k++) {
        const r = (k < 1500 ? 120 : 3000) * rand();
        const t = 2 * Math.PI * rand();
        const lng = C[0]! + ((30 + r * Math.cos(t)) * DEG) / Math.cos((C[1]! * Math.PI) / 180);
        const lat = C[1]! + (30 + r * Math.sin(t)) * DEG;
        const oracle = locationOutsideGeofenceM({ lng, lat }, rings as unknown as number[][][]); // Turf
        const ours = polygonSignedDistanceM(poly, lng, lat);
        expect(Math.abs(ours - oracle), `at ${lng},${lat}: ${ours} vs ${oracle}`).toBeLessThanOrEqual(
          0.001 * Math.abs(oracle) + 0.05,
        );
      }
    });
  }
});
