'use strict';
/**
 * Lets a forked test process load the TypeScript sources as they are (`fork(file.ts, { execArgv: ['-r',
 * this file] })`): jest compiles the tests, but a child process it forks has no jest. Transpiling only,
 * with the TypeScript the project already has; `npm run typecheck` checks the same files.
 */
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const ts = require('typescript');

const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false };

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};

/**
 * The package's own names, as jest's moduleNameMapper and tsconfig.json's paths give them, so that a
 * forked process imports `hipchat-connect` as the tests do (Node alone would find the build instead).
 */
const root = path.join(__dirname, '..', '..');
const ENTRIES = { 'hipchat-connect': 'lib/index.ts', 'hipchat-connect/testing': 'lib/testing.ts', 'hipchat-connect/emulator': 'lib/emulator/index.ts' };
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveEntry(request, ...rest) {
  return resolveFilename.call(this, ENTRIES[request] === undefined ? request : path.join(root, ENTRIES[request]), ...rest);
};
