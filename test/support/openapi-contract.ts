import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { ApiExchange } from 'hipchat-connect/emulator';
import { loadOpenApiDocument, type Json } from './openapi-document';

/**
 * The REST API's contract for tests: HipChat's OpenAPI document with our overlay merged over it
 * (schemas/hipchat-rest-api-v2.*.yml). A request is checked for its path parameters, its query parameters (declared
 * ones for their types; an undeclared one is a violation, since a host ignores a misspelt parameter
 * silently) and its body; an answer for a declared status and a body that matches that status's schema.
 * `checkRequest` checks the request alone, for a server that answers as a test tells it to.
 */
export type ApiRequest = Pick<ApiExchange, 'method' | 'path' | 'query' | 'requestBody'>;

export interface Violation {
  /** The whole exchange, or only its request when the answer was not checked. */
  exchange: ApiRequest & Partial<Pick<ApiExchange, 'status' | 'responseBody'>>;
  where: 'request' | 'response';
  problem: string;
}

interface Operation {
  template: string;
  parameters: Json[];
  requestBody?: Json;
  responses: Json;
}

interface FoundOperation {
  operation: Operation;
  pathParams: Record<string, string>;
}

type Problem = [Violation['where'], string];

export class OpenApiContract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new WeakMap<object, ValidateFunction>();
  private readonly basePath: string;
  private readonly routes: Array<{ template: string; pattern: RegExp; item: Json }>;

  constructor(private readonly document: Json) {
    addFormats(this.ajv);
    ignoreUnknownFormats(this.ajv, document);
    this.ajv.addSchema(document, 'openapi');
    this.basePath = new URL(document.servers?.[0]?.url ?? 'http://host/').pathname.replace(/\/$/, '');
    this.routes = Object.entries(document.paths as Json)
      .map(([template, item]) => ({ template, item: item as Json, pattern: templatePattern(template) }))
      // Literal segments first, so `/history/latest` is not taken for a parameter.
      .sort((a, b) => literalSegments(b.template) - literalSegments(a.template));
  }

  check(exchange: ApiExchange): Violation[] {
    const found = this.operationFor(exchange);
    if (typeof found === 'string') return [{ exchange, where: 'request', problem: found }];
    return [...this.requestProblems(exchange, found), ...this.responseProblems(exchange, found.operation)]
      .map(([where, problem]) => ({ exchange, where, problem }));
  }

  checkRequest(request: ApiRequest): Violation[] {
    const found = this.operationFor(request);
    const problems: Problem[] = typeof found === 'string' ? [['request', found]] : this.requestProblems(request, found);
    return problems.map(([where, problem]) => ({ exchange: request, where, problem }));
  }

  private requestProblems(request: ApiRequest, { operation, pathParams }: FoundOperation): Problem[] {
    const problems: string[] = [];
    for (const parameter of operation.parameters) {
      if (parameter.in !== 'path' && parameter.in !== 'query') continue;
      const value = parameter.in === 'path' ? pathParams[parameter.name] : request.query[parameter.name];
      if (value === undefined) {
        if (parameter.required) problems.push(`${parameter.in} parameter ${parameter.name} is required`);
        continue;
      }
      const problem = this.problemWith(parameter.schema ?? {}, coerce(value, parameter.schema ?? {}));
      if (problem) problems.push(`${parameter.in} parameter ${parameter.name} ${problem}`);
    }
    const declared = new Set(operation.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name as string));
    for (const name of Object.keys(request.query)) if (!declared.has(name)) problems.push(`query parameter ${name} is not declared`);
    const bodySchema = firstContentSchema(operation.requestBody);
    // auth_test=true asks whether the token may make the call; the host does nothing, so there is no body to
    // send (docs/protocol.md#api-authentication).
    const bodyRequired = operation.requestBody?.required && request.query.auth_test !== 'true';
    if (bodySchema) {
      if (typeof request.requestBody === 'string') problems.push('body is not JSON');
      else if (request.requestBody === undefined && bodyRequired) problems.push('body is required');
      else if (request.requestBody !== undefined) {
        const problem = this.problemWith(bodySchema, request.requestBody);
        if (problem) problems.push(`body ${problem}`);
      }
    }
    return problems.map((problem) => ['request', problem]);
  }

  private responseProblems(exchange: ApiExchange, operation: Operation): Problem[] {
    const status = String(exchange.status);
    const response = operation.responses[status] ?? operation.responses[`${status[0]}XX`] ?? operation.responses.default;
    if (!response) return [['response', `status ${status} is not declared (declared: ${Object.keys(operation.responses).join(', ')})`]];
    const responseSchema = firstContentSchema(response);
    if (!responseSchema) return exchange.responseBody === undefined ? [] : [['response', `status ${status} declares no body, but one was sent`]];
    const problem = this.problemWith(responseSchema, exchange.responseBody);
    return problem ? [['response', `body of ${status} ${problem}`]] : [];
  }

  private operationFor(exchange: ApiRequest): FoundOperation | string {
    const method = exchange.method.toLowerCase();
    if (!exchange.path.startsWith(`${this.basePath}/`)) return `${exchange.path} is outside the API (${this.basePath})`;
    const relative = exchange.path.slice(this.basePath.length).replace(/(.)\/$/, '$1');
    for (const route of this.routes) {
      const match = route.pattern.exec(relative);
      if (!match) continue;
      const operation = route.item[method] as Json | undefined;
      if (!operation) return `${exchange.method} is not declared for ${route.template}`;
      const every = (this.document['x-every-operation'] ?? {}) as Json;
      const parameters = mergeParameters([...(every.parameters ?? []), ...(route.item.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) => this.resolve(parameter)));
      const pathParams = Object.fromEntries(Object.entries(match.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)]));
      return {
        operation: { template: route.template, parameters, requestBody: operation.requestBody, responses: { ...every.responses, ...operation.responses } },
        pathParams,
      };
    }
    return `no path of the document matches ${exchange.method} ${exchange.path}`;
  }

  /** Follows a `$ref` to a parameter of the document itself. */
  private resolve(node: Json): Json {
    if (typeof node.$ref !== 'string') return node;
    const pointer = (node.$ref as string).split('#/')[1] ?? '';
    return pointer.split('/').reduce((at: Json, key) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], this.document);
  }

  private problemWith(schema: Json, value: unknown): string | undefined {
    let validate = this.validators.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(schema, validate);
    }
    if (validate(value)) return undefined;
    return (validate.errors ?? []).map((error) => `${error.instancePath ? `${error.instancePath} ` : ''}${error.message ?? error.keyword}`).join('; ');
  }
}

/** The contract of the REST API document in schemas/, with its overlay. */
export function loadContract(): OpenApiContract {
  return new OpenApiContract(loadOpenApiDocument());
}

/** Formats ajv-formats lacks pass, rather than stopping the check: the document's authors used a few loosely. */
function ignoreUnknownFormats(ajv: Ajv, document: Json): void {
  const formats = new Set<string>();
  JSON.stringify(document, (key, value: unknown) => {
    if (key === 'format' && typeof value === 'string') formats.add(value);
    return value;
  });
  for (const format of formats) if (!ajv.formats[format]) ajv.addFormat(format, true);
}

function templatePattern(template: string): RegExp {
  const source = template.split(/\{([^}]+)\}/).map((part, index) => (index % 2 === 1 ? `(?<${part.replace(/\W/g, '_')}>[^/]+)` : escapeRegExp(part))).join('');
  return new RegExp(`^${source}$`);
}

function literalSegments(template: string): number {
  return template.split('/').filter((segment) => segment !== '' && !segment.startsWith('{')).length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Later declarations of the same name and place win: the operation's over the path's over the shared ones. */
function mergeParameters(parameters: Json[]): Json[] {
  return [...new Map(parameters.map((parameter) => [`${parameter.in}:${parameter.name}`, parameter])).values()];
}

function firstContentSchema(holder: Json | undefined): Json | undefined {
  const content = holder?.content as Json | undefined;
  const first = content ? Object.values(content)[0] as Json | undefined : undefined;
  return first?.schema as Json | undefined;
}

/** Query and path values arrive as text; turn them into what the parameter's schema declares. */
function coerce(value: string | string[], schema: Json): unknown {
  if (Array.isArray(value)) return value;
  if ((schema.type === 'integer' || schema.type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (schema.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}
