#include "lsp/server.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "check/check.h"
#include "load/workspace.h"
#include "lsp/convert.h"
#include "lsp/features.h"
#include "lsp/transport.h"
#include "model/enums.h"
#include "model/i18n.h"
#include "model/locator.h"
#include "source/disk_source.h"
#include "source/listing.h"
#include "source/overlay_source.h"

namespace wijk::lsp {

namespace {

using clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace rpc_error {
constexpr int parse = -32700, invalid_request = -32600, method_not_found = -32601, invalid_params = -32602,
              internal = -32603, not_initialized = -32002;
}

// The most a burst of edits may hold back the diagnostics of the first.
constexpr milliseconds max_hold{1000};

// One data root: the editor's buffers over its files on disk, and its last analysis.
struct Root {
    std::string dir;
    std::shared_ptr<OverlaySource> overlay;
    std::unique_ptr<Workspace> workspace;
    Diagnostics diags;  // loading and checking, sorted, as validate gives them
    bool loaded = false;
    bool dirty = true;
    bool urgent = false;                  // check as soon as the input is read (opened, settings)
    clock::time_point changed{};          // the last edit
    clock::time_point dirty_since{};      // the first edit since the last check
    clock::time_point finished{};         // the end of the last check
    milliseconds took{0};                 // how long the last check took
    // path -> what its last published diagnostics were made of (diagnostics_key); only files
    // that had some
    std::map<std::string, std::uint64_t> published;
    std::set<std::string> edited;  // paths of buffers changed since then
    // What the next check reads again: the paths whose bytes changed (buffers, and files on disk
    // the client named), or everything (the first check; files created or deleted).
    std::set<std::string> stale;
    bool relist = true;
};

struct OpenDoc {
    std::string uri, rel;
    Root* root = nullptr;  // nullptr: outside any data root
    Document doc;
};

class Server {
public:
    Server(Transport& io, const ServerOptions& options) : io_(io), options_(options) {}
    int run();

private:
    void handle(const std::string& body);
    void request(const json& id, const std::string& method, const json& params);
    void notification(const std::string& method, const json& params);
    void reply(const json& id, json result);
    void reply_error(const json& id, int code, const std::string& message);
    void notify(const char* method, json params);
    void log(const std::string& message, int type = 3);

    Root* root_of(const std::string& path, std::string& rel);
    void touch(Root& r, bool at_once);
    void disk_changed(const json& params);
    clock::time_point due_at(const Root& r) const;
    void analyze_due();
    void analyze_held();
    int next_wait() const;
    void analyze(Root& r);
    void publish(Root& r);
    void flush(Root* r) {
        if (r && (r->dirty || !r->loaded)) analyze(*r);
    }
    Date as_of() const;
    Lang lang_of(const Root* r) const;
    std::string text_of(Root& r, const std::string& rel);
    std::string uri_of(const Root& r, const std::string& rel) const;
    json diagnostic_json(const Diagnostic& d, const Range& at, Lang lang) const;
    OpenDoc* doc_of(const json& params);
    Snapshot snapshot_of(const OpenDoc& d) const;

    json initialize(const json& params);
    void read_settings(const json& settings, const char* where);
    void did_open(const json& params);
    void did_change(const json& params);
    void did_close(const json& params);
    json on_definition(const json& params);
    json on_code_action(const json& params);

    Transport& io_;
    ServerOptions options_;
    std::optional<Date> as_of_;  // initializationOptions or settings
    std::optional<Lang> lang_;
    bool initialized_ = false, shutdown_ = false, exit_ = false;
    bool hierarchical_symbols_ = false, watch_files_ = false;
    std::vector<std::string> folders_;  // the client's workspace folders, loaded at `initialized`
    std::map<std::string, std::unique_ptr<Root>> roots_;  // by data root
    std::map<std::string, OpenDoc> docs_;                  // by URI
    int next_request_ = 1;
};

int Server::run() {
    std::string body, why;
    for (;;) {
        // Edits that have already arrived are read before the repository is checked: a burst
        // of typing is checked once (the hold keeps a steady stream from starving it).
        if (!io_.pending()) analyze_due();
        else analyze_held();
        switch (io_.next(body, next_wait(), &why)) {
            case Transport::Got::message:
                handle(body);
                if (exit_) return shutdown_ ? 0 : 1;
                break;
            case Transport::Got::skipped: log("wijk lsp: " + why, 2); break;
            case Transport::Got::timeout: break;
            case Transport::Got::end: return shutdown_ ? 0 : 1;
        }
        if (io_.broken()) return 1;  // the client is gone
    }
}

void Server::handle(const std::string& body) {
    json m = json::parse(body, nullptr, false);
    if (m.is_discarded()) {
        reply_error(nullptr, rpc_error::parse, "the message is not valid JSON");
        return;
    }
    if (!m.is_object()) {
        reply_error(nullptr, rpc_error::invalid_request, "a message is a JSON object");
        return;
    }
    auto id_it = m.find("id");
    const bool has_id = id_it != m.end();
    json id = has_id ? *id_it : json(nullptr);
    if (has_id && !id.is_string() && !id.is_number_integer() && !id.is_null()) {
        reply_error(nullptr, rpc_error::invalid_request, "an id is a number or a string");
        return;
    }
    auto method_it = m.find("method");
    if (method_it == m.end()) {
        if (has_id && (m.contains("result") || m.contains("error"))) return;  // the client's answer to our request
        reply_error(id, rpc_error::invalid_request, "a request or notification has a method");
        return;
    }
    if (!method_it->is_string()) {
        if (has_id) reply_error(id, rpc_error::invalid_request, "a method is a string");
        return;
    }
    const std::string method = method_it->get<std::string>();
    static const json no_params = json::object();
    auto params_it = m.find("params");
    const json& params = params_it == m.end() ? no_params : *params_it;
    try {
        if (has_id) request(id, method, params);
        else notification(method, params);
    } catch (const json::exception& e) {
        if (has_id) reply_error(id, rpc_error::invalid_params, std::string("the parameters do not fit: ") + e.what());
        else log(std::string("wijk lsp: ") + method + ": the parameters do not fit: " + e.what(), 2);
    } catch (const std::exception& e) {
        if (has_id) reply_error(id, rpc_error::internal, std::string("internal error: ") + e.what());
        log(std::string("wijk lsp: internal error in ") + method + ": " + e.what(), 1);
    }
}

void Server::request(const json& id, const std::string& method, const json& params) {
    if (method == "initialize") {
        if (initialized_) {
            reply_error(id, rpc_error::invalid_request, "initialize was already called");
            return;
        }
        initialized_ = true;
        reply(id, initialize(params));
        return;
    }
    if (!initialized_) {
        reply_error(id, rpc_error::not_initialized, "initialize comes first");
        return;
    }
    if (shutdown_) {
        reply_error(id, rpc_error::invalid_request, "the server is shutting down");
        return;
    }
    if (method == "shutdown") {
        shutdown_ = true;
        reply(id, nullptr);
        return;
    }
    if (method == "textDocument/completion") {
        OpenDoc* d = doc_of(params);
        auto pos = position_from(params.value("position", json()));
        if (!d || !d->root || !pos) {
            reply(id, json{{"isIncomplete", false}, {"items", json::array()}});
            return;
        }
        if (!d->root->loaded) analyze(*d->root);
        reply(id, complete(snapshot_of(*d), *pos));
        return;
    }
    if (method == "textDocument/hover") {
        OpenDoc* d = doc_of(params);
        auto pos = position_from(params.value("position", json()));
        if (!d || !d->root || !pos) {
            reply(id, nullptr);
            return;
        }
        flush(d->root);
        reply(id, hover(snapshot_of(*d), *pos));
        return;
    }
    if (method == "textDocument/definition") {
        reply(id, on_definition(params));
        return;
    }
    if (method == "textDocument/documentSymbol") {
        OpenDoc* d = doc_of(params);
        if (!d || !d->root) {
            reply(id, json::array());
            return;
        }
        reply(id, document_symbols(snapshot_of(*d), hierarchical_symbols_, d->uri));
        return;
    }
    if (method == "textDocument/codeAction") {
        reply(id, on_code_action(params));
        return;
    }
    reply_error(id, rpc_error::method_not_found, "wijk lsp does not know the method '" + method + "'");
}

void Server::notification(const std::string& method, const json& params) {
    if (method == "exit") {
        exit_ = true;
        return;
    }
    if (!initialized_ || shutdown_) return;  // the protocol drops notifications before initialize
    if (method == "initialized") {
        if (watch_files_) {
            json reg{{"id", "wijk-data-files"},
                     {"method", "workspace/didChangeWatchedFiles"},
                     {"registerOptions", {{"watchers", json::array({json{{"globPattern", "**/*.{yaml,yml}"}}})}}}};
            io_.send(json{{"jsonrpc", "2.0"},
                          {"id", "wijk-" + std::to_string(next_request_++)},
                          {"method", "client/registerCapability"},
                          {"params", {{"registrations", json::array({reg})}}}}
                         .dump(-1, ' ', false, json::error_handler_t::replace));
        }
        if (options_.data_root) folders_.push_back(*options_.data_root);
        for (const auto& folder : folders_) {
            std::string rel;
            if (Root* r = root_of(folder + "/wijk.yaml", rel)) touch(*r, true);
        }
        return;
    }
    if (method == "textDocument/didOpen") return did_open(params);
    if (method == "textDocument/didChange") return did_change(params);
    if (method == "textDocument/didClose") return did_close(params);
    if (method == "workspace/didChangeWatchedFiles") return disk_changed(params);
    if (method == "textDocument/didSave") {
        // The saved buffer is what the overlay holds already. A client that watches the files
        // says what else changed on disk; for one that does not, a save is when the disk is
        // read again (a checkout, another program).
        OpenDoc* d = doc_of(params);
        if (watch_files_ && d && d->root) {
            d->root->stale.insert(d->rel);
            touch(*d->root, false);
            return;
        }
        for (auto& [dir, r] : roots_) {
            r->relist = true;
            touch(*r, false);
        }
        return;
    }
    if (method == "workspace/didChangeConfiguration") {
        read_settings(object_at(object_at(params, "settings"), "wijk"), "settings.wijk");
        for (auto& [dir, r] : roots_) touch(*r, true);
        return;
    }
    // anything else ($/cancelRequest, $/setTrace, ...) needs no answer
}

void Server::reply(const json& id, json result) {
    io_.send(json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}.dump(-1, ' ', false,
                                                                                      json::error_handler_t::replace));
}

void Server::reply_error(const json& id, int code, const std::string& message) {
    io_.send(json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}}.dump(
        -1, ' ', false, json::error_handler_t::replace));
}

void Server::notify(const char* method, json params) {
    io_.send(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}.dump(
        -1, ' ', false, json::error_handler_t::replace));
}

void Server::log(const std::string& message, int type) { notify("window/logMessage", json{{"type", type}, {"message", message}}); }

json Server::initialize(const json& params) {
    const json& caps = object_at(params, "capabilities");
    hierarchical_symbols_ = object_at(object_at(caps, "textDocument"), "documentSymbol")
                                .value("hierarchicalDocumentSymbolSupport", false);
    watch_files_ = object_at(object_at(caps, "workspace"), "didChangeWatchedFiles").value("dynamicRegistration", false);
    read_settings(object_at(params, "initializationOptions"), "initializationOptions");
    // the workspace folders, or the one root of older clients
    if (auto wf = params.find("workspaceFolders"); wf != params.end() && wf->is_array()) {
        for (const auto& f : *wf)
            if (auto p = path_from_uri(string_at(f, "uri"))) folders_.push_back(*p);
    } else if (auto p = path_from_uri(string_at(params, "rootUri"))) {
        folders_.push_back(*p);
    }
    json sync{{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}};
    json capabilities{{"positionEncoding", "utf-16"},
                      {"textDocumentSync", sync},
                      {"completionProvider", {{"triggerCharacters", json::array({" ", "[", ","})}, {"resolveProvider", false}}},
                      {"hoverProvider", true},
                      {"definitionProvider", true},
                      {"documentSymbolProvider", true},
                      {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}}};
    return json{{"capabilities", capabilities}, {"serverInfo", {{"name", "wijk"}, {"version", options_.version}}}};
}

void Server::read_settings(const json& s, const char* where) {
    if (!s.is_object()) return;
    if (auto it = s.find("asOf"); it != s.end() && !it->is_null()) {
        auto d = it->is_string() ? parse_date(it->get<std::string>()) : std::nullopt;
        if (d) as_of_ = d;
        else log(fmt::format("wijk lsp: {}.asOf is not a date in the form YYYY-MM-DD: {}; today counts", where, it->dump()), 2);
    }
    if (auto it = s.find("language"); it != s.end() && !it->is_null()) {
        auto i = it->is_string() ? index_of(it->get<std::string>(), lang_names) : std::nullopt;
        if (i) lang_ = static_cast<Lang>(*i);
        else log(fmt::format("wijk lsp: {}.language is not en or nl: {}; wijk.yaml's counts", where, it->dump()), 2);
    }
}

Date Server::as_of() const {
    if (as_of_) return *as_of_;
    if (options_.as_of) return *options_.as_of;
    return today_local();
}

Lang Server::lang_of(const Root* r) const {
    if (lang_) return *lang_;
    if (options_.lang) return *options_.lang;
    if (r && r->loaded && r->workspace->repository().config.language) return *r->workspace->repository().config.language;
    return Lang::en;
}

Root* Server::root_of(const std::string& path, std::string& rel) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path file = fs::path(path).lexically_normal();
    auto dir = find_data_root(std::nullopt, nullptr, file.parent_path().string());
    if (!dir) return nullptr;
    std::string r = file.lexically_relative(fs::path(*dir)).generic_string();
    if (r.empty() || r == "." || r.rfind("..", 0) == 0) return nullptr;
    rel = r;
    auto& slot = roots_[*dir];
    if (!slot) {
        slot = std::make_unique<Root>();
        slot->dir = *dir;
        slot->overlay = std::make_shared<OverlaySource>(std::make_shared<DiskSource>(*dir), *dir);
        WorkspaceOptions wo;
        wo.keep_units = true;  // an edit parses one file again, not all
        slot->workspace = std::make_unique<Workspace>(slot->overlay, wo);
    }
    return slot.get();
}

// Files changed on disk, as the client saw them: a changed file is read again alone; a file
// created or deleted changes the listing, and the root is listed and read again.
void Server::disk_changed(const json& params) {
    namespace fs = std::filesystem;
    auto changes = params.find("changes");
    if (changes == params.end() || !changes->is_array()) return;
    for (const auto& c : *changes) {
        std::optional<std::string> path = c.is_object() ? path_from_uri(string_at(c, "uri")) : std::nullopt;
        const json type_json = c.is_object() ? c.value("type", json()) : json();
        const int type = type_json.is_number_integer() ? type_json.get<int>() : 0;  // 1 created, 2 changed, 3 deleted
        for (auto& [dir, r] : roots_) {
            std::string rel;
            if (path) rel = fs::path(*path).lexically_normal().lexically_relative(fs::path(dir)).generic_string();
            const bool inside = !rel.empty() && rel != "." && rel.rfind("..", 0) != 0;
            if (path && !inside) continue;
            if (type == 2 && inside) r->stale.insert(rel);  // changed
            else r->relist = true;                           // created, deleted, or not said
            touch(*r, false);
        }
    }
}

void Server::touch(Root& r, bool at_once) {
    auto now = clock::now();
    if (!r.dirty) r.dirty_since = now;
    r.dirty = true;
    r.changed = now;
    r.urgent = r.urgent || at_once;
}

// The debounce. An edit after a quiet spell (no check for as long as a check takes, at most
// max_debounce_ms) is checked at once: a keystroke's diagnostics come as fast as a check can
// make them. While the user goes on typing, the next check waits until that spell has passed
// after both the last check and the last edit, so a burst is checked once; and never longer
// than max_hold after its first edit.
clock::time_point Server::due_at(const Root& r) const {
    if (r.urgent) return r.dirty_since;
    const milliseconds quiet = std::min(milliseconds(options_.max_debounce_ms), r.took);
    clock::time_point due = r.dirty_since - r.finished >= quiet ? r.dirty_since : std::max(r.changed, r.finished) + quiet;
    return std::min(due, r.dirty_since + max_hold);
}

void Server::analyze_held() {
    const auto now = clock::now();
    for (auto& [dir, r] : roots_)
        if (r->dirty && now - r->dirty_since >= max_hold) analyze(*r);
}

void Server::analyze_due() {
    const auto now = clock::now();
    for (auto& [dir, r] : roots_)
        if (r->dirty && now >= due_at(*r)) analyze(*r);
}

int Server::next_wait() const {
    std::optional<clock::time_point> first;
    for (const auto& [dir, r] : roots_) {
        if (!r->dirty) continue;
        auto due = due_at(*r);
        if (!first || due < *first) first = due;
    }
    if (!first) return -1;
    auto left = std::chrono::duration_cast<milliseconds>(*first - clock::now()).count();
    return left > 0 ? int(left) + 1 : 0;
}

// As `wijk validate` does it (cli/context.cpp, Context::load): the same rules, the same order.
void Server::analyze(Root& r) {
    const auto start = clock::now();
    r.dirty = false;
    r.urgent = false;
    Workspace& ws = *r.workspace;
    try {
        // an edit reads again the buffers that changed, not the whole repository
        const std::vector<std::string> stale(r.stale.begin(), r.stale.end());
        if (!r.loaded || r.relist || !ws.reload(stale)) ws.load();
        r.relist = false;
        r.stale.clear();
        Diagnostics diags = ws.diagnostics();
        CheckOptions opt;
        opt.as_of = as_of();
        opt.unread_files = ws.unread_files();
        opt.document_exists = [&ws](std::string_view path) { return ws.source().exists(path); };
        check_repository(ws.repository(), opt, diags);
        diags.sort();
        r.diags = std::move(diags);
        r.loaded = true;
    } catch (const std::exception& e) {
        r.relist = true;  // whatever state the workspace is in, the next check starts afresh
        log(std::string("wijk lsp: the data could not be checked: ") + e.what(), 1);
        return;
    }
    publish(r);
    r.finished = clock::now();
    r.took = std::chrono::duration_cast<milliseconds>(r.finished - start);
}

std::string Server::text_of(Root& r, const std::string& rel) {
    for (const auto& [uri, d] : docs_)
        if (d.root == &r && d.rel == rel) return d.doc.text();
    std::string bytes;
    if (!r.overlay->read(rel, bytes).ok()) bytes.clear();
    return bytes;
}

std::string Server::uri_of(const Root& r, const std::string& rel) const {
    for (const auto& [uri, d] : docs_)
        if (d.root == &r && d.rel == rel) return uri;
    return uri_from_path(r.dir + "/" + rel);
}

json Server::diagnostic_json(const Diagnostic& d, const Range& at, Lang lang) const {
    std::string message = d.message.in(lang);
    if (!d.hint.empty()) message += "\n" + std::string(tr(lang, "hint", "tip")) + ": " + d.hint.in(lang);
    return json{{"range", to_json(at)},
                {"severity", d.severity == Severity::error ? 1 : 2},
                {"code", d.rule},
                {"source", "wijk"},
                {"message", message}};
}

// What a file's published diagnostics are made of: they, the language and the text their marks
// are turned into ranges in. The same key, the same JSON: a file whose key did not change is
// not sent again, nor its text read or its JSON made (at 2,000 files most files keep theirs).
std::uint64_t diagnostics_key(const Diagnostic* first, const Diagnostic* last, std::uint64_t text_hash, Lang lang) {
    std::string state;
    auto add = [&](std::string_view part) {
        state.append(part);
        state += '\0';
    };
    add(std::to_string(text_hash));
    add(lang_names[static_cast<std::size_t>(lang)]);
    for (const Diagnostic* d = first; d != last; ++d) {
        add(d->rule);
        add(d->severity == Severity::error ? "e" : "w");
        add(std::to_string(d->at.line) + ":" + std::to_string(d->at.column));
        add(d->message.in(lang));
        add(d->hint.in(lang));
    }
    return content_hash(state);
}

void Server::publish(Root& r) {
    const Repository& repo = r.workspace->repository();
    const Lang lang = lang_of(&r);
    std::map<std::string, const OpenDoc*> open;  // this root's buffers by path
    for (const auto& [uri, d] : docs_)
        if (d.root == &r) open.emplace(d.rel, &d);
    std::map<std::string, std::uint64_t> now;
    auto send = [&](const std::string& rel, json list) {
        auto doc = open.find(rel);
        json params{{"uri", doc != open.end() ? doc->second->uri : uri_from_path(r.dir + "/" + rel)},
                    {"diagnostics", std::move(list)}};
        if (doc != open.end()) params["version"] = doc->second->doc.version();
        notify("textDocument/publishDiagnostics", std::move(params));
    };
    const auto& items = r.diags.items;
    for (std::size_t i = 0; i < items.size();) {
        const std::uint32_t file = items[i].at.file;
        std::size_t j = i;
        while (j < items.size() && items[j].at.file == file) ++j;
        std::string rel = file < repo.files.size() ? std::string(repo.files[file]) : std::string();
        if (rel.empty() || rel.back() == '/' || rel == ".") {
            // a folder that could not be listed: no document to show it in
            for (std::size_t k = i; k < j; ++k) log("wijk lsp: " + rel + ": " + items[k].message.in(lang), 2);
            i = j;
            continue;
        }
        const std::uint64_t key = diagnostics_key(&items[i], &items[j], r.workspace->hash_of(file), lang);
        auto was = r.published.find(rel);
        if (was == r.published.end() || was->second != key || r.edited.count(rel)) {
            auto doc = open.find(rel);
            const std::string text = doc != open.end() ? doc->second->doc.text() : text_of(r, rel);
            const LineTable lines(text);
            json list = json::array();
            for (std::size_t k = i; k < j; ++k) list.push_back(diagnostic_json(items[k], mark_range(text, lines, items[k].at), lang));
            send(rel, std::move(list));
        }
        now[rel] = key;
        i = j;
    }
    // what is fixed is cleared; an edited buffer hears back even when nothing changed
    for (const auto& [rel, key] : r.published)
        if (!now.count(rel)) send(rel, json::array());
    for (const auto& rel : r.edited)
        if (!now.count(rel) && !r.published.count(rel)) send(rel, json::array());
    r.published = std::move(now);
    r.edited.clear();
}

OpenDoc* Server::doc_of(const json& params) {
    std::string uri = string_at(object_at(params, "textDocument"), "uri");
    auto it = docs_.find(uri);
    return it == docs_.end() ? nullptr : &it->second;
}

Snapshot Server::snapshot_of(const OpenDoc& d) const {
    Snapshot s{d.doc};
    s.config_file = d.rel == "wijk.yaml";
    s.repo = d.root && d.root->loaded ? &d.root->workspace->repository() : nullptr;
    s.lang = lang_of(d.root);
    s.as_of = as_of();
    return s;
}

void Server::did_open(const json& params) {
    const json& td = object_at(params, "textDocument");
    std::string uri = string_at(td, "uri");
    if (uri.empty()) return;
    OpenDoc d;
    d.uri = uri;
    auto text = td.find("text");
    d.doc = Document(text != td.end() && text->is_string() ? text->get<std::string>() : std::string(),
                     td.value("version", std::int64_t(0)));
    auto path = path_from_uri(uri);
    if (path) d.root = root_of(*path, d.rel);
    if (!d.root) {
        log(msg(lang_of(nullptr), "wijk lsp: {} lies in no wijk data repository (no wijk.yaml in its folder or above): it is not checked",
                "wijk lsp: {} ligt niet in een wijk-gegevensmap (geen wijk.yaml in de map of daarboven): het wordt niet gecontroleerd",
                uri),
            3);
    } else {
        d.root->overlay->set(d.rel, d.doc.text());
        d.root->edited.insert(d.rel);
        d.root->stale.insert(d.rel);
        touch(*d.root, true);
    }
    docs_[uri] = std::move(d);
}

void Server::did_change(const json& params) {
    OpenDoc* d = doc_of(params);
    if (!d) return;
    const json& td = object_at(params, "textDocument");
    if (auto v = td.find("version"); v != td.end() && v->is_number_integer()) d->doc.set_version(v->get<std::int64_t>());
    auto changes = params.find("contentChanges");
    if (changes == params.end() || !changes->is_array()) return;
    for (const auto& c : *changes) {
        auto text = c.find("text");
        if (!c.is_object() || text == c.end() || !text->is_string()) continue;
        auto range = c.find("range");
        if (range == c.end()) {
            d->doc.replace_all(text->get<std::string>());
        } else if (auto r = range_from(*range)) {
            d->doc.replace(*r, text->get<std::string>());
        }
    }
    if (!d->root) return;
    d->root->overlay->set(d->rel, d->doc.text());
    d->root->edited.insert(d->rel);
    d->root->stale.insert(d->rel);
    touch(*d->root, false);
}

void Server::did_close(const json& params) {
    std::string uri = string_at(object_at(params, "textDocument"), "uri");
    auto it = docs_.find(uri);
    if (it == docs_.end()) return;
    Root* r = it->second.root;
    std::string rel = it->second.rel;
    docs_.erase(it);
    if (!r) return;
    r->overlay->drop(rel);  // the file on disk counts again
    r->stale.insert(rel);
    touch(*r, false);
}

json Server::on_definition(const json& params) {
    OpenDoc* d = doc_of(params);
    auto pos = position_from(params.value("position", json()));
    if (!d || !d->root || !pos) return nullptr;
    flush(d->root);
    auto target = definition(snapshot_of(*d), *pos);
    if (!target) return nullptr;
    Root& r = *d->root;
    const Repository& repo = r.workspace->repository();
    if (target->file >= repo.files.size()) return nullptr;
    Mark m = target->id ? locate(repo, target->file, target->id) : Mark{};
    if (m.line == 0) m = target->record;
    const std::string rel(repo.files[target->file]);
    const std::string text = text_of(r, rel);
    const LineTable lines(text);
    return json{{"uri", uri_of(r, rel)}, {"range", to_json(mark_range(text, lines, m))}};
}

json Server::on_code_action(const json& params) {
    json out = json::array();
    OpenDoc* d = doc_of(params);
    auto range = range_from(params.value("range", json()));
    if (!d || !d->root || !range) return out;
    flush(d->root);
    Root& r = *d->root;
    const Repository& repo = r.workspace->repository();
    const Lang lang = lang_of(&r);
    const std::uint32_t first = std::min(range->start.line, range->end.line);
    const std::uint32_t last = std::max(range->start.line, range->end.line);
    for (const auto& diag : r.diags.items) {
        if (diag.at.file >= repo.files.size() || repo.files[diag.at.file] != d->rel || diag.at.line == 0) continue;
        Range at = mark_range(d->doc.text(), d->doc.lines(), diag.at);
        if (at.end.line < first || at.start.line > last) continue;
        for (auto& fix : fixes_for(d->doc, diag, at, lang)) {
            json edit{{"range", to_json(fix.range)}, {"newText", fix.new_text}};
            json action{{"title", fix.title},
                        {"kind", "quickfix"},
                        {"diagnostics", json::array({diagnostic_json(diag, at, lang)})},
                        {"edit", {{"changes", {{d->uri, json::array({edit})}}}}}};
            if (fix.preferred) action["isPreferred"] = true;
            out.push_back(std::move(action));
        }
    }
    return out;
}

}  // namespace

int serve(int in_fd, int out_fd, const ServerOptions& options) {
    Transport io(in_fd, out_fd);
    Server server(io, options);
    return server.run();
}

}  // namespace wijk::lsp
