// The isomorphic application-package builder (issue 6): everything a Web Worker or the CLI
// needs to turn a PackageModel into a PDF. No Node, no DOM imports (the boundary test
// checks the imports; test/package/isomorphic.test.ts bundles it for the browser).
export { buildPackage, GENERATOR, type BuildOptions, type BuildProgress, type BuildPhase, type BuildResult } from './build';
export * from './errors';
export { MANIFEST_NAME, MANIFEST_FORMAT, MANIFEST_VERSION, isManifest, type ManifestExhibit, type PackageManifest, type ExhibitStorage } from './manifest';
export {
  PackageModelSchema,
  TEMPLATES,
  TEMPLATE_TITLES,
  EXHIBIT_KINDS,
  validatePackageModel,
  type PackageModel,
  type PackageModelInput,
  type Exhibit,
  type ExhibitKind,
  type ExhibitSource,
  type Template,
} from './model';
export { MemorySink, type ByteSink } from './writer';
export type { LayoutLine } from './layout';
