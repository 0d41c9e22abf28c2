#!/usr/bin/env node
// The `regression-gate` command: the CLI bundled in dist/index.js with the action (see src/cli/).
import process from 'node:process';
import { runCli } from '../dist/index.js';

await runCli(process.argv.slice(2));
