import { messageOf } from '../engine/run.js';
import { TOOL } from '../version.js';
import { parseCommandLine, type Command } from './args.js';
import { EXIT, type CliIo } from './io.js';
import { runCommand } from './run.js';
import { cliSink } from './sink.js';
import { mergeCommand } from './merge.js';
import { MAIN_HELP, MERGE_HELP, RUN_HELP, UsageError, VALIDATE_HELP } from './usage.js';
import { validateCommand } from './validate.js';

const HELP = { main: MAIN_HELP, run: RUN_HELP, validate: VALIDATE_HELP, merge: MERGE_HELP } as const;

/** The CLI: parses argv, runs one command, returns the exit code. Never throws. */
export async function cli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command: Command = parseCommandLine(argv);
    switch (command.name) {
      case 'help':
        io.stdout(HELP[command.topic]);
        return EXIT.go;
      case 'version':
        io.stdout(`${TOOL.version}\n`);
        return EXIT.go;
      case 'validate':
        return await validateCommand(command.options, io);
      case 'run':
        return (await runCommand(command.options, io)).exitCode;
      case 'merge':
        return await mergeCommand(command.options, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      cliSink(io).log('info', `${TOOL.name}: ${error.message}\nRun '${TOOL.name} --help' for usage.\n`);
      return EXIT.invalid;
    }
    cliSink(io).log('info', `${TOOL.name}: ${messageOf(error)}\n`);
    return EXIT.invalid;
  }
}
