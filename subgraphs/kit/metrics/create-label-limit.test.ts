import { createLabelLimit, OTHER_LABEL } from './create-label-limit';

describe('createLabelLimit', () => {
  it('passes the first values through and folds later new ones into "other"', () => {
    const limit = createLabelLimit(2);
    expect(['A', 'B', 'A', 'C', 'B', 'D'].map(limit)).toEqual([
      'A',
      'B',
      'A',
      OTHER_LABEL,
      'B',
      OTHER_LABEL,
    ]);
  });
});
