import { ConnectError } from '../../errors';
import { describeProblems, problemsWith, type SchemaProblem } from '../schemas';
import { referenceProblems } from './references';
import type { Descriptor } from './types';

/**
 * Every problem with a descriptor, schema first; the cross-module rules run only on a descriptor whose
 * shape the schema has accepted. Empty when it is valid.
 */
export function descriptorProblems(value: unknown): SchemaProblem[] {
  const problems = problemsWith('descriptor', value).flatMap(readable);
  if (problems.length > 0) return problems;
  return referenceProblems((value as Descriptor).capabilities ?? {});
}

/** Throws DESCRIPTOR_INVALID naming each JSON path and rule; an invalid descriptor must stop start-up. */
export function assertValidDescriptor(value: unknown): asserts value is Descriptor {
  const problems = descriptorProblems(value);
  if (problems.length > 0) throw invalidDescriptor(problems);
}

export function invalidDescriptor(problems: SchemaProblem[], subject = 'Invalid descriptor'): ConnectError {
  return new ConnectError('DESCRIPTOR_INVALID', `${subject}: ${describeProblems(problems)}`, { details: { problems } });
}

/**
 * The schema forbids `pattern` on non-message webhooks with if/then and a false schema. ajv reports
 * that as an opaque "boolean schema is false" plus a redundant "must match "then" schema" on the parent;
 * keep the first, in words, and drop the second.
 */
function readable(problem: SchemaProblem): SchemaProblem[] {
  if (problem.rule === 'must match "then" schema') return [];
  if (problem.rule === 'boolean schema is false') return [{ ...problem, rule: 'is not allowed here' }];
  return [problem];
}
