import { expectGeneratedUpToDate } from '../../support/generated';

it('the REST API types are what the OpenAPI document and its overlay generate', () => {
  expectGeneratedUpToDate('scripts/generate-rest-api-types.ts', 'lib/core/rest-api/openapi.ts');
});
