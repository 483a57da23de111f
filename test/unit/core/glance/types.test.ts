import { expectGeneratedUpToDate } from '../../../support/generated';

it('lib/core/glance/types.ts is what schemas/glance.schema.json generates', () => {
  expectGeneratedUpToDate('test/support/generate-glance-types.js', 'lib/core/glance/types.ts');
});
