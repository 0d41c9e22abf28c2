#!/usr/bin/env node
import { processIo } from './cli/io.js';
import { cli } from './cli/main.js';

void cli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
