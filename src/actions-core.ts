import type * as ActionsCore from '@actions/core';

/** The @actions/core module. */
export type Core = typeof ActionsCore;

/**
 * @actions/core, loaded once the evidence is gathered. Loading it costs ~100 ms (it bundles an HTTP
 * client for OIDC that the gate never uses), so start-up goes straight to the probes; what is logged
 * before it loads is queued in order (masks first come first) and replayed when it does.
 */
export class DeferredCore {
  private core: Core | undefined;
  private loading: Promise<Core> | undefined;
  private readonly queue: Array<(core: Core) => void> = [];

  /** Runs `use` now if @actions/core is loaded, else when it is. */
  call(use: (core: Core) => void): void {
    if (this.core) use(this.core);
    else this.queue.push(use);
  }

  /** Loads @actions/core and replays what was queued. */
  load(): Promise<Core> {
    this.loading ??= import('@actions/core').then((core) => {
      this.core = core;
      for (const use of this.queue.splice(0)) use(core);
      return core;
    });
    return this.loading;
  }
}

/** An action input as @actions/core's getInput reads it (`INPUT_<NAME>`, spaces as `_`), without loading it. */
export function readInput(env: Readonly<Record<string, string | undefined>>, name: string): string {
  return env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
}
