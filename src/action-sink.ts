import { access, appendFile, constants } from 'node:fs/promises';
import type { DeferredCore } from './actions-core.js';
import { messageOf } from './engine/run.js';
import type { Redactor } from './report/redact.js';
import { ArtefactSink, type ArtefactWriters } from './report/sink.js';

/**
 * The action's sink: the runner's log, annotations, job summary, outputs and setFailed, reached
 * only after masking. `env` is the environment `run(env)` was given (GITHUB_STEP_SUMMARY included).
 */
export function runnerSink(
  redactor: Redactor,
  actions: DeferredCore,
  env: Readonly<Record<string, string | undefined>>,
): ArtefactSink {
  const writers: ArtefactWriters = {
    log: (level, text, place) =>
      actions.call((core) => {
        if (level === 'debug') core.debug(text);
        else if (level === 'info') core.info(text);
        else core[level](text, place);
      }),
    summary: async (markdown) => {
      const core = await actions.load();
      const path = env.GITHUB_STEP_SUMMARY;
      if (!path) {
        core.info('GITHUB_STEP_SUMMARY is not set (not on a runner?); the job summary was skipped.');
        return;
      }
      try {
        // Appended as @actions/core's summary.write does, but to the file named in the given env.
        await access(path, constants.R_OK | constants.W_OK);
        await appendFile(path, markdown, 'utf8');
      } catch (error) {
        core.warning(
          `The job summary could not be written to ${path}: ${redactor.redact(messageOf(error))}; check that the file exists and is writable.`,
        );
      }
    },
    output: (name, value) => actions.call((core) => core.setOutput(name, value)),
    fail: (message) => actions.call((core) => core.setFailed(message)),
  };
  return new ArtefactSink(redactor, writers);
}
