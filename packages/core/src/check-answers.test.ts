import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from '../test/helpers.js';
import { checkAnswers, checklistIssues } from './check-answers.js';
import { DEFAULT_CHECKLIST, InspectionChecklistSchema, SEED_ITEMS } from './schemas/inspection-checklist.js';
import { InspectionRecordSchema } from './schemas/inspection-record.js';

const seedAnswers = {
  pricesTagged: true,
  policyMaterialDisplayed: false,
  satisfaction: 3,
  managerVisitConfirmed: 'no',
};
const parse = (over: Record<string, unknown>) =>
  InspectionRecordSchema.parse({
    id: 'I9',
    retailerId: 'R1',
    inspectorId: 'X1',
    at: '2025-03-05T10:00:00+08:00',
    channel: 'phone',
    ...over,
  });

describe('checklistIssues', () => {
  it('names the record, the item and the reason of every misfit, at the path given', () => {
    const checklist = InspectionChecklistSchema.parse([
      { id: 'satisfaction' },
      { id: 'n', label: 'facings', type: 'number' },
    ]);
    const issues = checklistIssues(parse({ pricesTagged: true, answers: [{ itemId: 'x', value: 1 }] }), checklist, [
      'records',
      4,
    ]);
    expect(issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'records.4.pricesTagged: record I9 answers pricesTagged, which the checklist in force does not ask',
      'records.4.satisfaction: record I9 does not answer the checklist item satisfaction ("retailer satisfaction (1–5)")',
      'records.4.answers.0.itemId: record I9 answers an item the checklist does not have',
      'records.4.answers: record I9 does not answer the checklist item n ("facings")',
    ]);
    expect(issues[0]?.reason).toEqual({ key: 'inspection.seed_not_asked', record: 'I9', item: 'pricesTagged' });
  });

  it('the default checklist is the four seed items, each required', () => {
    expect(DEFAULT_CHECKLIST.map((i) => [i.id, i.required])).toEqual(SEED_ITEMS.map((s) => [s.id, true]));
    expect(checklistIssues(parse(seedAnswers), DEFAULT_CHECKLIST, [])).toEqual([]);
    expect(thrown(() => checkAnswers(parse({}), [{ id: 'pricesTagged', type: 'yes_no' }])).path).toEqual([
      'checklist',
      0,
      'type',
    ]);
  });

  it('property: a record without answers fits exactly when its seed fields are the seed items asked', () => {
    const ids = SEED_ITEMS.map((s) => s.id);
    fc.assert(
      fc.property(fc.subarray(ids), fc.subarray(ids), (asked, given) => {
        const record = parse(Object.fromEntries(given.map((k) => [k, seedAnswers[k]])));
        const issues = checklistIssues(record, InspectionChecklistSchema.parse(asked.map((id) => ({ id }))), []);
        expect(issues.map((i) => i.path[0]).sort()).toEqual(
          ids.filter((k) => asked.includes(k) !== given.includes(k)).sort(),
        );
      }),
    );
  });
});
