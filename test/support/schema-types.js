'use strict';
/**
 * What the type generators share: compile a schema with json-schema-to-typescript using the project's
 * settings, then print the types, or with --write rewrite the committed file. Plain JavaScript run by
 * node, not by jest: json-schema-to-typescript formats with prettier 3, whose dynamic import() jest's
 * module sandbox refuses. It lives with the tests because json-schema-to-typescript is a development
 * dependency. The drift tests run each generator without --write and compare with the committed file.
 */
const { writeFileSync } = require('node:fs');
const { compile } = require('json-schema-to-typescript');

/**
 * @param {object} target
 * @param {object} target.schema the root schema (its $refs resolve against target.cwd)
 * @param {string} target.name the root type's name
 * @param {string} target.cwd
 * @param {string} target.banner
 * @param {string} target.typesFile where --write puts the result
 * @param {object} [target.options] more json-schema-to-typescript options
 */
function generate(target) {
  const rendering = compile(target.schema, target.name, {
    bannerComment: target.banner,
    cwd: target.cwd,
    // minItems would otherwise become tuple types ([Scope, ...Scope[]]) that plain arrays cannot satisfy.
    ignoreMinAndMaxItems: true,
    style: { singleQuote: true, printWidth: 120 },
    ...target.options,
  });
  rendering.then(
    (types) => {
      if (process.argv.includes('--write')) writeFileSync(target.typesFile, types);
      else process.stdout.write(types);
    },
    (error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exitCode = 1;
    },
  );
}

module.exports = { generate };
