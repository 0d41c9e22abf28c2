import { messageOf } from '../engine/run.js';
import { TOOL } from '../version.js';
import { parseCommandLine, type Command } from './args.js';
import { EXIT, type CliIo } from './io.js';
import { runCommand } from './run.js';
import { cliSink } from './sink.js';
import { MAIN_HELP, RUN_HELP, UsageError, VALIDATE_HELP } from './usage.js';
import { validateCommand } from './validate.js';

/** The CLI: parses argv, runs one command, returns the exit code. Never throws. */
export async function cli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command: Command = parseCommandLine(argv);
    switch (command.name) {
      case 'help':
        io.stdout(
          command.topic === 'run' ? RUN_HELP : command.topic === 'validate' ? VALIDATE_HELP : MAIN_HELP,
        );
        return EXIT.go;
      case 'version':
        io.stdout(`${TOOL.version}\n`);
        return EXIT.go;
      case 'validate':
        return await validateCommand(command.options, io);
      case 'run':
        return (await runCommand(command.options, io)).exitCode;
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
