/**
 * A query string as a record, a name given more than once becoming the list of its values in order:
 * so that a token extractor can refuse an ambiguous `signed_request`, and an exchange is reported (and
 * checked against the OpenAPI document) as it was sent.
 */
export function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    query[name] = values.length === 1 ? values[0]! : values;
  }
  return query;
}
