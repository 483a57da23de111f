/**
 * Descriptors are handed out as frozen plain JSON data: the copy shares nothing with the caller's
 * module declarations (so freezing it cannot freeze them) and drops members left undefined, exactly as
 * serving it would.
 */
export function frozenJsonCopy<T>(value: T): T {
  return deepFreeze(JSON.parse(JSON.stringify(value)) as T);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}
