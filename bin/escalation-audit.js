#!/usr/bin/env node
import { run } from '../dist/cli/main.js';
import { installSignalHandlers } from '../dist/cli/signals.js';

installSignalHandlers();
process.exitCode = await run(process.argv.slice(2));
