// Builds the package into an output folder (generated code stays out of the source tree):
//   <out>/src       src/*.ts and src/gen/ from protoc + protoc-gen-es (Debian's protoc)
//   <out>/dist      the compiled ES modules and .d.ts (tsc)
//   <out>/package.json, README.md: `npm pack <out>` makes the installable tarball.
// Usage: node build.mjs --out DIR [--proto DIR] [--protoc PROTOC] [--include DIR]
// CMake runs it (target azm_typescript_client); `npm run build` writes ../../build/typescript.
// Needs `npm ci` in this folder first (deploy/install-deps.sh does it).

import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    out: { type: "string" },
    proto: { type: "string", default: join(here, "..", "..", "proto") },
    protoc: { type: "string", default: "protoc" },
    include: { type: "string", default: "/usr/include" },
  },
});
if (!values.out) {
  console.error("usage: node build.mjs --out DIR [--proto DIR] [--protoc PROTOC] [--include DIR]");
  process.exit(2);
}
const out = resolve(values.out);
const protoDir = resolve(values.proto);
const nodeModules = join(here, "node_modules");
if (!existsSync(join(nodeModules, ".bin", "protoc-gen-es"))) {
  console.error(`${nodeModules} lacks protoc-gen-es: run npm ci in ${here} (deploy/install-deps.sh)`);
  process.exit(1);
}

// Fresh sources: ours and the generated ones.
rmSync(join(out, "src"), { recursive: true, force: true });
rmSync(join(out, "dist"), { recursive: true, force: true });
mkdirSync(join(out, "src", "gen"), { recursive: true });
cpSync(join(here, "src"), join(out, "src"), { recursive: true });
const protos = [];
for (const folder of ["azubimatch/v1", "google/api", "google/rpc"]) {
  for (const name of readdirSync(join(protoDir, folder)).sort()) {
    if (name.endsWith(".proto")) protos.push(`${folder}/${name}`);
  }
}
execFileSync(values.protoc, [
  `-I${protoDir}`, `-I${values.include}`,
  `--plugin=protoc-gen-es=${join(nodeModules, ".bin", "protoc-gen-es")}`,
  `--es_out=${join(out, "src", "gen")}`,
  "--es_opt=target=ts,import_extension=js,json_types=true",
  ...protos,
], { cwd: protoDir, stdio: "inherit" });

// The package's own node_modules, so that tsc and node resolve @bufbuild/protobuf from <out>.
const link = join(out, "node_modules");
rmSync(link, { recursive: true, force: true });
symlinkSync(relative(out, nodeModules), link);

writeFileSync(join(out, "tsconfig.json"), JSON.stringify({
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM", "DOM.Iterable", "DOM.AsyncIterable"],
    types: [],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    declaration: true,
    sourceMap: true,
    rootDir: "src",
    outDir: "dist",
    skipLibCheck: true,
  },
  include: ["src"],
}, null, 2) + "\n");
// package.json first: its "type": "module" makes tsc emit ES modules.
cpSync(join(here, "package.json"), join(out, "package.json"));
execFileSync(process.execPath, [join(nodeModules, "typescript", "bin", "tsc"), "-p", join(out, "tsconfig.json")], {
  stdio: "inherit",
});
if (existsSync(join(here, "README.md"))) cpSync(join(here, "README.md"), join(out, "README.md"));
console.log(`azubimatch TypeScript client built in ${relative(process.cwd(), out) || "."}`);
