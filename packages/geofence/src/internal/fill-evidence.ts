import { bd09ToWgs84, gcj02ToWgs84, type PositionFix, type Visit } from '@beatplan/core';
import { IdNumbering } from './id-numbering.js';
import { CRS_CODE, KIND_ABSENT, KIND_MOCK, r95Of, type BatchKeys, type Evidence } from './evidence.js';
import { failEvidence } from './evidence-bug.js';

const RAD = Math.PI / 180;

/** `SOURCE_CODE[source]` without a keyed property lookup (the strings are interned: pointer compares). */
const sourceCode = (source: PositionFix['source']): number =>
  source === 'gnss' ? 0 : source === 'cell' ? 1 : source === 'wifi' ? 2 : 3;

/**
 * Writes one fix into fix slot `k`: as sent, and its WGS84 position and 95 % radius.
 *
 * @param kind - source code | crs code << 2 | KIND_MOCK.
 * @param confidence - `accuracyConfidence`, NaN when absent.
 */
export function placeFix(
  ev: Evidence,
  k: number,
  at: number,
  lng: number,
  lat: number,
  accuracyM: number,
  kind: number,
  confidence: number,
): void {
  ev.fixAt[k] = at;
  ev.rawLng[k] = lng;
  ev.rawLat[k] = lat;
  ev.accuracyM[k] = accuracyM;
  ev.fixKind[k] = kind;
  const crs = (kind >> 2) & 3;
  if (crs === CRS_CODE.WGS84) {
    ev.fixLng[k] = lng;
    ev.fixLat[k] = lat;
    ev.fixCos[k] = Math.cos(lat * RAD);
  } else {
    const [x, y] = crs === CRS_CODE.GCJ02 ? gcj02ToWgs84(lng, lat) : bd09ToWgs84(lng, lat);
    ev.fixLng[k] = x;
    ev.fixLat[k] = y;
    ev.fixCos[k] = Math.cos(y * RAD);
  }
  ev.fixR95[k] = r95Of(accuracyM, kind & 3, confidence);
}

/**
 * Marks end slot `2i + 1` of a visit without an end fix: a copy of its start slot with `KIND_ABSENT`
 * (see `Evidence.fixKind`). Call after the start slot is placed.
 */
export function placeAbsentEnd(ev: Evidence, i: number): void {
  const s = 2 * i;
  const e = s + 1;
  for (const column of [ev.fixAt, ev.rawLng, ev.rawLat, ev.accuracyM, ev.fixLng, ev.fixLat, ev.fixCos, ev.fixR95])
    column[e] = column[s] ?? failEvidence('fix slot', s);
  ev.fixKind[e] = (ev.fixKind[s] ?? failEvidence('fixKind', s)) | KIND_ABSENT;
}

function placeFixObject(ev: Evidence, k: number, fix: PositionFix): void {
  const crs = fix.crs === undefined || fix.crs === 'WGS84' ? 0 : CRS_CODE[fix.crs];
  const kind = sourceCode(fix.source) | (crs << 2) | (fix.mock === true ? KIND_MOCK : 0);
  placeFix(ev, k, fix.at, fix.lng, fix.lat, fix.accuracyM, kind, fix.accuracyConfidence ?? NaN);
}

/**
 * Copies parsed visits into the evidence one at a time (fix slots; ids, managers and retailer ids
 * kept aside), so that the batch passes read flat arrays instead of chasing objects, and so that
 * `verifyDay` can drop each parsed visit as soon as it is placed: a batch of 10⁵ parsed visits kept
 * alive until the end doubled the cost of parsing them (the young-generation GC copies them all).
 */
export class VisitFiller {
  readonly ids: string[];
  readonly retailerIds: string[];
  readonly manager: Int32Array;
  private readonly managers = new IdNumbering();
  private lastManagerId: string | undefined;
  private lastManager = -1;

  constructor(private readonly ev: Evidence) {
    this.ids = new Array<string>(ev.n);
    this.retailerIds = new Array<string>(ev.n);
    this.manager = new Int32Array(ev.n);
  }

  /** Places visit `i`. */
  place(i: number, v: Visit): void {
    this.ids[i] = v.id;
    this.retailerIds[i] = v.retailerId;
    // Visits of one manager usually come together: skip the map lookup for a run of them.
    if (v.managerId !== this.lastManagerId) {
      this.lastManagerId = v.managerId;
      this.lastManager = this.managers.numberOf(v.managerId);
    }
    this.manager[i] = this.lastManager;
    placeFixObject(this.ev, 2 * i, v.start);
    if (v.end === undefined) placeAbsentEnd(this.ev, i);
    else placeFixObject(this.ev, 2 * i + 1, v.end);
  }

  /** The batch keys (call once every visit is placed). */
  keys(): BatchKeys {
    return { ids: this.ids, manager: this.manager, managerIds: this.managers.ids };
  }
}

/** Copies parsed visits and their fence numbers into the evidence; returns the batch keys. */
export function fillFromVisits(ev: Evidence, visits: readonly Visit[], fenceOf: Int32Array): BatchKeys {
  ev.fence.set(fenceOf);
  const filler = new VisitFiller(ev);
  let i = 0;
  for (const visit of visits) filler.place(i++, visit);
  return filler.keys();
}
