/**
 * Passes the gate's deadline on to the tries running when it passes, through one listener on the
 * deadline for the whole run. A listener per try, added and removed on the long-lived deadline
 * signal, made the signal's listener table reallocate on every try: garbage that outlived the young
 * generation and grew the RSS of a hold sampling back to back by megabytes per 10,000 samples.
 */
export class DeadlineRelay {
  private readonly active: AbortController[] = [];

  constructor(private readonly deadline: AbortSignal) {
    deadline.addEventListener('abort', () => this.abortAll(), { once: true });
  }

  /** `controller` is aborted with the deadline's reason when the deadline passes (at once if it has). */
  follow(controller: AbortController): void {
    if (this.deadline.aborted) controller.abort(this.deadline.reason);
    else this.active.push(controller);
  }

  /** The try has ended: the deadline no longer concerns it. */
  release(controller: AbortController): void {
    const index = this.active.lastIndexOf(controller);
    if (index < 0) return;
    // Order does not matter: the last one takes the freed place (no shifting, no new array).
    const last = this.active.pop()!;
    if (index < this.active.length) this.active[index] = last;
  }

  private abortAll(): void {
    for (const controller of this.active.splice(0)) controller.abort(this.deadline.reason);
  }
}
