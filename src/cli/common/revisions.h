// Opening git states for the commands that read them (--rev, diff, log), with the messages and
// exit statuses of commands.md: outside a git repository exit 3, an unknown revision exit 2.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "model/lang.h"
#include "source/git_repository.h"
#include "source/git_tree_source.h"

namespace wijk {

struct Context;

// The language of a command that loads no workspace (diff, log): --lang, else the working
// tree's wijk.yaml, else English.
Lang language_of_root(const Context& cx, const std::string& root);

// The repository around the data root `root`, or prints why not ("`what`: the data folder is
// not inside a git work tree: ROOT") and sets `status` to exit 3.
std::shared_ptr<GitRepository> open_repository(const std::string& root, std::string_view what, Lang lang, int& status);

// What diff and log start from: the data root, the language of their words, and the git
// repository around the root. nullopt when one is missing: it printed why and set `status`
// (3: no data root, or the root is not in a git work tree).
struct HistoryStart {
    std::string root;
    Lang lang = Lang::en;
    std::shared_ptr<GitRepository> repo;
};
std::optional<HistoryStart> open_history(const Context& cx, std::string_view what, int& status);

// The tree of `revision`, or prints why not and sets `status`: 2 for a revision that names no
// commit (with "did you mean" among branches and tags), 3 when git cannot read it. With
// `unborn_is_empty`, HEAD of a repository without commits is an empty state.
std::unique_ptr<GitTreeSource> open_revision(const std::shared_ptr<GitRepository>& repo, const std::string& root,
                                             const std::string& revision, std::string_view what, Lang lang,
                                             int& status, bool unborn_is_empty = false);

}  // namespace wijk
