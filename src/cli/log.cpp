// wijk log agreement|partner|neighbourhood|strategy ID: the commits that changed one record.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/common/revisions.h"
#include "history/record_log.h"
#include "load/workspace.h"
#include "model/calendar.h"
#include "model/i18n.h"
#include "model/suggest.h"
#include "render/escape.h"
#include "render/history.h"

namespace wijk {

namespace {

struct LogCliOptions {
    std::string entity;
    std::string id;
    std::optional<std::string> since, until;
    std::optional<std::size_t> max_count;
    std::optional<std::string> format;
    std::optional<std::string> output;
};

constexpr std::pair<std::string_view, std::string_view> log_entities[] = {
    {"agreement", "agreements"}, {"partner", "partners"}, {"neighbourhood", "neighbourhoods"}, {"strategy", "strategies"}};

bool valid_date_option(const std::optional<std::string>& value, std::string_view option, Lang lang) {
    if (!value || parse_date(*value)) return true;
    print_error(msg(lang, "{}: '{}' is not a date in the form YYYY-MM-DD", "{}: '{}' is geen datum in de vorm JJJJ-MM-DD",
                    option, terminal_safe(*value)));
    return false;
}

// "no commit holds agreement 'x'; did you mean 'y'?": the ids of the start commit, loaded only
// when the record was never found.
void report_never_found(const std::shared_ptr<GitRepository>& repo, const std::string& root, const GitId& start,
                        const std::string& start_name, const std::string& collection, const std::string& entity,
                        const std::string& id, Lang lang) {
    static constexpr std::pair<std::string_view, std::string_view> dutch[] = {
        {"agreement", "afspraak"}, {"partner", "partner"}, {"neighbourhood", "buurt"}, {"strategy", "buurtstrategie"}};
    std::string_view entity_nl = entity;
    for (const auto& [en, nl] : dutch)
        if (en == entity) entity_nl = nl;
    std::string text = msg(lang, "no commit in the history of {} holds {} '{}'", "geen commit in de geschiedenis van {} bevat {} '{}'",
                           terminal_safe(start_name), lang == Lang::nl ? entity_nl : std::string_view(entity), terminal_safe(id));
    Text why;
    if (auto tree = GitTreeSource::at_commit(repo, root, start, start_name, why)) {
        WorkspaceOptions options;
        Workspace ws(std::shared_ptr<const FileSource>(std::move(tree)), options);
        ws.load();
        const Repository& r = ws.repository();
        std::vector<std::string> ids = collection == "agreements"   ? ids_of(r.agreements)
                                       : collection == "partners"   ? ids_of(r.partners)
                                       : collection == "strategies" ? ids_of(r.strategies)
                                                                    : ids_of(r.neighbourhoods);
        if (auto s = suggest(id, ids, 3)) text += "; " + did_you_mean(*s).in(lang);
    }
    print_error(text);
}

int run_log(const LogCliOptions& opt, Context& cx) {
    if (!cx.resolve_globals()) return exit_code::usage;
    const Lang early = cx.forced_lang.value_or(Lang::en);
    std::string_view collection;
    for (const auto& [entity, c] : log_entities)
        if (entity == opt.entity) collection = c;
    if (collection.empty()) {
        std::string text = msg(early, "'{}' is not one of: agreement, partner, neighbourhood, strategy",
                               "'{}' is niet een van: agreement, partner, neighbourhood, strategy", terminal_safe(opt.entity));
        static const std::vector<std::string> names{"agreement", "partner", "neighbourhood", "strategy"};
        if (auto s = suggest(opt.entity, names)) text += "; " + did_you_mean(*s).in(early);
        print_error(text);
        return exit_code::usage;
    }
    const auto chosen = cx.choose_format(opt.format, opt.output, "log");
    if (!chosen) return exit_code::usage;
    const Format format = *chosen;
    if (!valid_date_option(opt.since, "--since", early) || !valid_date_option(opt.until, "--until", early))
        return exit_code::usage;
    if (opt.since && opt.until && *opt.since > *opt.until) {
        print_error(msg(early, "--since {} is after --until {}", "--since {} ligt na --until {}", *opt.since, *opt.until));
        return exit_code::usage;
    }
    int status = exit_code::ok;
    auto start_at = open_history(cx, "log", status);
    if (!start_at) return status;
    const std::string& root = start_at->root;
    const Lang lang = start_at->lang;
    const std::shared_ptr<GitRepository>& repo = start_at->repo;
    const std::string start_name = cx.global.rev.value_or("HEAD");
    GitId start;
    Text why;
    switch (repo->resolve(start_name, start, why)) {
        case GitRepository::Resolved::commit: break;
        case GitRepository::Resolved::unborn:
            print_error(msg(lang, "log: {}", "log: {}", why));
            return exit_code::data_errors;
        default: {
            // the messages and statuses of an unknown revision, as --rev gives them everywhere
            auto tree = open_revision(repo, root, start_name, "--rev", lang, status);
            if (!tree) return status;
            return exit_code::internal;
        }
    }
    LogQuery query;
    query.collection = std::string(collection);
    query.id = opt.id;
    query.since = opt.since;
    query.until = opt.until;
    query.limit = opt.max_count;
    LogResult result;
    if (!opt.max_count || *opt.max_count > 0) {
        auto prefix = repo->prefix_of(root);
        if (!record_log(*repo, start, prefix.value_or(""), query, result, why)) {
            print_error(msg(lang, "log: {}", "log: {}", why));
            return exit_code::io;
        }
        if (!result.found) {
            report_never_found(repo, root, start, start_name, query.collection, opt.entity, opt.id, lang);
            return exit_code::data_errors;
        }
    }
    LogReport report;
    report.collection = query.collection;
    report.id = opt.id;
    report.entries = &result.entries;
    report.since = opt.since;
    report.until = opt.until;
    HistoryStyle style;
    style.lang = lang;
    style.color = !opt.output && cx.color_for(STDOUT_FILENO);
    style.width = text_width(!opt.output);
    std::string text = format == Format::json       ? render_log_json(report, style)
                       : format == Format::markdown ? render_log_markdown(report, style)
                                              : render_log_text(report, style);
    return cx.emit(opt.output, text);
}

}  // namespace

void add_log(CLI::App& app, Context& cx, int& status) {
    auto opt = std::make_shared<LogCliOptions>();
    auto* sub = app.add_subcommand("log", "The commits that changed one record, newest first, with the fields they changed");
    sub->add_option("entity", opt->entity, "agreement, partner, neighbourhood or strategy")->required()->type_name("ENTITY");
    sub->add_option("id", opt->id, "The record's id")->required()->type_name("ID");
    sub->add_option("--since", opt->since, "Only commits dated on or after this day")->type_name("YYYY-MM-DD");
    sub->add_option("--until", opt->until, "Only commits dated on or before this day")->type_name("YYYY-MM-DD");
    sub->add_option("-n,--max-count", opt->max_count, "At most N commits (the newest)")->type_name("N");
    sub->add_option("-f,--format", opt->format, "Output format: text, markdown or json")->type_name("FORMAT");
    sub->add_option("-o,--output", opt->output, "Write the report to FILE (atomically)")->type_name("FILE");
    sub->callback([opt, &cx, &status] { status = run_log(*opt, cx); });
}

}  // namespace wijk
