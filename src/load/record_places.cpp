#include "load/record_places.h"

#include "model/line_index.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdint>
#include <sstream>

namespace wijk {

namespace {

constexpr std::uint32_t no_record = UINT32_MAX;

class PlaceBuilder : public YAML::EventHandler {
public:
    PlaceBuilder(FilePlaces& out, const LineIndex& lines) : out_(out), lines_(lines) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& m, YAML::anchor_t) override { node(m, ""); }
    void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { node(m, ""); }
    void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t, const std::string& value) override {
        node(m, value);
    }
    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        open(m, false);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        open(m, true);
    }
    void OnMapEnd() override {
        if (stack_.size() == 3 && record_ != no_record) finish_record();
        close();
    }

private:
    struct Level {
        bool mapping;
        std::string path;      // of this container, inside the record
        std::string key;       // mapping: the key whose value comes next ("" when a key comes next)
        bool expect_key = true;
        std::size_t index = 0;  // sequence: the next item's index
    };
    FilePlaces& out_;
    const LineIndex& lines_;
    std::vector<Level> stack_;
    std::string collection_;
    std::uint32_t record_ = no_record;
    std::string id_, neighbourhood_, year_, source_, code_, agreement_;

    // The path of the value that comes next in the innermost container.
    std::string child_path() const {
        const Level& l = stack_.back();
        if (l.mapping) return l.path.empty() ? l.key : l.path + "." + l.key;
        return l.path + "[" + std::to_string(l.index) + "]";
    }
    void add(const YAML::Mark& m, std::string path) {
        // the same offsets as every Loc: the line's start and the byte column
        if (m.line < 0 || m.column < 0 || std::size_t(m.line) >= lines_.lines()) return;
        std::size_t pos = lines_.start(std::size_t(m.line)) + std::size_t(m.column);
        out_.nodes.push_back({pos, stack_.size() >= 3 ? record_ : no_record, std::move(path)});
    }
    void advance() {
        Level& l = stack_.back();
        if (l.mapping) {
            l.expect_key = true;
            l.key.clear();
        } else {
            ++l.index;
        }
    }
    void node(const YAML::Mark& m, const std::string& value) {
        if (stack_.empty()) return;
        Level& l = stack_.back();
        if (l.mapping && l.expect_key) {
            l.key = value;
            l.expect_key = false;
            if (stack_.size() == 1) collection_ = value;
            add(m, stack_.size() >= 3 ? child_path() : std::string());
            return;
        }
        if (stack_.size() == 3 && l.mapping) {  // a value directly in the record
            if (l.key == "id") id_ = value;
            else if (l.key == "neighbourhood") neighbourhood_ = value;
            else if (l.key == "year") year_ = value;
            else if (l.key == "source") source_ = value;
            else if (l.key == "code") code_ = value;
            else if (l.key == "agreement") agreement_ = value;
        }
        add(m, stack_.size() >= 3 ? child_path() : std::string());
        advance();
    }
    void open(const YAML::Mark& m, bool mapping) {
        Level next{mapping, {}, {}, true, 0};
        if (!stack_.empty()) {
            if (stack_.size() == 2 && mapping) {  // a record: root mapping > collection list > this
                record_ = static_cast<std::uint32_t>(out_.records.size());
                out_.records.emplace_back();
                id_.clear(), neighbourhood_.clear(), year_.clear(), source_.clear(), code_.clear(), agreement_.clear();
                add(m, "");
            } else if (stack_.size() >= 3) {
                next.path = child_path();
                add(m, next.path);
            }
        }
        stack_.push_back(std::move(next));
    }
    void close() {
        if (stack_.empty()) return;
        stack_.pop_back();
        if (!stack_.empty()) advance();
    }
    void finish_record() {
        std::string key;
        if (collection_ == "liveability")
            key = neighbourhood_ + "/" + year_ + "/" + (source_.empty() ? "leefbaarometer" : source_) + "/" + code_;
        else if (collection_ == "evaluations")
            key = agreement_ + "/" + year_;
        else
            key = id_;
        out_.records[record_] = collection_ + ":" + key;
    }
};

}  // namespace

RecordPlace FilePlaces::at(std::size_t pos) const {
    auto it = std::upper_bound(nodes.begin(), nodes.end(), pos, [](std::size_t p, const Node& n) { return p < n.pos; });
    if (it == nodes.begin()) return {};
    --it;
    if (it->record == no_record || it->record >= records.size()) return {};
    return {records[it->record], it->path};
}

FilePlaces record_places(std::string_view text) {
    FilePlaces out;
    LineIndex lines(text);
    PlaceBuilder builder(out, lines);
    try {
        std::istringstream in{std::string(text)};
        YAML::Parser parser(in);
        parser.HandleNextDocument(builder);
    } catch (const YAML::Exception&) {
        // what was read up to the error keeps its places
    }
    std::stable_sort(out.nodes.begin(), out.nodes.end(), [](const FilePlaces::Node& a, const FilePlaces::Node& b) {
        return a.pos < b.pos;
    });
    return out;
}

}  // namespace wijk
