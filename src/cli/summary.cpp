// wijk summary [neighbourhood|partner|agreement|strategy ID]: the portfolio, or one entity with
// its related records, as text, Markdown, CSV, JSON or HTML.
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/context.h"
#include "model/enums.h"
#include "model/i18n.h"
#include "model/suggest.h"
#include "render/summary.h"
#include "report/summary.h"

namespace wijk {

namespace {

struct SummaryCliOptions {
    std::vector<std::string> entity;  // kind and id
    std::optional<std::string> format;
    std::optional<std::string> output;
    std::optional<std::string> table;
    std::optional<std::string> csv;
    bool contacts = false;
};

// "no neighbourhood 'x'" with the closest id, or nullptr when found.
template <class Records>
bool report_unknown(const Records& records, const std::string& kind_en, const std::string& kind_nl,
                    const std::string& id) {
    auto ids = ids_of(records);
    std::string text = msg("no {} with id '{}'", "geen {} met id '{}'", tr(kind_en, kind_nl), id);
    if (auto s = suggest(id, ids, 3)) text += msg("; did you mean '{}'?", "; bedoelde je '{}'?", *s);
    print_error(text);
    return true;
}

int run_summary(const SummaryCliOptions& opt, Context& cx) {
    if (!cx.resolve_globals()) return exit_code::usage;
    static const std::vector<std::string> kinds{"neighbourhood", "partner", "agreement", "strategy"};
    if (!opt.entity.empty()) {
        if (std::find(kinds.begin(), kinds.end(), opt.entity[0]) == kinds.end()) {
            std::string text = msg("'{}' is not one of: neighbourhood, partner, agreement, strategy",
                                   "'{}' is niet een van: neighbourhood, partner, agreement, strategy", opt.entity[0]);
            if (auto s = suggest(opt.entity[0], kinds)) text += msg("; did you mean '{}'?", "; bedoelde je '{}'?", *s);
            print_error(text);
            return exit_code::usage;
        }
        if (opt.entity.size() != 2) {
            print_error(msg("summary {} needs an ID: wijk summary {} ID", "summary {} heeft een id nodig: wijk summary {} ID",
                            opt.entity[0], opt.entity[0]));
            return exit_code::usage;
        }
    }
    std::string format = cx.pick_format(opt.format, opt.output, "text");
    static const std::vector<std::string> formats{"text", "markdown", "csv", "json", "html"};
    if (std::find(formats.begin(), formats.end(), format) == formats.end()) {
        print_error(msg("--format: '{}' is not one of: text, markdown, csv, json, html",
                        "--format: '{}' is niet een van: text, markdown, csv, json, html", format));
        return exit_code::usage;
    }
    if (opt.csv && *opt.csv != "rfc4180" && *opt.csv != "excel-nl") {
        print_error(msg("--csv: '{}' is not one of: rfc4180, excel-nl", "--csv: '{}' is niet een van: rfc4180, excel-nl", *opt.csv));
        return exit_code::usage;
    }

    Loaded loaded;
    if (auto status = cx.load_valid(loaded)) return *status;
    const Repository& repo = loaded.repo();

    SummaryOptions so;
    so.contacts = opt.contacts || repo.config.contacts_in_reports.value_or(false);
    so.lang = output_language();
    so.csv = opt.csv ? (*opt.csv == "excel-nl" ? CsvDialect::excel_nl : CsvDialect::rfc4180)
                     : repo.config.csv.value_or(CsvDialect::rfc4180);
    so.table = opt.table;

    std::string json;
    SummaryDocument doc;
    const Date& t = cx.as_of;
    if (opt.entity.empty()) {
        Portfolio p = summarise_portfolio(repo, t);
        if (format == "json")
            return cx.emit_streamed(opt.output, [&](const auto& write) { stream_portfolio_json(repo, p, so, write); });
        doc = portfolio_document(repo, p, so);
    } else {
        const std::string& kind = opt.entity[0];
        const std::string& id = opt.entity[1];
        if (kind == "neighbourhood") {
            const Neighbourhood* n = repo.neighbourhood(id);
            if (!n) return report_unknown(repo.neighbourhoods, "neighbourhood", "buurt", id), exit_code::data_errors;
            auto d = summarise_neighbourhood(repo, *n, t);
            if (format == "json") json = render_neighbourhood_json(repo, d, so);
            else doc = neighbourhood_document(repo, d, so);
        } else if (kind == "partner") {
            const Partner* p = repo.partner(id);
            if (!p) return report_unknown(repo.partners, "partner", "partner", id), exit_code::data_errors;
            auto d = summarise_partner(repo, *p, t);
            if (format == "json") json = render_partner_json(repo, d, so);
            else doc = partner_document(repo, d, so);
        } else if (kind == "agreement") {
            const Agreement* a = repo.agreement(id);
            if (!a) return report_unknown(repo.agreements, "agreement", "afspraak", id), exit_code::data_errors;
            auto d = summarise_agreement(repo, *a, t);
            if (format == "json") json = render_agreement_json(repo, d, so);
            else doc = agreement_document(repo, d, so);
        } else {
            const Strategy* s = repo.strategy(id);
            if (!s) return report_unknown(repo.strategies, "strategy", "strategie", id), exit_code::data_errors;
            auto d = summarise_strategy(repo, *s, t);
            if (format == "json") json = render_strategy_json(repo, d, so);
            else doc = strategy_document(repo, d, so);
        }
    }

    std::string out;
    if (format == "json") out = std::move(json);
    else if (format == "text") out = render_summary_text(doc, so);
    else if (format == "markdown") out = render_summary_markdown(doc, so);
    else if (format == "html")
        return cx.emit_streamed(opt.output, [&](const auto& write) { stream_summary_html(doc, so, write); });
    else {
        std::vector<std::string> names;
        auto csv = render_summary_csv(doc, so, names);
        if (!csv) {
            std::string list;
            for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
            std::string text = msg("--table: '{}' is not one of: {}", "--table: '{}' is niet een van: {}", so.table.value_or(""), list);
            if (so.table)
                if (auto s = suggest(*so.table, names)) text += msg("; did you mean '{}'?", "; bedoelde je '{}'?", *s);
            print_error(text);
            return exit_code::usage;
        }
        out = std::move(*csv);
    }
    return cx.emit(opt.output, out);
}

}  // namespace

void add_summary(CLI::App& app, Context& cx, int& status) {
    auto opt = std::make_shared<SummaryCliOptions>();
    auto* sub = app.add_subcommand("summary", "The portfolio, or one neighbourhood, partner, agreement or strategy");
    sub->add_option("entity", opt->entity, "neighbourhood|partner|agreement|strategy ID")
        ->expected(0, 2)
        ->type_name("KIND ID");
    sub->add_option("-f,--format", opt->format, "Output format: text, markdown, csv, json or html")->type_name("FORMAT");
    sub->add_option("-o,--output", opt->output, "Write to FILE (atomically); its extension picks the format")
        ->type_name("FILE");
    sub->add_option("--table", opt->table,
                    "csv: which table (portfolio: neighbourhoods, watchlist, agreements; entities: see wijk-summary(1))")
        ->type_name("NAME");
    sub->add_option("--csv", opt->csv, "CSV dialect: rfc4180 or excel-nl (default from wijk.yaml)")->type_name("DIALECT");
    sub->add_flag("--contacts", opt->contacts, "Show contact persons and evaluation participants (personal data)");
    sub->callback([opt, &cx, &status] { status = run_summary(*opt, cx); });
}

}  // namespace wijk
