'use strict';
/**
 * Lets a forked test process load the TypeScript sources as they are (`fork(file.ts, { execArgv: ['-r',
 * this file] })`): jest compiles the tests, but a child process it forks has no jest. Transpiling only,
 * with the TypeScript the project already has; `npm run typecheck` checks the same files.
 */
const { readFileSync } = require('node:fs');
const ts = require('typescript');

const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false };

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
