'use strict';
/**
 * What the type generators share: json-schema-to-typescript with the project's settings. Plain
 * JavaScript run by node, not by jest: json-schema-to-typescript formats with prettier 3, whose dynamic
 * import() jest's module sandbox refuses. It lives with the tests because json-schema-to-typescript is
 * a development dependency. The drift tests run each generator without --write and compare.
 */
const { compile } = require('json-schema-to-typescript');

/**
 * The types of one schema, as text.
 * @param {object} target
 * @param {object} target.schema the root schema (its $refs resolve against target.cwd)
 * @param {string} target.name the root type's name
 * @param {string} target.cwd
 * @param {string} target.banner
 * @param {object} [target.options] more json-schema-to-typescript options
 * @returns {Promise<string>}
 */
function render(target) {
  return compile(target.schema, target.name, {
    bannerComment: target.banner,
    cwd: target.cwd,
    // minItems would otherwise become tuple types ([Scope, ...Scope[]]) that plain arrays cannot satisfy.
    ignoreMinAndMaxItems: true,
    style: { singleQuote: true, printWidth: 120 },
    ...target.options,
  });
}

/** Runs a generator's main, reporting a failure on stderr with a non-zero exit code. */
function run(main) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exitCode = 1;
  });
}

module.exports = { render, run };
