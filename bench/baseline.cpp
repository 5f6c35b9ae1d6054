// The floor for any tool built on yaml-cpp: load every data file with YAML::LoadFile and walk
// every node, on N threads; or, with --io, the I/O floor: read every byte and do nothing else.
//
//   baseline [-j N] [--io] PATH...
//
// A PATH that is a folder stands for every *.yaml / *.yml file below it, found as wijk finds its
// data files (recursive; names starting with '.' skipped, and wijk.yaml itself), so the listing
// is part of the work as it is for wijk. Prints the number of files, bytes and nodes read.
// Exit status 1 when a file cannot be read or parsed.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& p) { return !p.filename().empty() && p.filename().string()[0] == '.'; }

bool is_yaml(const fs::path& p) {
    auto ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml";
}

void collect(const fs::path& root, std::vector<std::string>& out) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        out.push_back(root.string());
        return;
    }
    for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (ec) break;
        const fs::path& p = it->path();
        if (hidden(p)) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec) && is_yaml(p) && !(it.depth() == 0 && p.filename() == "wijk.yaml"))
            out.push_back(p.string());
    }
}

// Touches every node: scalars are read, maps and sequences iterated.
std::size_t walk(const YAML::Node& node, std::size_t& text) {
    std::size_t n = 1;
    switch (node.Type()) {
        case YAML::NodeType::Scalar: text += node.Scalar().size(); break;
        case YAML::NodeType::Sequence:
            for (const auto& child : node) n += walk(child, text);
            break;
        case YAML::NodeType::Map:
            for (const auto& kv : node) n += walk(kv.first, text) + walk(kv.second, text);
            break;
        default: break;
    }
    return n;
}

std::size_t read_all(const std::string& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ok = false;
        return 0;
    }
    char buf[1 << 16];
    std::size_t total = 0;
    while (in.read(buf, sizeof buf) || in.gcount() > 0) total += static_cast<std::size_t>(in.gcount());
    return total;
}

struct Totals {
    std::size_t files = 0, bytes = 0, nodes = 0, failed = 0;
};

}  // namespace

int main(int argc, char** argv) {
    unsigned threads = 1;
    bool io_only = false;
    std::vector<std::string> roots;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-j" && i + 1 < argc) {
            threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        } else if (a.rfind("-j", 0) == 0 && a.size() > 2) {
            threads = static_cast<unsigned>(std::max(1, std::atoi(a.c_str() + 2)));
        } else if (a == "--io") {
            io_only = true;
        } else if (a == "-h" || a == "--help") {
            std::puts("usage: baseline [-j N] [--io] PATH...");
            return 0;
        } else {
            roots.push_back(a);
        }
    }
    if (roots.empty()) {
        std::fputs("usage: baseline [-j N] [--io] PATH...\n", stderr);
        return 2;
    }
    std::vector<std::string> files;
    for (const auto& r : roots) collect(r, files);
    std::sort(files.begin(), files.end());

    std::atomic<std::size_t> next{0};
    std::vector<Totals> per_thread(threads);
    auto work = [&](Totals& t) {
        for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
            const std::string& f = files[i];
            ++t.files;
            if (io_only) {
                bool ok = true;
                t.bytes += read_all(f, ok);
                if (!ok) ++t.failed;
                continue;
            }
            try {
                YAML::Node doc = YAML::LoadFile(f);
                t.nodes += walk(doc, t.bytes);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "%s: %s\n", f.c_str(), e.what());
                ++t.failed;
            }
        }
    };
    std::vector<std::thread> pool;
    for (unsigned k = 1; k < threads; ++k) pool.emplace_back(work, std::ref(per_thread[k]));
    work(per_thread[0]);
    for (auto& th : pool) th.join();

    Totals sum;
    for (const auto& t : per_thread) {
        sum.files += t.files;
        sum.bytes += t.bytes;
        sum.nodes += t.nodes;
        sum.failed += t.failed;
    }
    if (io_only)
        std::printf("%zu files, %zu bytes read (%u threads)\n", sum.files, sum.bytes, threads);
    else
        std::printf("%zu files, %zu nodes, %zu bytes of scalar text (%u threads)\n", sum.files, sum.nodes, sum.bytes,
                    threads);
    return sum.failed ? 1 : 0;
}
