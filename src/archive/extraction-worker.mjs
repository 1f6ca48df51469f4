// Entry file of an extraction worker thread. Worker threads do not inherit the main
// thread's TypeScript loader (bin/dossier.js registers tsx in-process), so each worker
// registers it before loading the TypeScript module that does the work.
import { register } from "tsx/esm/api";

register();
const { runExtraction } = await import("./extraction-worker.ts");
export default runExtraction;
