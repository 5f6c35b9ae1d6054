#include "source/git_index_source.h"

namespace wijk {

std::unique_ptr<GitIndexSource> GitIndexSource::open(const std::string& root, Text& why) {
    auto repo = GitRepository::discover(root, why);
    if (!repo) return nullptr;
    return open(std::move(repo), root, why);
}

std::unique_ptr<GitIndexSource> GitIndexSource::open(std::shared_ptr<GitRepository> repo, const std::string& root,
                                                     Text& why) {
    auto prefix = repo->prefix_of(root);
    if (!prefix) {
        why = Text("the data folder is not inside a git work tree", "de gegevensmap ligt niet in een git-werkmap");
        return nullptr;
    }
    std::vector<GitIndexEntry> entries;
    if (!repo->index_entries(entries, why)) return nullptr;
    auto source = std::unique_ptr<GitIndexSource>(new GitIndexSource(std::move(repo), root, *prefix));
    for (auto& ie : entries) {
        if (ie.path.compare(0, prefix->size(), *prefix) != 0) continue;
        Entry& e = source->entries_[ie.path.substr(prefix->size())];
        if (ie.stage == 0) {
            e.mode = ie.mode;
            e.id = ie.id;
            e.conflicted = false;
        } else if (e.mode == 0) {
            e.mode = ie.mode;
            e.conflicted = true;  // only the stages of a merge in progress
        }
    }
    return source;
}

}  // namespace wijk
