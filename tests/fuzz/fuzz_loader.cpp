// libFuzzer target: any bytes as a data file, and as wijk.yaml, through load and check.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check/check.h"
#include "load/decode.h"
#include "load/yaml_reader.h"
#include "load/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    wijk::Repository repo;
    repo.files = {"wijk.yaml", "fuzz.yaml"};
    wijk::Diagnostics diags;
    if (auto v = wijk::read_yaml(bytes, 0, diags)) wijk::decode_config(*v, repo.config, diags);
    wijk::load_data_text(bytes, 1, repo, diags);
    repo.index();
    wijk::check_repository(repo, wijk::CheckOptions{wijk::Date{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{26}}}, diags);
    for (const auto& d : diags.items)
        if (d.rule.empty() || d.at.file > 1) __builtin_trap();
    return 0;
}
