import { canMove, statesMovingTo } from './appointment-state';

describe('appointment state transitions', () => {
  it('lets invoicing claim only unbilled appointments and record only claimed ones', () => {
    expect(statesMovingTo('claimed')).toEqual(['unbilled']);
    expect(statesMovingTo('invoiced')).toEqual(['claimed']);
  });

  it('never moves an invoiced appointment to cancelled or excluded', () => {
    expect(canMove('invoiced', 'cancelled')).toBe(false);
    expect(canMove('invoiced', 'excluded')).toBe(false);
    expect(canMove('invoiced', 'unbilled')).toBe(true);
  });
});
