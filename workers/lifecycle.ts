import type { Logger } from '../src/lib/logger.ts';

type Step = { name: string; close: () => Promise<void> };

/**
 * Owns a process's shutdown: resources register as they open, and close in reverse order
 * on SIGINT/SIGTERM (or a fatal start-up error). A stuck step cannot hold the process
 * forever: after the timeout it exits non-zero.
 */
export class Lifecycle {
  private readonly steps: Step[] = [];
  private stopping: Promise<void> | undefined;
  private closing: Promise<boolean> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly timeoutMs: number,
  ) {}

  /** Registers something to close at shutdown; later registrations close first. */
  add(name: string, close: () => Promise<void>): void {
    this.steps.push({ name, close });
  }

  /** Installs the signal handlers; call once per process. */
  handleSignals(): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        // A repeated signal (the terminal and a wrapper both send one) joins the running shutdown.
        if (!this.stopping) this.logger.info(`${signal} received: shutting down`);
        void this.shutdown(0);
      });
    }
  }

  /** Closes everything in reverse order, then exits with `code`. */
  shutdown(code: number): Promise<void> {
    this.stopping ??= this.run(code);
    return this.stopping;
  }

  /** Closes everything in reverse order without exiting (for commands that end by themselves). */
  async close(): Promise<void> {
    await this.closeAll();
  }

  private closeAll(): Promise<boolean> {
    this.closing ??= (async () => {
      let ok = true;
      for (const step of [...this.steps].reverse()) {
        try {
          await step.close();
          this.logger.debug(`closed ${step.name}`);
        } catch (error) {
          ok = false;
          this.logger.error({ err: error }, `closing ${step.name} failed`);
        }
      }
      return ok;
    })();
    return this.closing;
  }

  private async run(code: number): Promise<void> {
    const timer = setTimeout(() => {
      this.logger.error(`shutdown took longer than ${this.timeoutMs} ms: exiting anyway`);
      process.exit(1);
    }, this.timeoutMs);
    timer.unref();
    const ok = await this.closeAll();
    this.logger.info('stopped');
    await flushLogger(this.logger);
    process.exit(code || (ok ? 0 : 1));
  }
}

function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    logger.flush(() => resolve());
    setTimeout(resolve, 500).unref();
  });
}
