import TARGETS from '../../support/schema-types.json';
import { expectGeneratedUpToDate } from '../../support/generated';

it.each(Object.entries(TARGETS))('the %s types are what their schema generates', (name, target) => {
  expectGeneratedUpToDate('test/support/generate-schema-types.js', target.file, [name]);
});
