// Starts `wijk lsp` for the YAML files of a wijk data repository. The server finds the data
// root of each file itself (the folder with wijk.yaml) and leaves other YAML files alone.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function settings() {
  const config = vscode.workspace.getConfiguration("wijk");
  return {
    command: config.get("path") || "wijk",
    // empty settings are left out: the server's defaults (today, wijk.yaml's language) count
    asOf: config.get("asOf") || undefined,
    language: config.get("language") || undefined,
  };
}

function activate(context) {
  const s = settings();
  const serverOptions = { command: s.command, args: ["lsp"], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [{ scheme: "file", language: "yaml" }],
    initializationOptions: { asOf: s.asOf, language: s.language },
    synchronize: {
      configurationSection: "wijk",
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{yaml,yml}"),
    },
  };
  client = new LanguageClient("wijk", "wijk", serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, settings };
