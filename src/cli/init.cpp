// wijk init [DIR]: a new data repository with examples, a README, a hook, CI samples and a cron
// sample. All or nothing: when any path it would write exists it writes nothing, and when a
// file cannot be written (a full disk, no permission) it removes what this run made.
#include <CLI/CLI.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <filesystem>
#include <fstream>

#include "cli/commands.h"
#include "cli/common/help.h"
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

// What this run created, removed again unless the run completes: files first, then the folders
// it made (deepest first; only empty ones go, so nothing of anyone else's is ever removed).
class Undo {
public:
    ~Undo() {
        if (done_) return;
        std::error_code ec;
        for (auto it = files_.rbegin(); it != files_.rend(); ++it) fs::remove(*it, ec);
        for (auto it = folders_.rbegin(); it != folders_.rend(); ++it) ::rmdir(it->c_str());
    }
    void file(const fs::path& p) { files_.push_back(p); }
    void folder(const fs::path& p) { folders_.push_back(p); }
    std::size_t files() const { return files_.size(); }
    void keep() { done_ = true; }

private:
    std::vector<fs::path> files_, folders_;
    bool done_ = false;
};

bool exists_at(const fs::path& p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0;  // a dangling link is there too
}

// Makes `folder` and the folders above it that are missing, noting each in `undo`.
bool make_folders(const fs::path& folder, Undo& undo, std::string& error, Lang lang) {
    if (folder.empty() || exists_at(folder)) {
        std::error_code ec;
        if (!folder.empty() && !fs::is_directory(folder, ec)) {
            error = msg(lang, "{} is not a folder", "{} is geen map", folder.string());
            return false;
        }
        return true;
    }
    if (!make_folders(folder.parent_path(), undo, error, lang)) return false;
    if (::mkdir(folder.c_str(), 0777) != 0) {
        error = msg(lang, "cannot create folder {}: {}", "kan map {} niet maken: {}", folder.string(), std::strerror(errno));
        return false;
    }
    undo.folder(folder);
    return true;
}

// The top of the git work tree that holds `dir` (which may not exist yet), if any.
std::optional<fs::path> work_tree_top(const fs::path& dir) {
    std::error_code ec;
    fs::path p = fs::absolute(dir, ec).lexically_normal();
    if (ec) return std::nullopt;
    if (!p.has_filename()) p = p.parent_path();
    for (;; p = p.parent_path()) {
        if (exists_at(p / ".git")) return p;
        if (p == p.root_path() || p.empty()) return std::nullopt;
    }
}

// The lines of .gitignore that `existing` lacks, each with the comment above it.
std::string missing_gitignore_lines(const fs::path& existing, Lang lang) {
    std::vector<std::string> have;
    std::ifstream in(existing);
    for (std::string line; std::getline(in, line);) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        have.push_back(line);
    }
    std::string out, comment;
    for (const auto& line : gitignore_lines(lang)) {
        if (line.empty()) continue;
        if (line[0] == '#') {
            comment = line;
            continue;
        }
        if (std::find(have.begin(), have.end(), line) != have.end()) continue;
        if (!comment.empty()) out += "  " + comment + "\n";
        out += "  " + line + "\n";
        comment.clear();
    }
    return out;
}

// The data repository above `dir` whose files `dir`'s would become (as the data root is found:
// up to a folder with .git), if any.
std::optional<fs::path> enclosing_data_root(const fs::path& dir) {
    std::error_code ec;
    fs::path p = fs::absolute(dir, ec).lexically_normal();
    if (ec) return std::nullopt;
    if (!p.has_filename()) p = p.parent_path();
    if (exists_at(p / ".git")) return std::nullopt;
    while (p != p.root_path() && !p.empty()) {
        p = p.parent_path();
        if (exists_at(p / "wijk.yaml")) return p;
        if (exists_at(p / ".git")) return std::nullopt;
    }
    return std::nullopt;
}

int run_init(const InitOptions& opt, Context& cx) {
    if (!cx.resolve_globals()) return exit_code::usage;
    fs::path dir(opt.dir);
    std::error_code ec;
    if (exists_at(dir) && !fs::is_directory(dir, ec)) {
        print_error(msg(cx.lang(), "{} exists and is not a folder", "{} bestaat al en is geen map", opt.dir));
        return exit_code::io;
    }
    Lang lang = cx.lang();
    InitPlan plan;
    plan.lang = lang;
    auto top = work_tree_top(dir);
    if (top) {
        // the repository's own README and .gitignore stay as they are
        plan.readme = exists_at(dir / "README.md") ? "WIJK.md" : "README.md";
        plan.gitignore = !exists_at(dir / ".gitignore");
        fs::path rel = fs::absolute(dir, ec).lexically_normal().lexically_relative(*top);
        std::string r = rel.generic_string();
        while (!r.empty() && r.back() == '/') r.pop_back();
        plan.data_path = r.empty() ? "." : r;
    }
    // --vscode in an existing data repository adds only the editor settings
    const bool settings_only = opt.vscode && exists_at(dir / "wijk.yaml");
    std::vector<InitFile> files = settings_only ? std::vector<InitFile>{} : init_files(plan);
    if (opt.vscode)
        for (auto& f : vscode_files()) files.push_back(std::move(f));

    std::string existing;
    for (const auto& f : files)
        if (exists_at(dir / f.path)) existing += "\n  " + (dir / f.path).lexically_normal().string();
    if (!existing.empty()) {
        print_error(settings_only
                        ? msg(cx.lang(), "not writing the VS Code settings: these files exist already (nothing was written):{}",
                              "de VS Code-instellingen niet geschreven: deze bestanden bestaan al (niets geschreven):{}",
                              existing)
                        : msg(cx.lang(), "not creating a data repository: these files exist already (nothing was written):{}",
                              "geen gegevensmap gemaakt: deze bestanden bestaan al (niets geschreven):{}", existing));
        return exit_code::data_errors;
    }

    Undo undo;
    std::string report;
    for (const auto& f : files) {
        fs::path p = dir / f.path;
        std::string error;
        if (!make_folders(p.parent_path(), undo, error, lang)) {
            print_error(msg(cx.lang(), "{}; nothing was created", "{}; er is niets gemaakt", error));
            return exit_code::io;
        }
        bool appeared = false;
        WriteResult r = write_new_file(p.string(), f.content, appeared);
        if (r.ok && f.executable) {
            fs::permissions(p, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                            fs::perm_options::add, ec);
            if (ec) r = WriteResult{false, p.string() + ": " + ec.message()};
            undo.file(p);
        } else if (r.ok) {
            undo.file(p);
        }
        if (!r.ok) {
            if (appeared)
                print_error(msg(cx.lang(), "{} appeared while writing: left as it is, and nothing of this run was kept",
                                "{} verscheen tijdens het schrijven: ongemoeid gelaten, en wat al geschreven was, is weer verwijderd",
                                p.string()));
            else
                print_error(msg(cx.lang(), "cannot write {}; nothing was created (the {} files written before it were removed)",
                                "kan {} niet schrijven; er is niets gemaakt (de {} bestanden die al geschreven waren, zijn verwijderd)",
                                r.error, undo.files()));
            return appeared ? exit_code::data_errors : exit_code::io;
        }
        report += "  " + f.path + "\n";
    }
    undo.keep();
    if (settings_only) {
        std::string shown = dir.lexically_normal().string();
        if (shown.size() > 1 && shown.back() == '/') shown.pop_back();
        std::string out = msg(cx.lang(), "Wrote the VS Code settings in {}:\n", "In {} zijn de VS Code-instellingen geschreven:\n", shown) + report;
        out += tr(cx.lang(), "Next: open the folder in VS Code and install the recommended wijk extension.\n",
                  "Verder: open de map in VS Code en installeer de aanbevolen extensie wijk.\n");
        if (cx.global.quiet) return exit_code::ok;
        return cx.emit(std::nullopt, out);
    }
    if (auto outer = enclosing_data_root(dir))
        print_error(msg(cx.lang(), "warning: {} lies inside the data repository {}, which will read these files as its own data "
                        "(duplicate ids); add the folder to the exclude: of {}/wijk.yaml, or move it out",
                        "waarschuwing: {} ligt in de gegevensmap {}, die deze bestanden als haar eigen gegevens zal lezen "
                        "(dubbele id's); zet de map in exclude: van {}/wijk.yaml, of verplaats haar",
                        dir.lexically_normal().string(), outer->string(), outer->string()));

    std::string shown = dir.lexically_normal().string();
    if (shown.size() > 1 && shown.back() == '/') shown.pop_back();
    std::string out = msg(cx.lang(), "Created a wijk data repository in {}:\n", "In {} is een wijk-gegevensmap gemaakt:\n", shown) + report;
    if (plan.readme != "README.md")
        out += msg(cx.lang(), "README.md was there already and is left as it is: the README for the\neditors is WIJK.md.\n",
                   "README.md bestond al en is ongemoeid gelaten: de uitleg voor wie de\ngegevens bewerkt staat in WIJK.md.\n");
    if (!plan.gitignore) {
        std::string lines = missing_gitignore_lines(dir / ".gitignore", lang);
        if (!lines.empty())
            out += msg(cx.lang(), ".gitignore was there already and is left as it is; add these lines to it:\n",
                       ".gitignore bestond al en is ongemoeid gelaten; voeg deze regels eraan toe:\n") + lines;
    }
    std::string hooks = plan.data_path == "." ? "hooks" : plan.data_path + "/hooks";
    // the commands on lines of their own: copied as they are, never wrapped
    out += tr(cx.lang(), "Next:\n", "Verder:\n");
    out += msg(cx.lang(), "  1. Edit the example files (see {}), then check them:\n       wijk -C {} validate\n",
               "  1. Pas de voorbeeldbestanden aan (zie {}) en controleer ze:\n       wijk -C {} validate\n",
               plan.readme, shown);
    if (top)
        out += msg(cx.lang(), "  2. Check every commit:\n       git -C {} config core.hooksPath {}\n",
                   "  2. Controleer elke commit:\n       git -C {} config core.hooksPath {}\n", shown, hooks);
    else
        out += msg(cx.lang(), "  2. Make it a git repository that checks every commit:\n       {}git init && git config core.hooksPath hooks\n",
                   "  2. Maak er een git-repository van die elke commit controleert:\n       {}git init && git config core.hooksPath hooks\n",
                   shown == "." ? "" : "cd " + shown + " && ");
    out += msg(cx.lang(), "  3. For CI, set the variable {} to the URL of your wijk .deb or of wijk's\n"
               "     source repository (see {}).\n",
               "  3. Zet voor CI de variabele {} op de URL van je wijk-pakket (.deb) of\n"
               "     van de broncode van wijk (zie {}).\n",
               ci_setting, (dir / "ci/install-wijk.sh").lexically_normal().string());
    if (top && plan.data_path != ".")
        out += msg(cx.lang(), "     GitHub and GitLab read .github/ and .gitlab-ci.yml only at the top of the\n"
                   "     repository: move them to {} (they run wijk -C {} already).\n",
                   "     GitHub en GitLab lezen .github/ en .gitlab-ci.yml alleen bovenin de\n"
                   "     repository: verplaats ze naar {} (ze draaien al wijk -C {}).\n",
                   top->string(), plan.data_path);
    if (cx.global.quiet) return exit_code::ok;
    return cx.emit(std::nullopt, out);
}

}  // namespace

void add_init(CLI::App& app, Context& cx, int& status) {
    const Lang l = cx.help_lang;
    auto opt = std::make_shared<InitOptions>();
    auto* sub = app.add_subcommand("init", describe(l, "Create a new data repository (never overwrites a file)", "Maak een nieuwe gegevensmap (overschrijft nooit een bestand)"));
    sub->add_option("dir", opt->dir, describe(l, "The folder to create it in (default: the current folder)", "De map waarin de gegevensmap komt (standaard: de huidige map)"))->type_name("DIR");
    sub->add_flag("--vscode", opt->vscode,
                  describe(l, "Also write VS Code's settings (.vscode/); in an existing data repository, only those", "Schrijf ook de instellingen voor VS Code (.vscode/); in een bestaande gegevensmap alleen die"));
    sub->callback([opt, &cx, &status] { status = run_init(*opt, cx); });
}

}  // namespace wijk
