/** How long one slice of queued work may run before the event loop gets a turn (Raft's tick is 20 ms, its election timeout 300 ms). */
export const SLICE_MS = 10;

/**
 * Work deferred to the end of the turn, run a slice of time at a time.
 * Every Watch stream flushes what it holds at the end of the turn
 * (watch-outbox.ts); with a thousand streams those flushes, and the
 * catch-ups they let go on, ran as one immediate each in a single check
 * phase, for hundreds of milliseconds: Raft's heartbeats waited behind
 * them and the followers elected a new leader. Here the tasks run in order
 * until a slice is spent; the rest go on in the next turn of the event
 * loop, after its timers and I/O. A task queued while the slice runs goes
 * to the back (round robin between streams).
 */
export class TurnSlices {
  private queue: Array<(() => void) | undefined> = [];
  private head = 0;
  private scheduled = false;

  constructor(
    private readonly onError: (error: unknown) => void,
    private readonly sliceMs = SLICE_MS,
    private readonly now: () => number = () => performance.now(),
    private readonly defer: (run: () => void) => void = (run) => setImmediate(run),
  ) {}

  /** Tasks waiting (for tests). */
  get pending(): number {
    return this.queue.length - this.head;
  }

  /** Runs `task` at the end of this turn, or in a later one if the slices before it are full. */
  enqueue(task: () => void): void {
    this.queue.push(task);
    if (this.scheduled) return;
    this.scheduled = true;
    this.defer(() => this.run());
  }

  /** Runs one slice; `scheduled` stays set meanwhile, so a task queued by a running one is only queued. */
  private run(): void {
    const start = this.now();
    while (this.head < this.queue.length) {
      const task = this.queue[this.head]!;
      this.queue[this.head++] = undefined;
      try {
        task();
      } catch (error) {
        this.onError(error);
      }
      if (this.now() - start >= this.sliceMs) break;
    }
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
      this.scheduled = false;
      return;
    }
    if (this.head > 1024) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    this.defer(() => this.run());
  }
}
