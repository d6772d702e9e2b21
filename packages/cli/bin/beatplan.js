#!/usr/bin/env node
// The `beatplan` command. The code lives in ../dist (built by `npm run build`, which `npm ci` runs).
import { runCli } from '../dist/index.js';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
