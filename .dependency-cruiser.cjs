// Layer rules (DESIGN.md, "Shape of the code"): imports point down only.
//   cli, server -> services -> analysis, io, extract, archive -> store -> model, dates, names -> errors
// Pure layers (model, dates, names, errors) do no I/O.
const layer = (names) => `^src/(${names.join("|")})/`;
const below = {
  errors: [],
  model: ["errors", "dates"],
  dates: ["errors"],
  names: ["errors", "model"],
  store: ["errors", "model", "dates", "names"],
  archive: ["errors", "model", "dates", "names", "store"],
  extract: ["errors", "model", "dates", "names", "store"],
  io: ["errors", "model", "dates", "names", "store"],
  analysis: ["errors", "model", "dates", "names", "store"],
  services: ["errors", "model", "dates", "names", "store", "archive", "extract", "io", "analysis", "services"],
};
const all = ["errors", "model", "dates", "names", "store", "archive", "extract", "io", "analysis", "services", "cli", "server"];
const forbidden = Object.entries(below).map(([from, allowed]) => ({
  name: `${from}-imports-down-only`,
  comment: `src/${from} may import only from: ${allowed.join(", ") || "nothing in src"}`,
  severity: "error",
  from: { path: layer([from]) },
  to: { path: layer(all.filter((l) => l !== from && !allowed.includes(l))) },
}));
forbidden.push({
  name: "pure-layers-do-no-io",
  comment: "model, dates, names and errors are pure: no fs, net, http, child_process",
  severity: "error",
  from: { path: layer(["errors", "model", "dates", "names"]) },
  to: { path: "^(node:)?(fs|fs/promises|net|http|https|child_process|better-sqlite3|pg)$", dependencyTypes: ["core", "npm"] },
});
forbidden.push({
  name: "no-circular",
  severity: "error",
  from: {},
  to: { circular: true },
});
module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
