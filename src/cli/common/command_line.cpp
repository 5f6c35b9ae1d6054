#include "cli/common/command_line.h"

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <regex>
#include <sstream>

#include "model/enums.h"
#include "source/disk_source.h"

namespace wijk {

Lang command_line_language(const std::vector<std::string>& args) {
    std::optional<std::string> lang, data;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--") break;
        auto value = [&](const std::string& name) -> std::optional<std::string> {
            if (args[i] == name && i + 1 < args.size()) return args[i + 1];
            if (args[i].rfind(name + "=", 0) == 0) return args[i].substr(name.size() + 1);
            return std::nullopt;
        };
        if (auto v = value("--lang")) lang = v;
        if (auto v = value("--data")) data = v;
        if (auto v = value("-C")) data = v;
    }
    if (!lang) {
        std::error_code ec;
        std::string bytes;
        // through the disk source's safe read: a wijk.yaml that is a FIFO or a device must not
        // hang `wijk --help` or a usage error
        if (auto root = find_data_root(data, std::getenv("WIJK_DATA"), std::filesystem::current_path(ec).string());
            root && DiskSource(*root).read("wijk.yaml", bytes).ok()) {
            static const std::regex language(R"(language:\s*(["']?)(\w+)\1\s*(#.*)?)");
            std::istringstream in(bytes);
            std::string line;
            std::smatch m;
            for (int n = 0; n < 200 && std::getline(in, line); ++n) {
                if (!line.empty() && line.back() == '\r') line.pop_back();
                if (std::regex_match(line, m, language)) lang = m[2].str();
            }
        }
    }
    if (lang)
        if (auto i = index_of(*lang, lang_names)) return static_cast<Lang>(*i);
    return Lang::en;
}

bool shows_descriptions(const std::vector<std::string>& args) {
    if (!args.empty() && args[0] == "__complete") return true;
    for (const auto& a : args) {
        if (a == "--") return false;
        if (a == "-h" || a == "--help" || a == "--help-all") return true;
    }
    return false;
}

}  // namespace wijk
