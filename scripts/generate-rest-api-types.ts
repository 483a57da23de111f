/**
 * Renders lib/core/rest-api/openapi.ts from the REST API's contract (schemas/hipchat-rest-api-v2.*.yml,
 * the OpenAPI document with the project's overlay), so that the REST client's request and answer types
 * and the emulator's representations cannot drift from the document the tests check the emulator against.
 *
 *   npx tsx scripts/generate-rest-api-types.ts           print the types
 *   npx tsx scripts/generate-rest-api-types.ts --write   rewrite lib/core/rest-api/openapi.ts
 *
 * `npm run generate` runs it with every other type generator. test/unit/core/rest-api/types.test.ts runs the
 * first form and fails when the committed file differs.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { loadRestApiDocument } from './rest-api-document';

const typesFile = path.join(__dirname, '..', 'lib', 'core', 'rest-api', 'openapi.ts');

const BANNER = `/**
 * GENERATED from schemas/hipchat-rest-api-v2.openapi.yml and its overlay by
 * scripts/generate-rest-api-types.ts (openapi-typescript). Do not edit; after changing the overlay,
 * regenerate with:
 *   npm run generate
 */
`;

async function renderRestApiTypes(): Promise<string> {
  // openapi-typescript validates the document itself (through Redocly) before rendering it.
  const nodes = await openapiTS(loadRestApiDocument() as OpenAPI3, {
    // A member with a default is one a request may leave out, and an answer need not repeat.
    defaultNonNullable: false,
    // The document's free-form objects (a card, a file) are open; `Record<string, never>` would refuse every member.
    emptyObjectsUnknown: true,
    silent: true,
  });
  return BANNER + astToString(nodes);
}

async function main(args: string[]): Promise<void> {
  const types = await renderRestApiTypes();
  if (args.includes('--write')) writeFileSync(typesFile, types);
  else process.stdout.write(types);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
