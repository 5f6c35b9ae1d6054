#include "cli/common/revisions.h"

#include "cli/context.h"
#include "model/i18n.h"
#include "model/suggest.h"
#include "load/unit.h"
#include "model/text_pool.h"
#include "render/escape.h"
#include "source/disk_source.h"

namespace wijk {

Lang language_of_root(const Context& cx, const std::string& root) {
    if (cx.forced_lang) return *cx.forced_lang;
    DiskSource disk(root);
    std::string bytes;
    if (!disk.read("wijk.yaml", bytes).ok()) return Lang::en;
    TextPool pool;
    Config config;
    Diagnostics ignored;
    parse_config(bytes, config, pool, ignored);
    return cx.lang(config);
}

std::shared_ptr<GitRepository> open_repository(const std::string& root, std::string_view what, Lang lang, int& status) {
    Text why;
    auto repo = GitRepository::discover(root, why);
    if (repo && !repo->prefix_of(root)) {
        repo.reset();
        why = Text("the data folder is not inside a git work tree", "de gegevensmap ligt niet in een git-werkmap");
    }
    if (!repo) {
        print_error(msg(lang, "{}: {}: {}", "{}: {}: {}", what, why, terminal_safe(root)));
        status = exit_code::io;
    }
    return repo;
}

std::optional<HistoryStart> open_history(const Context& cx, std::string_view what, int& status) {
    auto root = cx.data_root();
    if (!root) {
        status = exit_code::io;
        return std::nullopt;
    }
    HistoryStart h;
    h.root = *root;
    h.lang = language_of_root(cx, h.root);
    h.repo = open_repository(h.root, what, h.lang, status);
    if (!h.repo) return std::nullopt;
    return h;
}

std::unique_ptr<GitTreeSource> open_revision(const std::shared_ptr<GitRepository>& repo, const std::string& root,
                                             const std::string& revision, std::string_view what, Lang lang,
                                             int& status, bool unborn_is_empty) {
    Text why;
    GitTreeSource::Failure failure = GitTreeSource::Failure::none;
    auto tree = GitTreeSource::open(repo, root, revision, why, failure);
    if (tree) return tree;
    const std::string shown = terminal_safe(revision);
    switch (failure) {
        case GitTreeSource::Failure::unborn:
            if (unborn_is_empty) return GitTreeSource::empty(repo, root, revision);
            print_error(msg(lang, "{}: '{}': {}", "{}: '{}': {}", what, shown, why));
            status = exit_code::usage;
            return nullptr;
        case GitTreeSource::Failure::unknown_revision: {
            std::string text = msg(lang, "{}: '{}' is not a revision of this repository: {}",
                                   "{}: '{}' is geen revisie van deze repository: {}", what, shown, why);
            if (auto s = suggest(revision, repo->ref_names())) text += "; " + did_you_mean(*s).in(lang);
            print_error(text);
            status = exit_code::usage;
            return nullptr;
        }
        case GitTreeSource::Failure::no_repository:
        case GitTreeSource::Failure::error:
        case GitTreeSource::Failure::none: break;
    }
    print_error(msg(lang, "{}: '{}': {}", "{}: '{}': {}", what, shown, why));
    status = exit_code::io;
    return nullptr;
}

}  // namespace wijk
