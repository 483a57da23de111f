import { loadContract, type OpenApiContract, type Violation } from './openapi-contract';

/** What a server checked against the REST API's contract offers its tests. */
export interface ContractChecked {
  /** Every contract violation seen since the last `assertContract()` or `takeViolations()`. */
  readonly violations: readonly Violation[];
  /** Throws, listing each violation, when anything broke the contract; clears them either way. */
  assertContract(): void;
  /** The violations so far, cleared: for a test that sends invalid requests on purpose and asserts on them. */
  takeViolations(): Violation[];
}

export interface ViolationLog extends ContractChecked {
  /** Runs one check and keeps what it found; a check that throws is a violation too. */
  record(check: (contract: OpenApiContract) => Violation[], subject: Violation['exchange']): void;
}

let contract: OpenApiContract | undefined;

/** Where a checked server keeps its violations until a test asserts on them. */
export function violationLog(): ViolationLog {
  contract ??= loadContract();
  const checker = contract;
  let violations: Violation[] = [];
  const take = () => {
    const taken = violations;
    violations = [];
    return taken;
  };
  return {
    get violations() {
      return violations;
    },
    record(check, subject) {
      try {
        violations.push(...check(checker));
      } catch (error) {
        // Servers swallow what their hooks throw; a broken check must still fail the test.
        violations.push({ exchange: subject, where: 'request', problem: `the contract check itself failed: ${String(error)}` });
      }
    },
    takeViolations: take,
    assertContract() {
      const found = take();
      if (found.length > 0) throw new Error(`The REST API contract was broken:\n${found.map(describeViolation).join('\n')}`);
    },
  };
}

export function describeViolation(violation: Violation): string {
  const { method, path, status } = violation.exchange;
  return `  ${method} ${path}${status === undefined ? '' : ` → ${status}`}: ${violation.where}: ${violation.problem}`;
}
