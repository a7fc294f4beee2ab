import { describe, it, expect, vi } from 'vitest';
import { AutoLock } from '../../main/services/auto-lock';
import { delayAfter, UnlockThrottle } from '../../main/services/unlock-throttle';

describe('AutoLock', () => {
  it('fires after the idle period and activity postpones it', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    const lock = new AutoLock(5, onIdle, () => Date.now());
    lock.arm();
    vi.advanceTimersByTime(4 * 60_000);
    lock.arm(); // activity
    vi.advanceTimersByTime(4 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000 + 1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(lock.msLeft()).toBeNull();
    vi.useRealTimers();
  });

  it('a new setting applies to the running countdown', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    const lock = new AutoLock(5, onIdle);
    lock.arm();
    lock.setMinutes(1);
    vi.advanceTimersByTime(60_000 + 1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});

describe('unlock throttle', () => {
  it('grows 0, 0, 1, 2, 4 … seconds and caps at 60', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(delayAfter)).toEqual([0, 0, 1000, 2000, 4000, 8000, 60000]);
  });

  it('refuses attempts during the delay and resets on success', () => {
    let now = 0;
    const t = new UnlockThrottle(() => now);
    t.recordFailure();
    t.recordFailure();
    t.assertMayTry();
    t.recordFailure();
    expect(() => t.assertMayTry()).toThrow(expect.objectContaining({ code: 'TOO_MANY_ATTEMPTS' }));
    now = 1000;
    t.assertMayTry();
    t.recordSuccess();
    t.recordFailure();
    t.assertMayTry();
  });
});
