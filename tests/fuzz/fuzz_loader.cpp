// libFuzzer target: any bytes as a data file, and as wijk.yaml, through load and check.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "check/check.h"
#include "load/workspace.h"
#include "source/overlay_source.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    auto source = std::make_shared<wijk::OverlaySource>(nullptr, "/fuzz");
    source->set("wijk.yaml", bytes);
    source->set("fuzz.yaml", bytes);
    wijk::WorkspaceOptions options;
    options.threads = 1;
    wijk::Workspace ws(source, options);
    ws.load();
    wijk::Diagnostics diags = ws.diagnostics();
    wijk::CheckOptions check;
    check.as_of = wijk::Date{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{26}};
    check.unread_files = ws.unread_files();
    wijk::check_repository(ws.repository(), check, diags);
    for (const auto& d : diags.items) {
        if (d.rule.empty() || d.at.file > 1) __builtin_trap();
        if (d.at.line > 0) (void)ws.excerpt(d.at), (void)ws.place(d.at);
    }
    return 0;
}
