import { startEmulator, type Emulator, type EmulatorOptions } from '../../lib/emulator';
import { loadContract, type OpenApiContract, type Violation } from './openapi-contract';

export interface CheckedEmulator extends Emulator {
  /** Every contract violation seen since the last `assertContract()` or `takeViolations()`. */
  readonly violations: readonly Violation[];
  /** Throws, listing each violation, when any exchange broke the contract; clears them either way. */
  assertContract(): void;
  /** The violations so far, cleared: for a test that sends invalid requests on purpose and asserts on them. */
  takeViolations(): Violation[];
}

let contract: OpenApiContract | undefined;

/**
 * An emulator whose every `/v2` exchange is checked against the REST API's OpenAPI document and
 * overlay. Call `assertContract()` in `afterEach` so no test passes on an answer the contract forbids.
 */
export async function startCheckedEmulator(options: EmulatorOptions = {}): Promise<CheckedEmulator> {
  contract ??= loadContract();
  const checker = contract;
  let violations: Violation[] = [];
  const emulator = await startEmulator({
    ...options,
    onExchange: (exchange) => {
      try {
        violations.push(...checker.check(exchange));
      } catch (error) {
        // The emulator swallows what onExchange throws; a broken check must still fail the test.
        violations.push({ exchange, where: 'response', problem: `the contract check itself failed: ${String(error)}` });
      }
      options.onExchange?.(exchange);
    },
  });
  // Object.assign would copy a getter's value once; the list must stay live.
  Object.defineProperty(emulator, 'violations', { get: () => violations });
  return Object.assign(emulator as Emulator & { readonly violations: readonly Violation[] }, {
    takeViolations() {
      const taken = violations;
      violations = [];
      return taken;
    },
    assertContract() {
      const found = violations;
      violations = [];
      if (found.length > 0) throw new Error(`The REST API contract was broken:\n${found.map(describeViolation).join('\n')}`);
    },
  });
}

export function describeViolation(violation: Violation): string {
  const { method, path, status } = violation.exchange;
  return `  ${method} ${path} → ${status}: ${violation.where}: ${violation.problem}`;
}
