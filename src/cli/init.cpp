// wijk init [DIR]: a new data repository with examples, a README, a hook and a CI workflow.
// Never overwrites: when any file it would write exists, it writes nothing.
#include <CLI/CLI.hpp>

#include <filesystem>

#include "cli/commands.h"
#include "cli/context.h"
#include "io/output.h"
#include "model/i18n.h"
#include "render/init_templates.h"

namespace wijk {

namespace {

namespace fs = std::filesystem;

struct InitOptions {
    std::string dir = ".";
    bool vscode = false;
};

int run_init(const InitOptions& opt, Context& cx) {
    if (!cx.resolve_globals()) return exit_code::usage;
    std::error_code ec;
    fs::path dir(opt.dir);
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
        print_error(msg("{} exists and is not a folder", "{} bestaat al en is geen map", opt.dir));
        return exit_code::io;
    }
    // --vscode in an existing data repository adds only the editor settings
    const bool settings_only = opt.vscode && fs::exists(dir / "wijk.yaml", ec);
    std::vector<InitFile> files = settings_only ? std::vector<InitFile>{} : init_files(output_language());
    if (opt.vscode)
        for (auto& f : vscode_files()) files.push_back(std::move(f));
    std::vector<std::string> existing;
    for (const auto& f : files) {
        fs::path p = dir / f.path;
        if (fs::exists(fs::symlink_status(p, ec))) existing.push_back(p.lexically_normal().string());
    }
    if (!existing.empty()) {
        std::string list;
        for (const auto& e : existing) list += "\n  " + e;
        print_error(settings_only ? msg("not writing the VS Code settings: these files exist already (nothing was written):{}",
                                        "de VS Code-instellingen niet geschreven: deze bestanden bestaan al (niets geschreven):{}", list)
                                  : msg("not creating a data repository: these files exist already (nothing was written):{}",
                                        "geen gegevensmap gemaakt: deze bestanden bestaan al (niets geschreven):{}", list));
        return exit_code::data_errors;
    }
    std::string report;
    for (const auto& f : files) {
        fs::path p = dir / f.path;
        fs::create_directories(p.parent_path().empty() ? fs::path(".") : p.parent_path(), ec);
        if (ec) {
            print_error(msg("cannot create folder {}: {}", "kan map {} niet maken: {}", p.parent_path().string(), ec.message()));
            return exit_code::io;
        }
        bool exists = false;
        WriteResult r = write_new_file(p.string(), f.content, exists);
        if (!r.ok) {
            print_error(exists ? msg("{} appeared while writing: left as it is", "{} verscheen tijdens het schrijven: ongemoeid gelaten", p.string())
                               : msg("cannot write {}", "kan {} niet schrijven", r.error));
            return exists ? exit_code::data_errors : exit_code::io;
        }
        if (f.executable)
            fs::permissions(p, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                            fs::perm_options::add, ec);
        report += "  " + f.path + "\n";
    }
    std::string shown = dir.lexically_normal().string();
    if (!shown.empty() && shown.back() == '/') shown.pop_back();
    if (settings_only) {
        std::string out = msg("Wrote the VS Code settings in {}:\n", "De VS Code-instellingen geschreven in {}:\n", shown) + report;
        out += tr("Next: open the folder in VS Code and install the recommended wijk extension.\n",
                  "Verder: open de map in VS Code en installeer de aanbevolen extensie wijk.\n");
        if (cx.global.quiet) return exit_code::ok;
        return cx.emit(std::nullopt, out);
    }
    std::string out = msg("Created a wijk data repository in {}:\n", "Een wijk-gegevensmap gemaakt in {}:\n", shown) + report;
    out += msg("Next: edit the example files (see README.md), then run 'wijk -C {} validate'.\n",
               "Verder: pas de voorbeeldbestanden aan (zie README.md) en voer 'wijk -C {} validate' uit.\n", shown);
    if (cx.global.quiet) return exit_code::ok;
    return cx.emit(std::nullopt, out);
}

}  // namespace

void add_init(CLI::App& app, Context& cx, int& status) {
    auto opt = std::make_shared<InitOptions>();
    auto* sub = app.add_subcommand("init", "Create a new data repository (never overwrites a file)");
    sub->add_option("dir", opt->dir, "The folder to create it in (default: the current folder)")->type_name("DIR");
    sub->add_flag("--vscode", opt->vscode,
                  "Also write VS Code's settings (.vscode/); in an existing data repository, only those");
    sub->callback([opt, &cx, &status] { status = run_init(*opt, cx); });
}

}  // namespace wijk
