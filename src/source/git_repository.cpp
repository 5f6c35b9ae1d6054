#include "source/git_repository.h"

#include <git2.h>
#include <git2/sys/repository.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <list>
#include <unordered_map>

namespace fs = std::filesystem;

namespace wijk {

namespace {

void init_libgit2() {
    static std::once_flag once;
    std::call_once(once, [] {
        git_libgit2_init();
        // commits and trees are kept (a log reads each once or twice); blobs are read once
        git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, static_cast<ssize_t>(64) << 20);
        // libgit2 hashes every object it reads again, to compare with its id: a third of `wijk
        // log`'s time (each version of a large folder's tree is megabytes). The git command
        // line does not; zlib's checksum still catches a damaged pack.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    });
}

// libgit2's last message (English only), after what wijk was doing.
Text last_error(std::string_view en, std::string_view nl) {
    const git_error* e = git_error_last();
    std::string why = e && e->message ? e->message : "unknown error";
    return Text(std::string(en) + ": " + why, std::string(nl) + ": " + why);
}

GitId from_oid(const git_oid* oid) {
    GitId id;
    std::memcpy(id.bytes.data(), oid->id, id.bytes.size());
    return id;
}

git_oid to_oid(const GitId& id) {
    git_oid oid;
    std::memcpy(oid.id, id.bytes.data(), id.bytes.size());
    return oid;
}

template <class T, void (*Free)(T*)>
struct Owned {
    T* p = nullptr;
    Owned() = default;
    Owned(const Owned&) = delete;
    Owned& operator=(const Owned&) = delete;
    ~Owned() {
        if (p) Free(p);
    }
    T** out() { return &p; }
    T* get() const { return p; }
};
using Tree = Owned<git_tree, git_tree_free>;
using Commit = Owned<git_commit, git_commit_free>;
using Object = Owned<git_object, git_object_free>;
using Blob = Owned<git_blob, git_blob_free>;
using Index = Owned<git_index, git_index_free>;
using Walk = Owned<git_revwalk, git_revwalk_free>;
using Entry = Owned<git_tree_entry, git_tree_entry_free>;
using Odb = Owned<git_odb, git_odb_free>;

std::string real_path(const std::string& path) {
    char buf[PATH_MAX];
    if (::realpath(path.c_str(), buf)) return buf;
    std::error_code ec;
    return fs::absolute(path, ec).lexically_normal().string();
}

}  // namespace

namespace {

// Trees read lately, by id, most recent first. libgit2 caches no tree over 4 KiB, and `wijk
// log` reads each version of a folder's tree twice, a few commits apart (the new side of the
// commit that made it, the old side of the next one that changed the folder): without this
// each large tree was rebuilt from its pack deltas again. The budget is in estimated bytes and
// grows with the largest tree seen, so that a few versions of the largest folder always fit.
class TreeCache {
public:
    ~TreeCache() { clear(); }
    // A reference of the caller's own (free it), or nullptr when git cannot read the tree.
    git_tree* get(git_repository* repo, const git_oid* id) {
        GitId key = from_oid(id);
        auto it = where_.find(key);
        git_tree* tree = nullptr;
        if (it != where_.end()) {
            order_.splice(order_.begin(), order_, it->second);
            tree = it->second->tree;
        } else {
            if (git_tree_lookup(&tree, repo, id) != 0) return nullptr;
            std::size_t cost = cost_of(tree);
            budget_ = std::max(budget_, 8 * cost);
            order_.push_front({key, tree, cost});
            where_[key] = order_.begin();
            used_ += cost;
            while (used_ > budget_ && order_.size() > 1) {
                Kept& old = order_.back();
                used_ -= old.cost;
                where_.erase(old.id);
                git_tree_free(old.tree);
                order_.pop_back();
            }
        }
        git_object* copy = nullptr;
        if (git_object_dup(&copy, reinterpret_cast<git_object*>(tree)) != 0) return nullptr;
        return reinterpret_cast<git_tree*>(copy);
    }
    void clear() {
        for (Kept& k : order_) git_tree_free(k.tree);
        order_.clear();
        where_.clear();
        used_ = 0;
    }

private:
    struct Kept {
        GitId id;
        git_tree* tree;
        std::size_t cost;
    };
    static std::size_t cost_of(const git_tree* t) { return 64 + 64 * git_tree_entrycount(t); }
    std::list<Kept> order_;
    std::unordered_map<GitId, std::list<Kept>::iterator, GitIdHash> where_;
    std::size_t used_ = 0, budget_ = std::size_t(8) << 20;
};

}  // namespace

struct GitRepository::Handle {
    git_repository* repo = nullptr;
    TreeCache trees;
    ~Handle() {
        trees.clear();  // before the repository they belong to
        if (repo) git_repository_free(repo);
    }
};

std::string GitId::hex() const {
    static const char digits[] = "0123456789abcdef";
    std::string s(40, '0');
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        s[2 * i] = digits[bytes[i] >> 4];
        s[2 * i + 1] = digits[bytes[i] & 15];
    }
    return s;
}

bool GitId::empty() const {
    return std::all_of(bytes.begin(), bytes.end(), [](unsigned char b) { return b == 0; });
}

GitId git_blob_id(std::string_view bytes) {
    init_libgit2();
    git_oid oid;
    git_odb_hash(&oid, bytes.data(), bytes.size(), GIT_OBJECT_BLOB);
    return from_oid(&oid);
}

GitRepository::~GitRepository() = default;

std::shared_ptr<GitRepository> GitRepository::discover(const std::string& folder, Text& why) {
    init_libgit2();
    auto self = std::shared_ptr<GitRepository>(new GitRepository);
    self->handle_ = std::make_unique<Handle>();
    const char* work_tree_env = std::getenv("GIT_WORK_TREE");
    const char* common_env = std::getenv("GIT_COMMON_DIR");
    const char* git_dir_env = std::getenv("GIT_DIR");
    int rc;
    if (!(work_tree_env && *work_tree_env) && !(common_env && *common_env)) {
        // as the git command line searches: GIT_DIR, GIT_CEILING_DIRECTORIES, GIT_INDEX_FILE, ...
        rc = git_repository_open_ext(&self->handle_->repo, folder.c_str(), GIT_REPOSITORY_OPEN_FROM_ENV, nullptr);
    } else {
        // libgit2 refuses GIT_WORK_TREE with OPEN_FROM_ENV: do what git does by hand
        if (git_dir_env && *git_dir_env)
            rc = git_repository_open_ext(&self->handle_->repo, git_dir_env, GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
        else
            rc = git_repository_open_ext(&self->handle_->repo, folder.c_str(), 0, std::getenv("GIT_CEILING_DIRECTORIES"));
        if (rc == 0 && work_tree_env && *work_tree_env)
            rc = git_repository_set_workdir(self->handle_->repo, work_tree_env, 0);
        if (const char* index_env = std::getenv("GIT_INDEX_FILE"); rc == 0 && index_env && *index_env) {
            Index index;
            rc = git_index_open(index.out(), index_env);
            if (rc == 0) rc = git_repository_set_index(self->handle_->repo, index.get());
        }
    }
    if (rc == GIT_ENOTFOUND) {
        why = Text("the data folder is not inside a git work tree", "de gegevensmap ligt niet in een git-werkmap");
        return nullptr;
    }
    if (rc != 0) {
        why = last_error("git cannot open the repository", "git kan de repository niet openen");
        return nullptr;
    }
    if (const char* wd = git_repository_workdir(self->handle_->repo)) {
        self->work_tree_ = wd;
        self->real_work_tree_ = real_path(wd);
    }
    return self;
}

std::optional<std::string> GitRepository::prefix_of(const std::string& folder) const {
    if (real_work_tree_.empty()) return std::nullopt;
    fs::path rel = fs::path(real_path(folder)).lexically_relative(real_work_tree_);
    std::string r = rel.generic_string();
    if (r.empty() || r.rfind("..", 0) == 0) return std::nullopt;
    if (r == ".") return std::string();
    return r + "/";
}

GitRepository::Resolved GitRepository::resolve(std::string_view revision, GitId& commit, Text& why) const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string rev(revision);
    if (rev.empty() || rev[0] == '-') {
        why = Text("not a revision", "geen revisie");
        return Resolved::unknown;
    }
    Object obj;
    int rc = git_revparse_single(obj.out(), handle_->repo, rev.c_str());
    if (rc != 0) {
        if ((rev == "HEAD" || rev == "@") && git_repository_head_unborn(handle_->repo) == 1) {
            why = Text("the repository has no commits yet", "de repository heeft nog geen commits");
            return Resolved::unborn;
        }
        if (rc == GIT_ENOTFOUND || rc == GIT_EAMBIGUOUS || rc == GIT_EINVALIDSPEC) {
            why = rc == GIT_EAMBIGUOUS
                      ? Text("more than one object starts with that id: give more of it",
                             "meer dan een object begint met dat id: geef er meer van")
                      : Text("no branch, tag or commit has that name", "geen branch, tag of commit heeft die naam");
            return Resolved::unknown;
        }
        why = last_error("git cannot read the revision", "git kan de revisie niet lezen");
        return Resolved::error;
    }
    Object peeled;
    if (git_object_peel(peeled.out(), obj.get(), GIT_OBJECT_COMMIT) != 0) {
        why = Text("it names no commit (a tree or a file?)", "het is geen commit (een map of een bestand?)");
        return Resolved::not_a_commit;
    }
    commit = from_oid(git_object_id(peeled.get()));
    return Resolved::commit;
}

std::vector<std::string> GitRepository::ref_names() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<std::string> names;
    git_strarray refs{};
    if (git_reference_list(&refs, handle_->repo) != 0) return names;
    for (std::size_t i = 0; i < refs.count; ++i) {
        std::string_view r = refs.strings[i];
        for (std::string_view p : {"refs/heads/", "refs/tags/", "refs/remotes/"})
            if (r.substr(0, p.size()) == p) names.emplace_back(r.substr(p.size()));
    }
    git_strarray_dispose(&refs);
    names.emplace_back("HEAD");
    return names;
}

std::optional<GitCommit> GitRepository::commit(const GitId& id) const {
    std::lock_guard<std::mutex> lock(mutex_);
    git_oid oid = to_oid(id);
    Commit c;
    if (git_commit_lookup(c.out(), handle_->repo, &oid) != 0) return std::nullopt;
    GitCommit out;
    out.id = id;
    out.tree = from_oid(git_commit_tree_id(c.get()));
    for (unsigned i = 0, n = git_commit_parentcount(c.get()); i < n; ++i)
        out.parents.push_back(from_oid(git_commit_parent_id(c.get(), i)));
    if (const git_signature* a = git_commit_author(c.get())) {
        out.author_name = a->name ? a->name : "";
        out.author_email = a->email ? a->email : "";
        out.author_time = a->when.time;
        out.author_offset = a->when.offset;
    }
    if (const char* s = git_commit_summary(c.get())) out.subject = s;
    return out;
}

std::optional<GitId> GitRepository::subtree(const GitId& tree, std::string_view prefix) const {
    if (prefix.empty()) return tree;
    std::lock_guard<std::mutex> lock(mutex_);
    git_oid oid = to_oid(tree);
    Tree t;
    if (!(*t.out() = handle_->trees.get(handle_->repo, &oid))) return std::nullopt;
    std::string path(prefix);
    while (!path.empty() && path.back() == '/') path.pop_back();
    Entry e;
    if (git_tree_entry_bypath(e.out(), t.get(), path.c_str()) != 0) return std::nullopt;
    if (git_tree_entry_type(e.get()) != GIT_OBJECT_TREE) return std::nullopt;
    return from_oid(git_tree_entry_id(e.get()));
}

std::optional<GitEntry> GitRepository::entry_at(const GitId& tree, std::string_view path) const {
    std::lock_guard<std::mutex> lock(mutex_);
    git_oid oid = to_oid(tree);
    Tree t;
    if (!(*t.out() = handle_->trees.get(handle_->repo, &oid))) return std::nullopt;
    Entry e;
    if (git_tree_entry_bypath(e.out(), t.get(), std::string(path).c_str()) != 0) return std::nullopt;
    return GitEntry{std::string(path), static_cast<std::uint32_t>(git_tree_entry_filemode_raw(e.get())),
                    from_oid(git_tree_entry_id(e.get()))};
}

namespace {

// git orders a tree's entries by name, a folder's name as if it ended in '/': so that a walk
// in this order gives full paths in byte order. Compared without copying (a log compares
// thousands of entries per commit).
int compare_entries(const git_tree_entry* a, const git_tree_entry* b) {
    const char* na = git_tree_entry_name(a);
    const char* nb = git_tree_entry_name(b);
    std::size_t la = std::strlen(na), lb = std::strlen(nb), n = std::min(la, lb);
    if (int c = std::memcmp(na, nb, n)) return c;
    auto next = [](const char* name, std::size_t len, std::size_t at, const git_tree_entry* e) -> unsigned {
        if (len > at) return static_cast<unsigned char>(name[at]);
        return git_tree_entry_type(e) == GIT_OBJECT_TREE ? '/' : 0;
    };
    unsigned ca = next(na, la, n, a), cb = next(nb, lb, n, b);
    return ca < cb ? -1 : ca > cb ? 1 : 0;
}

bool list_into(git_repository* repo, TreeCache& cache, const git_oid* tree_id, const std::string& base,
               std::vector<GitEntry>& out, int depth) {
    if (depth > 256) return true;  // deeper than any data repository; no loop is possible in git
    Tree t;
    if (!(*t.out() = cache.get(repo, tree_id))) return false;
    for (std::size_t i = 0, n = git_tree_entrycount(t.get()); i < n; ++i) {
        const git_tree_entry* e = git_tree_entry_byindex(t.get(), i);
        std::string name = git_tree_entry_name(e);
        auto mode = static_cast<std::uint32_t>(git_tree_entry_filemode_raw(e));
        if (git_tree_entry_type(e) == GIT_OBJECT_TREE) {
            if (name[0] == '.') continue;
            if (!list_into(repo, cache, git_tree_entry_id(e), base + name + "/", out, depth + 1)) return false;
        } else {
            out.push_back({base + name, mode, from_oid(git_tree_entry_id(e))});
        }
    }
    return true;
}

struct Differ {
    git_repository* repo;
    TreeCache& cache;
    std::vector<GitChange>& out;

    bool all(const git_oid* tree_id, const std::string& base, bool added, int depth) {
        std::vector<GitEntry> entries;
        if (!list_into(repo, cache, tree_id, base, entries, depth)) return false;
        for (auto& e : entries) {
            GitChange c;
            c.path = std::move(e.path);
            if (added) c.new_mode = e.mode, c.new_id = e.id;
            else c.old_mode = e.mode, c.old_id = e.id;
            out.push_back(std::move(c));
        }
        return true;
    }
    bool trees(const git_oid* a, const git_oid* b, const std::string& base, int depth) {
        if (depth > 256) return true;
        if (git_oid_equal(a, b)) return true;
        Tree ta, tb;
        if (!(*ta.out() = cache.get(repo, a)) || !(*tb.out() = cache.get(repo, b))) return false;
        std::size_t i = 0, j = 0, n = git_tree_entrycount(ta.get()), m = git_tree_entrycount(tb.get());
        while (i < n || j < m) {
            const git_tree_entry* ea = i < n ? git_tree_entry_byindex(ta.get(), i) : nullptr;
            const git_tree_entry* eb = j < m ? git_tree_entry_byindex(tb.get(), j) : nullptr;
            int cmp = !ea ? 1 : !eb ? -1 : compare_entries(ea, eb);
            if (cmp < 0) {
                if (!one(ea, base, false, depth)) return false;
                ++i;
            } else if (cmp > 0) {
                if (!one(eb, base, true, depth)) return false;
                ++j;
            } else {
                std::string name = git_tree_entry_name(ea);
                bool dir = git_tree_entry_type(ea) == GIT_OBJECT_TREE;
                if (dir) {
                    if (name[0] != '.' && !trees(git_tree_entry_id(ea), git_tree_entry_id(eb), base + name + "/", depth + 1))
                        return false;
                } else if (!git_oid_equal(git_tree_entry_id(ea), git_tree_entry_id(eb)) ||
                           git_tree_entry_filemode_raw(ea) != git_tree_entry_filemode_raw(eb)) {
                    GitChange c;
                    c.path = base + name;
                    c.old_mode = static_cast<std::uint32_t>(git_tree_entry_filemode_raw(ea));
                    c.new_mode = static_cast<std::uint32_t>(git_tree_entry_filemode_raw(eb));
                    c.old_id = from_oid(git_tree_entry_id(ea));
                    c.new_id = from_oid(git_tree_entry_id(eb));
                    out.push_back(std::move(c));
                }
                ++i, ++j;
            }
        }
        return true;
    }
    bool one(const git_tree_entry* e, const std::string& base, bool added, int depth) {
        std::string name = git_tree_entry_name(e);
        if (git_tree_entry_type(e) == GIT_OBJECT_TREE)
            return name[0] == '.' || all(git_tree_entry_id(e), base + name + "/", added, depth + 1);
        GitChange c;
        c.path = base + name;
        auto mode = static_cast<std::uint32_t>(git_tree_entry_filemode_raw(e));
        if (added) c.new_mode = mode, c.new_id = from_oid(git_tree_entry_id(e));
        else c.old_mode = mode, c.old_id = from_oid(git_tree_entry_id(e));
        out.push_back(std::move(c));
        return true;
    }
};

}  // namespace

bool GitRepository::list_tree(const GitId& tree, std::vector<GitEntry>& out, Text& why) const {
    std::lock_guard<std::mutex> lock(mutex_);
    git_oid oid = to_oid(tree);
    out.clear();
    if (!list_into(handle_->repo, handle_->trees, &oid, "", out, 0)) {
        why = last_error("git cannot read a tree", "git kan een map niet lezen");
        return false;
    }
    return true;
}

bool GitRepository::changed_files(const std::optional<GitId>& old_tree, const std::optional<GitId>& new_tree,
                                  std::vector<GitChange>& out, Text& why) const {
    std::lock_guard<std::mutex> lock(mutex_);
    out.clear();
    Differ d{handle_->repo, handle_->trees, out};
    bool ok = true;
    if (old_tree && new_tree) {
        git_oid a = to_oid(*old_tree), b = to_oid(*new_tree);
        ok = d.trees(&a, &b, "", 0);
    } else if (new_tree) {
        git_oid b = to_oid(*new_tree);
        ok = d.all(&b, "", true, 0);
    } else if (old_tree) {
        git_oid a = to_oid(*old_tree);
        ok = d.all(&a, "", false, 0);
    }
    if (!ok) why = last_error("git cannot read a tree", "git kan een map niet lezen");
    return ok;
}

bool GitRepository::index_entries(std::vector<GitIndexEntry>& out, Text& why) const {
    std::lock_guard<std::mutex> lock(mutex_);
    out.clear();
    Index index;
    if (git_repository_index(index.out(), handle_->repo) != 0) {
        why = last_error("git cannot read the index", "git kan de index niet lezen");
        return false;
    }
    for (std::size_t i = 0, n = git_index_entrycount(index.get()); i < n; ++i) {
        const git_index_entry* e = git_index_get_byindex(index.get(), i);
        if (!e || !e->path) continue;
        out.push_back({e->path, e->mode, from_oid(&e->id), git_index_entry_stage(e)});
    }
    return true;
}

GitRepository::BlobStatus GitRepository::read_blob(const GitId& id, std::size_t limit, std::string& out,
                                                   Text& why) const {
    std::lock_guard<std::mutex> lock(mutex_);
    out.clear();
    git_oid oid = to_oid(id);
    Odb odb;
    if (git_repository_odb(odb.out(), handle_->repo) != 0) {
        why = last_error("git cannot read its objects", "git kan zijn objecten niet lezen");
        return BlobStatus::error;
    }
    std::size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    int rc = git_odb_read_header(&size, &type, odb.get(), &oid);
    if (rc == GIT_ENOTFOUND) return BlobStatus::missing;
    if (rc != 0) {
        why = last_error("git cannot read an object", "git kan een object niet lezen");
        return BlobStatus::error;
    }
    if (type != GIT_OBJECT_BLOB) return BlobStatus::missing;
    if (size > limit) return BlobStatus::too_large;
    Blob blob;
    if (git_blob_lookup(blob.out(), handle_->repo, &oid) != 0) {
        why = last_error("git cannot read a file", "git kan een bestand niet lezen");
        return BlobStatus::error;
    }
    auto n = static_cast<std::size_t>(git_blob_rawsize(blob.get()));
    out.assign(static_cast<const char*>(git_blob_rawcontent(blob.get())), n);
    return BlobStatus::ok;
}

bool GitRepository::walk(const GitId& start, const std::function<bool(const GitCommit&)>& visit, Text& why) const {
    std::vector<GitId> order;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        Walk w;
        if (git_revwalk_new(w.out(), handle_->repo) != 0) {
            why = last_error("git cannot walk the history", "git kan de geschiedenis niet doorlopen");
            return false;
        }
        git_revwalk_sorting(w.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
        git_oid oid = to_oid(start);
        if (git_revwalk_push(w.get(), &oid) != 0) {
            why = last_error("git cannot walk the history", "git kan de geschiedenis niet doorlopen");
            return false;
        }
        git_oid next;
        int rc;
        while ((rc = git_revwalk_next(&next, w.get())) == 0) order.push_back(from_oid(&next));
        if (rc != GIT_ITEROVER) {
            why = last_error("git cannot walk the history", "git kan de geschiedenis niet doorlopen");
            return false;
        }
    }
    for (const GitId& id : order) {
        auto c = commit(id);
        if (!c) {
            why = last_error("git cannot read a commit", "git kan een commit niet lezen");
            return false;
        }
        if (!visit(*c)) break;
    }
    return true;
}

}  // namespace wijk
