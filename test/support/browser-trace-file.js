// @ts-check
const path = require('node:path');

/**
 * Where a browser suite's trace goes: test-output/browser-traces/<the suite's path in the repository,
 * dashed>.log. One rule for the suites that write traces (browser-trace.ts) and for `.ci/run`, which
 * prints the trace of a suite that failed. Plain CommonJS so that `node -e` can require it.
 * @param {string} root  the repository
 * @param {string} testPath  the suite's file
 */
exports.traceFileFor = (root, testPath) =>
  path.join(root, 'test-output', 'browser-traces', `${path.relative(root, testPath).replace(/[\\/]/g, '-')}.log`);
