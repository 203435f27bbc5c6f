import { canMove, statesMovingTo } from './appointment-state';

describe('appointment state transitions', () => {
  it('lets invoicing claim unbilled appointments (and cancelled ones billed as a fee) and record only claimed ones', () => {
    expect(statesMovingTo('claimed')).toEqual(['unbilled', 'cancelled']);
    expect(statesMovingTo('invoiced')).toEqual(['claimed']);
  });

  it('never moves an invoiced appointment to cancelled or excluded', () => {
    expect(canMove('invoiced', 'cancelled')).toBe(false);
    expect(canMove('invoiced', 'excluded')).toBe(false);
    expect(canMove('invoiced', 'unbilled')).toBe(true);
  });
});
