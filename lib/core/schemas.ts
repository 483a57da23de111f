import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * The JSON Schemas in `schemas/` are the source of truth
 * (docs/principles.md#schemas-are-the-source-of-truth). They are compiled once, lazily, by one ajv instance,
 * and addressed by file name without the extension: `descriptor`, `installation`, `capabilities`,
 * `events/room_message`, … — or a definition inside one, by JSON Pointer: `descriptor#/$defs/glance`.
 */
export type SchemaName = string;

export interface SchemaProblem {
  /** A JSON Pointer into the value (`/capabilities/webhook/0/url`), `` for the root. */
  path: string;
  /** The rule that failed, in ajv's words (`must match pattern "^[a-z]+$"`). */
  rule: string;
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/** The folder that holds the schemas, found upward from here so it works from `lib/` and `dist/lib/`. */
export function schemasDir(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'schemas', 'descriptor.schema.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('hipchat-connect: schemas/ not found beside the package');
    dir = parent;
  }
  return path.join(dir, 'schemas');
}

function loadAll(): Ajv2020 {
  if (ajv) return ajv;
  const instance = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(instance);
  const root = schemasDir();
  // Keyed by file path, so that a relative $ref (`common.schema.json#/$defs/room`) resolves the same way
  // here as it does for the type generator, which reads the files themselves.
  for (const file of listSchemaFiles(root)) {
    instance.addSchema(JSON.parse(readFileSync(path.join(root, file), 'utf8')), file);
  }
  ajv = instance;
  return instance;
}

function listSchemaFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.schema.json'))
    .map((file) => file.split(path.sep).join('/'));
}

export function validatorFor(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    const found = loadAll().getSchema(schemaRef(name));
    if (!found) throw new Error(`hipchat-connect: no schema named "${name}" in schemas/`);
    validate = found;
    compiled.set(name, validate);
  }
  return validate;
}

/** `descriptor` → `descriptor.schema.json`; `descriptor#/$defs/glance` → a definition inside it. */
function schemaRef(name: SchemaName): string {
  const hash = name.indexOf('#');
  return hash < 0 ? `${name}.schema.json` : `${name.slice(0, hash)}.schema.json${name.slice(hash)}`;
}

/**
 * Validates and returns every problem (empty when the value is valid), each once: subschemas combined
 * with allOf may state the same rule for the same place.
 */
export function problemsWith(name: SchemaName, value: unknown): SchemaProblem[] {
  const validate = validatorFor(name);
  if (validate(value)) return [];
  const unique = new Map((validate.errors ?? []).map(toProblem).map((problem) => [`${problem.path} ${problem.rule}`, problem]));
  return [...unique.values()];
}

function toProblem(error: ErrorObject): SchemaProblem {
  return { path: error.instancePath, rule: `${error.message ?? error.keyword}${detailOf(error)}` };
}

/** What ajv's message leaves out: the member that is not allowed, the value that was expected. */
function detailOf(error: ErrorObject): string {
  const params = error.params as { additionalProperty?: string; allowedValue?: unknown };
  if (error.keyword === 'additionalProperties') return ` (${String(params.additionalProperty)})`;
  if (error.keyword === 'const') return ` ${JSON.stringify(params.allowedValue)}`;
  return '';
}

/** One line per problem: `/capabilities/webhook/0/url: must match format "uri"`. */
export function describeProblems(problems: SchemaProblem[]): string {
  return problems.map((problem) => `${problem.path || '/'}: ${problem.rule}`).join('; ');
}
