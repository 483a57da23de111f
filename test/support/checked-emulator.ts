import { startEmulator, type Emulator, type EmulatorOptions } from 'hipchat-connect/emulator';
import { violationLog, type ContractChecked } from './contract-violations';

export interface CheckedEmulator extends Emulator, ContractChecked {}

/**
 * An emulator whose every `/v2` exchange is checked against the REST API's OpenAPI document and
 * overlay. Call `assertContract()` in `afterEach` so no test passes on an answer the contract forbids.
 */
export async function startCheckedEmulator(options: EmulatorOptions = {}): Promise<CheckedEmulator> {
  const log = violationLog();
  const emulator = await startEmulator({
    ...options,
    onExchange: (exchange) => {
      log.record((contract) => contract.check(exchange), exchange);
      options.onExchange?.(exchange);
    },
  });
  // Object.assign would copy a getter's value once; the list must stay live.
  Object.defineProperty(emulator, 'violations', { get: () => log.violations });
  return Object.assign(emulator as Emulator & Pick<ContractChecked, 'violations'>, {
    takeViolations: log.takeViolations,
    assertContract: log.assertContract,
  });
}
