import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { ProbeError } from '../probe.js';

/** True when `target` is `directory` or below it (both absolute and normalised). */
function isWithin(target: string, directory: string): boolean {
  const relative = path.relative(directory, target);
  return (
    relative === '' ||
    (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
  );
}

/** True when a relative glob climbs above the directory it is relative to (`../x`, `a/../../x`). */
export function climbsOut(glob: string): boolean {
  if (path.posix.isAbsolute(glob) || path.win32.isAbsolute(glob)) return false;
  const normalised = path.posix.normalize(glob.replace(/\\/g, '/'));
  return normalised === '..' || normalised.startsWith('../');
}

const FIX =
  'reports are read only inside the workspace: write the report there (or copy it in a step before the gate) and name it relative to the workspace';

/**
 * Refuses a glob that points outside the workspace. Only where it points is said: a file
 * outside the workspace is never opened, so none of its content can reach a message.
 */
export function assertGlobInside(glob: string, workspace: string): void {
  const target = path.resolve(workspace, glob);
  if (isWithin(target, path.resolve(workspace))) return;
  throw new ProbeError(`tests: report '${glob}' points outside the workspace (to ${target}); ${FIX}`);
}

/** Refuses a matched file whose real path (after symbolic links) is outside the workspace. */
export async function assertFileInside(file: string, shown: string, workspace: string): Promise<void> {
  const [real, root] = await Promise.all([realpath(file), realpath(workspace)]).catch(
    (error: NodeJS.ErrnoException) => {
      throw new ProbeError(`${shown}: cannot open the report (${error.code ?? 'unreadable'})`);
    },
  );
  if (isWithin(real, root)) return;
  throw new ProbeError(`${shown}: a symbolic link to ${real}, outside the workspace; ${FIX}`);
}
