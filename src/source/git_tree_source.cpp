#include "source/git_tree_source.h"

namespace wijk {

std::unique_ptr<GitTreeSource> GitTreeSource::open(const std::string& root, std::string_view revision, Text& why,
                                                   Failure& failure) {
    auto repo = GitRepository::discover(root, why);
    if (!repo) {
        failure = Failure::no_repository;
        return nullptr;
    }
    return open(std::move(repo), root, revision, why, failure);
}

std::unique_ptr<GitTreeSource> GitTreeSource::open(std::shared_ptr<GitRepository> repo, const std::string& root,
                                                   std::string_view revision, Text& why, Failure& failure) {
    failure = Failure::none;
    GitId commit;
    switch (repo->resolve(revision, commit, why)) {
        case GitRepository::Resolved::commit: break;
        case GitRepository::Resolved::unborn: failure = Failure::unborn; return nullptr;
        case GitRepository::Resolved::unknown:
        case GitRepository::Resolved::not_a_commit: failure = Failure::unknown_revision; return nullptr;
        case GitRepository::Resolved::error: failure = Failure::error; return nullptr;
    }
    auto source = at_commit(std::move(repo), root, commit, std::string(revision), why);
    if (!source) failure = Failure::error;
    return source;
}

std::unique_ptr<GitTreeSource> GitTreeSource::at_commit(std::shared_ptr<GitRepository> repo, const std::string& root,
                                                        const GitId& commit, std::string label, Text& why) {
    auto prefix = repo->prefix_of(root);
    if (!prefix) {
        why = Text("the data folder is not inside a git work tree", "de gegevensmap ligt niet in een git-werkmap");
        return nullptr;
    }
    auto c = repo->commit(commit);
    if (!c) {
        why = Text("git cannot read the commit", "git kan de commit niet lezen");
        return nullptr;
    }
    auto source = std::unique_ptr<GitTreeSource>(new GitTreeSource(repo, root, *prefix));
    source->label_ = std::move(label);
    source->commit_ = commit;
    if (auto tree = repo->subtree(c->tree, *prefix)) {
        source->has_root_ = true;
        std::vector<GitEntry> entries;
        if (!repo->list_tree(*tree, entries, why)) return nullptr;
        for (auto& e : entries) source->entries_.emplace(std::move(e.path), Entry{e.mode, e.id, false});
    }
    return source;
}

std::unique_ptr<GitTreeSource> GitTreeSource::empty(std::shared_ptr<GitRepository> repo, const std::string& root,
                                                    std::string label) {
    std::string prefix = repo->prefix_of(root).value_or("");
    auto source = std::unique_ptr<GitTreeSource>(new GitTreeSource(std::move(repo), root, prefix));
    source->label_ = std::move(label);
    return source;
}

std::string GitTreeSource::describe() const {
    if (commit_.empty()) return label_;
    // a label that is the commit's id itself is not repeated
    if (label_.size() >= 4 && commit_.hex().rfind(label_, 0) == 0) return commit_.short_hex();
    return label_ + " (" + commit_.short_hex() + ")";
}

}  // namespace wijk
