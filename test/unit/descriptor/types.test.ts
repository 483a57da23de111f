import { expectGeneratedUpToDate } from '../../support/generated';

it('lib/core/descriptor/types.ts is what schemas/descriptor.schema.json generates', () => {
  expectGeneratedUpToDate('test/support/generate-descriptor-types.js', 'lib/core/descriptor/types.ts');
});
