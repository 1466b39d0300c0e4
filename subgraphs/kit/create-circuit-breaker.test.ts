import { createCircuitBreaker } from './create-circuit-breaker';

describe('createCircuitBreaker', () => {
  it('stays closed below the threshold and a success resets the count', () => {
    const breaker = createCircuitBreaker({ failureThreshold: 2, resetMs: 100, now: () => 0 });
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    expect([breaker.getState(), breaker.tryAcquire()]).toEqual(['closed', true]);
  });

  it('opens after the threshold of failures in a row and refuses calls until the reset time', () => {
    let time = 0;
    const breaker = createCircuitBreaker({ failureThreshold: 2, resetMs: 100, now: () => time });
    breaker.recordFailure();
    breaker.recordFailure();
    expect([breaker.getState(), breaker.tryAcquire()]).toEqual(['open', false]);
    time = 99;
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('half-opens after the reset time, lets one trial call through and closes on its success', () => {
    let time = 0;
    const breaker = createCircuitBreaker({ failureThreshold: 1, resetMs: 100, now: () => time });
    breaker.recordFailure();
    time = 100;
    expect(breaker.getState()).toBe('half-open');
    expect([breaker.tryAcquire(), breaker.tryAcquire()]).toEqual([true, false]);
    breaker.recordSuccess();
    expect([breaker.getState(), breaker.tryAcquire()]).toEqual(['closed', true]);
  });

  it('re-opens for another reset period when the trial call fails', () => {
    let time = 0;
    const breaker = createCircuitBreaker({ failureThreshold: 3, resetMs: 100, now: () => time });
    for (let i = 0; i < 3; i += 1) breaker.recordFailure();
    time = 100;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect([breaker.getState(), breaker.tryAcquire()]).toEqual(['open', false]);
    time = 200;
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('lets another trial through when a trial call is released without a verdict', () => {
    let time = 0;
    const breaker = createCircuitBreaker({ failureThreshold: 1, resetMs: 100, now: () => time });
    breaker.recordFailure();
    time = 100;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.release();
    expect([breaker.getState(), breaker.tryAcquire()]).toEqual(['half-open', true]);
  });
});

describe('createCircuitBreaker trials and re-opening', () => {
  it('opens after the threshold of consecutive failures and fails fast while open', () => {
    let time = 0;
    const breaker = createCircuitBreaker({ failureThreshold: 2, resetMs: 100, now: () => time });
    breaker.recordFailure();
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect([breaker.getState(), breaker.tryAcquire()]).toEqual(['open', false]);
    time = 99;
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('lets one trial call through after the reset time and closes when it succeeds', () => {
    let time = 0;
    const breaker = createCircuitBreaker({ failureThreshold: 1, resetMs: 100, now: () => time });
    breaker.recordFailure();
    time = 100;
    expect([breaker.tryAcquire(), breaker.tryAcquire()]).toEqual([true, false]);
    breaker.recordSuccess();
    expect([breaker.getState(), breaker.tryAcquire()]).toEqual(['closed', true]);
  });

  it('re-opens at once when the trial call fails', () => {
    let time = 0;
    const breaker = createCircuitBreaker({ failureThreshold: 3, resetMs: 100, now: () => time });
    for (let i = 0; i < 3; i += 1) breaker.recordFailure();
    time = 150;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect([breaker.getState(), breaker.tryAcquire()]).toEqual(['open', false]);
  });

  it('forgets failures once a call succeeds', () => {
    const breaker = createCircuitBreaker({ failureThreshold: 2, resetMs: 100 });
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    expect(breaker.getState()).toBe('closed');
  });
});
