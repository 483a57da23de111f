import type { Descriptor } from '../core/descriptor';
import { descriptorProblems, invalidDescriptor } from '../core/descriptor/validate';
import type { SchemaProblem } from '../core/schemas';
import { isPlainObject } from './plain-object';

/** A member the emulator dropped from a descriptor, as a JSON Pointer (`/capabilities/webhook/0/foo`). */
type IgnoredMember = string;

const UNKNOWN_MEMBER = /^must NOT have additional properties \((.+)\)$/;

/**
 * HipChat ignored descriptor members it did not know (ACE's template carries `baseUrl`, for one), so
 * the emulator does too: a descriptor is accepted when leaving out unknown members makes it valid, and
 * the members left out are returned for a warning. One member goes at a time, the one whose removal
 * leaves the fewest problems, because a member unknown to one branch of a oneOf may belong to another.
 * A descriptor that stays invalid is refused naming every problem it had as served.
 */
export function tolerateUnknownMembers(served: Record<string, unknown>, subject: string): { descriptor: Descriptor; ignored: IgnoredMember[] } {
  let descriptor = structuredClone(served);
  let problems = descriptorProblems(descriptor);
  const ignored: IgnoredMember[] = [];
  while (problems.length > 0) {
    const best = unknownMembers(problems)
      .map((member) => ({ member, candidate: without(descriptor, member) }))
      .map((attempt) => ({ ...attempt, left: descriptorProblems(attempt.candidate) }))
      .sort((a, b) => a.left.length - b.left.length)[0];
    if (!best || best.left.length >= problems.length) throw invalidDescriptor(descriptorProblems(served), subject);
    ignored.push(best.member);
    descriptor = best.candidate;
    problems = best.left;
  }
  return { descriptor: descriptor as unknown as Descriptor, ignored };
}

function unknownMembers(problems: readonly SchemaProblem[]): IgnoredMember[] {
  const members = problems.flatMap((problem) => {
    const name = UNKNOWN_MEMBER.exec(problem.rule)?.[1];
    return name === undefined ? [] : [`${problem.path}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`];
  });
  return [...new Set(members)];
}

/** A copy without the member at the pointer. */
function without(value: Record<string, unknown>, pointer: IgnoredMember): Record<string, unknown> {
  const copy = structuredClone(value);
  const keys = pointer.split('/').slice(1).map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
  const name = keys.pop() as string;
  let parent: unknown = copy;
  for (const key of keys) parent = (parent as Record<string, unknown>)[key];
  if (isPlainObject(parent)) delete parent[name];
  return copy;
}
