import { expectGeneratedUpToDate } from '../../../support/generated';

it('lib/core/webhook/payloads.ts is what schemas/events/ generates', () => {
  expectGeneratedUpToDate('test/support/generate-event-types.js', 'lib/core/webhook/payloads.ts');
});
