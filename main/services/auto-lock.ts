// Locks the vault after a period without user activity. The timer lives in main, so a
// renderer that hangs or is closed cannot keep the vault open.
export class AutoLock {
  private timer: NodeJS.Timeout | null = null;
  private deadline: number | null = null;

  constructor(
    private minutes: number,
    private readonly onIdle: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  setMinutes(minutes: number): void {
    this.minutes = minutes;
    if (this.timer) this.arm();
  }

  /** (Re)starts the countdown: called on unlock and on every sign of activity. */
  arm(): void {
    this.disarm();
    const ms = this.minutes * 60_000;
    this.deadline = this.now() + ms;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.deadline = null;
      this.onIdle();
    }, ms);
    this.timer.unref?.();
  }

  disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.deadline = null;
  }

  msLeft(): number | null {
    return this.deadline === null ? null : Math.max(0, this.deadline - this.now());
  }
}
