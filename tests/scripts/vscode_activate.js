// Loads editors/vscode/extension.js with stand-ins for the `vscode` and `vscode-languageclient`
// modules (only VS Code has them) and checks what it starts: `wijk lsp` on stdio for YAML files,
// the settings as initialization options and as the synchronised section.
// Usage: node vscode_activate.js EXTENSION_DIR
const Module = require("module");
const path = require("path");
const assert = require("assert");

const dir = path.resolve(process.argv[2]);
let config = { path: "/opt/wijk/bin/wijk", asOf: "2026-11-26", language: "nl" };
const started = [];
const fakes = {
  vscode: {
    workspace: {
      getConfiguration: (section) => {
        assert.strictEqual(section, "wijk");
        return { get: (k) => config[k] };
      },
      createFileSystemWatcher: (glob) => ({ glob }),
    },
  },
  "vscode-languageclient/node": {
    TransportKind: { stdio: 0, ipc: 1 },
    LanguageClient: class {
      constructor(id, name, server, client) {
        Object.assign(this, { id, name, server, client, running: false });
        started.push(this);
      }
      start() { this.running = true; return Promise.resolve(); }
      stop() { this.running = false; return Promise.resolve(); }
    },
  },
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request in fakes) return request;
  return resolve.call(this, request, ...rest);
};
for (const [name, exports] of Object.entries(fakes)) require.cache[name] = { id: name, filename: name, loaded: true, exports };

const ext = require(path.join(dir, "extension.js"));
const context = { subscriptions: [] };
ext.activate(context).then(async () => {
  assert.strictEqual(started.length, 1);
  const c = started[0];
  assert.strictEqual(c.server.command, "/opt/wijk/bin/wijk");
  assert.deepStrictEqual(c.server.args, ["lsp"]);
  assert.strictEqual(c.server.transport, 0);  // stdio: the client adds --stdio
  assert.deepStrictEqual(c.client.documentSelector, [{ scheme: "file", language: "yaml" }]);
  assert.deepStrictEqual(c.client.initializationOptions, { asOf: "2026-11-26", language: "nl" });
  assert.strictEqual(c.client.synchronize.configurationSection, "wijk");
  assert.strictEqual(c.client.synchronize.fileEvents.glob, "**/*.{yaml,yml}");
  assert.ok(c.running);
  // empty settings: the server's defaults count, the program is `wijk` on the PATH
  config = { path: "", asOf: "", language: null };
  assert.deepStrictEqual(ext.settings(), { command: "wijk", asOf: undefined, language: undefined });
  await ext.deactivate();
  assert.ok(!c.running);
  // what the manifest promises
  const manifest = require(path.join(dir, "package.json"));
  assert.strictEqual(manifest.main, "./extension.js");
  assert.ok(manifest.activationEvents.includes("onLanguage:yaml"));
  for (const k of ["wijk.path", "wijk.asOf", "wijk.language"]) assert.ok(manifest.contributes.configuration.properties[k], k);
  assert.ok(manifest.dependencies["vscode-languageclient"]);
  console.log("vscode_activate: ok");
}).catch((e) => { console.error(e); process.exit(1); });
