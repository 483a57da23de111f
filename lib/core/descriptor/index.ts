/**
 * The capabilities descriptor (docs/protocol.md#the-capabilities-descriptor): types from its schema, the
 * builder, the template path, validation.
 */
export type * from './types';
export { buildDescriptor, type DescriptorSource } from './build';
export type { DescriptorModules } from './resolve-modules';
export { descriptorFromTemplate, type TemplateVars } from './template';
export { assertValidDescriptor, descriptorProblems } from './validate';
export { countModules } from './modules';
