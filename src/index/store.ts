/** The index layer's public face: build, load, and check an index directory. */
export {
  type BuildOptions,
  type BuildSummary,
  buildIndex,
  embeddingText,
  type IndexEmbeddings,
} from "./build.js";
export { type LoadedIndex, loadIndex } from "./load.js";
export {
  corpusChanged,
  hashFile,
  type IndexError,
  type IndexManifest,
  readManifest,
} from "./manifest.js";
