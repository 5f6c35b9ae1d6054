// The evaluation checklist as Markdown (task lists), printable HTML (one agreement per
// printed page) or a YAML evaluation record to fill in.
#pragma once

#include <functional>
#include <string_view>

#include <span>
#include <string>
#include <string_view>

#include "model/lang.h"
#include "report/checklist.h"

namespace wijk {

enum class ChecklistFormat { markdown, html, yaml, json };

// The file extension for --out: ".md", ".html", ".yaml", ".json".
std::string_view checklist_extension(ChecklistFormat f);

// The checklists of `items` as one document: Markdown checklists separated by a rule, one
// HTML page with a page break between agreements, one `evaluations:` collection, or a JSON
// list with one object per agreement.
std::string render_checklist(const Checklist& c, std::span<const ChecklistItem> items,
                             ChecklistFormat f, Lang lang);
// The same, handed to `flush` piece by piece (all checklists of a large repository are tens of MB).
void stream_checklist(const Checklist& c, std::span<const ChecklistItem> items, ChecklistFormat f, Lang lang,
                      const std::function<void(std::string_view)>& flush);

}  // namespace wijk
