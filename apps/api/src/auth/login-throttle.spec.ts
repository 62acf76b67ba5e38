import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  let now: number;
  let throttle: LoginThrottle;
  beforeEach(() => {
    now = 1_000_000;
    throttle = new LoginThrottle({ perUsername: 3, perAddress: 10, baseDelayMs: 1000, maxDelayMs: 8000, forgetAfterMs: 60_000, now: () => now });
  });
  const fail = (times: number, username = 'zoé', address = '10.0.0.1') => {
    for (let i = 0; i < times; i++) throttle.failed(username, address);
  };

  it('lets the allowance through, then waits 1 s, 2 s, 4 s… up to the maximum', () => {
    fail(2);
    expect(throttle.waitFor('zoé', '10.0.0.1')).toBe(0);
    fail(1);
    expect(throttle.waitFor('zoé', '10.0.0.1')).toBe(1000);
    fail(1);
    expect(throttle.waitFor('zoé', '10.0.0.1')).toBe(2000);
    fail(1);
    expect(throttle.waitFor('zoé', '10.0.0.1')).toBe(4000);
    fail(5);
    expect(throttle.waitFor('zoé', '10.0.0.1')).toBe(8000);
    now += 3000;
    expect(throttle.waitFor('zoé', '10.0.0.1')).toBe(5000);
  });

  it('counts a username from any address, and an address for any username', () => {
    fail(1, 'zoé', 'a');
    fail(1, 'zoé', 'b');
    fail(1, 'zoé', 'c');
    expect(throttle.waitFor('zoé', 'd')).toBe(1000);
    expect(throttle.waitFor('paul', 'd')).toBe(0);
    for (let i = 0; i < 10; i++) throttle.failed(`user-${i}`, 'e');
    expect(throttle.waitFor('someone else', 'e')).toBe(1000);
  });

  it('forgets a username after a success, but not the address', () => {
    for (let i = 0; i < 9; i++) throttle.failed(i < 3 ? 'zoé' : `other-${i}`, 'a');
    throttle.succeeded('zoé');
    expect(throttle.waitFor('zoé', 'b')).toBe(0);
    throttle.failed('zoé', 'a');
    expect(throttle.waitFor('zoé', 'a')).toBe(1000);
  });

  it('forgets a key once quiet for forgetAfterMs', () => {
    fail(3);
    now += 60_000;
    expect(throttle.waitFor('zoé', '10.0.0.1')).toBe(0);
    fail(1);
    expect(throttle.waitFor('zoé', '10.0.0.1')).toBe(0);
  });

  it('tracks at most maxKeys keys, the oldest dropped', () => {
    const small = new LoginThrottle({ perUsername: 1, perAddress: 1000, maxKeys: 4, now: () => now });
    small.failed('first', 'a');
    for (let i = 0; i < 5; i++) small.failed(`spray-${i}`, 'a');
    expect(small.waitFor('first', 'z')).toBe(0);
    expect(small.waitFor('spray-4', 'z')).toBe(1000);
  });
});
