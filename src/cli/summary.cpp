// wijk summary [neighbourhood|partner|agreement|strategy ID]: the portfolio, or one entity with
// its related records, as text, Markdown, CSV, JSON, HTML or an xlsx workbook.
#include <CLI/CLI.hpp>

#include <variant>

#include "cli/commands.h"
#include "cli/common/help.h"
#include "cli/context.h"
#include "cli/common/xlsx_output.h"
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
                    const std::string& id, Lang lang) {
    auto ids = ids_of(records);
    std::string text = msg(lang, "no {} with id '{}'", "geen {} met id '{}'", tr(lang, kind_en, kind_nl), id);
    if (auto s = suggest(id, ids, 3)) text += msg(lang, "; did you mean '{}'?", "; bedoel je '{}'?", *s);
    print_error(text);
    return true;
}

void report_unknown_table(const std::string& table, std::vector<std::string> names, bool portfolio, Lang lang) {
    if (portfolio)  // the tables only built when asked for
        for (const char* n : {"spending", "provisions", "commitments", "evaluations", "liveability"})
            if (std::find(names.begin(), names.end(), n) == names.end()) names.emplace_back(n);
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    std::string text = msg(lang, "--table: '{}' is not one of: {}", "--table: '{}' is niet een van: {}", table, list);
    if (auto s = suggest(table, names)) text += msg(lang, "; did you mean '{}'?", "; bedoel je '{}'?", *s);
    print_error(text);
}

const std::vector<std::string> entity_kinds{"neighbourhood", "partner", "agreement", "strategy"};

// `wijk summary ID`: the kind of the one collection that has the id. Prints the problem and
// returns the exit status when none has it (1) or several have (2: the user says which).
std::variant<std::string, int> kind_of_id(const Repository& repo, const std::string& id, bool is_kind, Lang lang) {
    std::vector<std::string> found;
    if (repo.neighbourhood(id)) found.push_back("neighbourhood");
    if (repo.partner(id)) found.push_back("partner");
    if (repo.agreement(id)) found.push_back("agreement");
    if (repo.strategy(id)) found.push_back("strategy");
    if (found.size() == 1) return found[0];
    if (found.empty() && is_kind) {  // a kind without its id
        print_error(msg(lang, "summary {} needs an ID: wijk summary {} ID", "summary {} heeft een id nodig: wijk summary {} ID", id, id));
        return exit_code::usage;
    }
    if (found.empty()) {
        std::vector<std::string> all;
        for (auto ids : {ids_of(repo.neighbourhoods), ids_of(repo.partners), ids_of(repo.agreements), ids_of(repo.strategies)})
            all.insert(all.end(), ids.begin(), ids.end());
        std::string text = msg(lang, "no neighbourhood, partner, agreement or strategy has the id '{}'",
                               "geen buurt, partner, afspraak of buurtstrategie heeft de id '{}'", id);
        if (auto s = suggest(id, all, 3)) text += msg(lang, "; did you mean '{}'?", "; bedoel je '{}'?", *s);
        print_error(text);
        return exit_code::data_errors;
    }
    std::string choices;
    for (const auto& k : found) choices += "\n  wijk summary " + k + " " + id;
    print_error(msg(lang, "'{}' is the id of more than one kind of record; say which:{}",
                    "'{}' is de id van meer dan één soort gegeven; zeg welke:{}", id, choices));
    return exit_code::usage;
}

int run_summary(const SummaryCliOptions& opt, Context& cx) {
    if (!cx.resolve_globals()) return exit_code::usage;
    const auto is_kind = [](const std::string& w) {
        return std::find(entity_kinds.begin(), entity_kinds.end(), w) != entity_kinds.end();
    };
    if (opt.entity.size() == 2 && !is_kind(opt.entity[0])) {
        std::string text = msg(cx.lang(), "'{}' is not one of: neighbourhood, partner, agreement, strategy",
                               "'{}' is niet een van: neighbourhood, partner, agreement, strategy", opt.entity[0]);
        if (auto s = suggest(opt.entity[0], entity_kinds)) text += msg(cx.lang(), "; did you mean '{}'?", "; bedoel je '{}'?", *s);
        print_error(text);
        return exit_code::usage;
    }
    const auto chosen = cx.choose_format(opt.format, opt.output, "summary");
    if (!chosen) return exit_code::usage;
    const Format format = *chosen;
    if (opt.csv && *opt.csv != "rfc4180" && *opt.csv != "excel-nl") {
        print_error(msg(cx.lang(), "--csv: '{}' is not one of: rfc4180, excel-nl", "--csv: '{}' is niet een van: rfc4180, excel-nl", *opt.csv));
        return exit_code::usage;
    }
    if (format == Format::json && opt.table && (!opt.entity.empty() || *opt.table != "spending")) {
        print_error(msg(cx.lang(), "-f json: --table takes only 'spending' of the portfolio (the other tables are in the JSON object)",
                        "-f json: --table kent alleen 'spending' van de portefeuille (de andere tabellen staan in het JSON-object)"));
        return exit_code::usage;
    }

    Loaded loaded;
    if (auto status = cx.load_valid(loaded, Text("no summary made", "geen overzicht gemaakt"))) return *status;
    const Repository& repo = loaded.repo();

    std::string kind, id;
    if (opt.entity.size() == 2) {
        kind = opt.entity[0];
        id = opt.entity[1];
    } else if (opt.entity.size() == 1) {
        id = opt.entity[0];
        auto found = kind_of_id(repo, id, is_kind(id), cx.lang());
        if (const int* status = std::get_if<int>(&found)) return *status;
        kind = std::get<std::string>(found);
    }

    SummaryOptions so;
    so.contacts = opt.contacts || repo.config.contacts_in_reports.value_or(false);
    so.lang = cx.lang();
    so.csv = opt.csv ? (*opt.csv == "excel-nl" ? CsvDialect::excel_nl : CsvDialect::rfc4180)
                     : repo.config.csv.value_or(CsvDialect::rfc4180);
    so.table = opt.table;
    so.width = text_width(!opt.output || *opt.output == "-");
    // The portfolio's tables of every provision, commitment, evaluation and liveability year are
    // most of a document at scale: built for the workbook, or when --table asks for one.
    static const std::vector<std::string> workbook_only{"provisions", "commitments", "evaluations", "liveability"};
    so.workbook_tables = format == Format::xlsx || (opt.table && std::find(workbook_only.begin(), workbook_only.end(), *opt.table) !=
                                                               workbook_only.end());

    std::string json;
    SummaryDocument doc;
    const Date& t = cx.as_of;
    if (kind.empty()) {
        Portfolio p = summarise_portfolio(repo, t);
        if (format == Format::html || format == Format::xlsx || format == Format::json || opt.table == std::optional<std::string>("spending"))
            p.spending = compute_spending(repo, t);
        if (format == Format::json) {
            if (opt.table) return cx.emit(opt.output, render_spending_json(repo, *p.spending, t));
            return cx.emit_streamed(opt.output, [&](const auto& write) { stream_portfolio_json(repo, p, so, write); });
        }
        doc = portfolio_document(repo, p, so);
    } else if (kind == "neighbourhood") {
        const Neighbourhood* n = repo.neighbourhood(id);
        if (!n) return report_unknown(repo.neighbourhoods, "neighbourhood", "buurt", id, cx.lang()), exit_code::data_errors;
        auto d = summarise_neighbourhood(repo, *n, t);
        if (format == Format::json) json = render_neighbourhood_json(repo, d, so);
        else doc = neighbourhood_document(repo, d, so);
    } else if (kind == "partner") {
        const Partner* p = repo.partner(id);
        if (!p) return report_unknown(repo.partners, "partner", "partner", id, cx.lang()), exit_code::data_errors;
        auto d = summarise_partner(repo, *p, t);
        if (format == Format::json) json = render_partner_json(repo, d, so);
        else doc = partner_document(repo, d, so);
    } else if (kind == "agreement") {
        const Agreement* a = repo.agreement(id);
        if (!a) return report_unknown(repo.agreements, "agreement", "afspraak", id, cx.lang()), exit_code::data_errors;
        auto d = summarise_agreement(repo, *a, t);
        if (format == Format::json) json = render_agreement_json(repo, d, so);
        else doc = agreement_document(repo, d, so);
    } else {
        const Strategy* s = repo.strategy(id);
        if (!s) return report_unknown(repo.strategies, "strategy", "buurtstrategie", id, cx.lang()), exit_code::data_errors;
        auto d = summarise_strategy(repo, *s, t);
        if (format == Format::json) json = render_strategy_json(repo, d, so);
        else doc = strategy_document(repo, d, so);
    }
    if (format == Format::json) return cx.emit(opt.output, json);

    if (format == Format::csv) {
        std::vector<std::string> names;
        auto csv = render_summary_csv(doc, so, names);
        if (!csv) {
            report_unknown_table(so.table.value_or(""), names, kind.empty(), cx.lang());
            return exit_code::usage;
        }
        return cx.emit(opt.output, *csv);
    }
    if (so.table) {
        std::vector<std::string> names;
        if (!keep_only_table(doc, *so.table, names)) {
            report_unknown_table(*so.table, names, kind.empty(), cx.lang());
            return exit_code::usage;
        }
    }
    if (format == Format::xlsx)
        return emit_workbook(cx, opt.output, [&](const std::string& path) { return write_summary_xlsx(doc, so, path); });
    if (format == Format::html)
        return cx.emit_streamed(opt.output, [&](const auto& write) { stream_summary_html(doc, so, write); });
    return cx.emit(opt.output, format == Format::text ? render_summary_text(doc, so) : render_summary_markdown(doc, so));
}

}  // namespace

void add_summary(CLI::App& app, Context& cx, int& status) {
    const Lang l = cx.help_lang;
    auto opt = std::make_shared<SummaryCliOptions>();
    auto* sub = app.add_subcommand("summary", describe(l, "The portfolio, or one neighbourhood, partner, agreement or strategy", "De portefeuille, of één buurt, partner, afspraak of buurtstrategie"));
    sub->add_option("entity", opt->entity, describe(l, "[neighbourhood|partner|agreement|strategy] ID (the kind may be left out when the id is unique)", "[neighbourhood|partner|agreement|strategy] ID (de soort mag weg als de id uniek is)"))
        ->expected(0, 2)
        ->type_name("[KIND] ID");
    sub->add_option("-f,--format", opt->format, describe(l, "Output format: text, markdown, csv, json, html or xlsx", "Formaat van de uitvoer: text, markdown, csv, json, html of xlsx"))->type_name("FORMAT");
    sub->add_option("-o,--output", opt->output, describe(l, "Write to FILE (atomically); its extension picks the format", "Schrijf naar BESTAND (nooit half geschreven); de extensie kiest het formaat"))
        ->type_name("FILE");
    sub->add_option("--table", opt->table,
                    describe(l, "Only this table (csv: which one; json: spending). Portfolio: neighbourhoods, watchlist, agreements, "
                    "spending, provisions, commitments, evaluations, liveability; entities: see wijk-summary(1)", "Alleen deze tabel (csv: welke; json: spending). Portefeuille: neighbourhoods, watchlist, agreements, "
                                "spending, provisions, commitments, evaluations, liveability; per record: zie wijk-summary(1)"))
        ->type_name("NAME");
    sub->add_option("--csv", opt->csv, describe(l, "CSV dialect: rfc4180 or excel-nl (default from wijk.yaml)", "CSV-dialect: rfc4180 of excel-nl (standaard uit wijk.yaml)"))->type_name("DIALECT");
    sub->add_flag("--contacts", opt->contacts, describe(l, "Show contact persons and evaluation participants (personal data)", "Toon contactpersonen en deelnemers aan evaluaties (persoonsgegevens)"));
    sub->callback([opt, &cx, &status] { status = run_summary(*opt, cx); });
}

}  // namespace wijk
