// wijk reminders: what needs attention from the as-of date up to the horizon.
#include <CLI/CLI.hpp>

#include <fmt/format.h>
#include <filesystem>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/common/help.h"
#include "cli/context.h"
#include "cli/common/reminders_email.h"
#include "cli/common/xlsx_output.h"
#include "render/reminders_xlsx.h"
#include "model/enums.h"
#include "model/i18n.h"
#include "model/suggest.h"
#include "render/reminders.h"
#include "render/reminders_ics.h"
#include "report/reminders.h"

namespace wijk {

namespace {

struct RemindersOptions {
    std::optional<std::string> format;
    std::optional<std::string> output;
    std::optional<std::string> within;
    std::vector<std::string> owners, partners, neighbourhoods, kinds;
    std::optional<std::string> group_by;
    bool check = false;
    EmailDelivery email;  // --format email: --out DIR, --sendmail CMD
};

// " (did you mean 'x'?)" in the output language, or nothing; short names such as the formats
// want a distance of 1 ('csv' is no typo of 'ics')
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates,
                         Lang lang, std::size_t max_distance = 2) {
    return did_you_mean_aside(suggest(word, candidates, max_distance), lang);
}

// A filter value that matches no record is a typo far more often than an intention: say so
// (exit 2) rather than print an empty list that looks like "nothing to do".
bool known_ids(const std::vector<std::string>& wanted, const std::vector<std::string>& known,
               std::string_view option, std::string_view en_what, std::string_view nl_what, Lang lang) {
    for (const auto& w : wanted) {
        if (std::find(known.begin(), known.end(), w) != known.end()) continue;
        print_error(msg(lang, "{}: there is no {} '{}'{}", "{}: er is geen {} '{}'{}", option, tr(lang, en_what, nl_what), w,
                        did_you_mean(w, known, lang)));
        return false;
    }
    return true;
}

int run_reminders(const RemindersOptions& opt, Context& cx) {
    if (!cx.resolve_globals()) return exit_code::usage;
    const auto chosen = cx.choose_format(opt.format, opt.output, "reminders");
    if (!chosen) return exit_code::usage;
    const Format format = *chosen;
    if (auto s = check_email_options(format == Format::email, opt.email, opt.output.has_value(), cx.lang())) return *s;
    std::optional<Duration> within;
    if (opt.within) {
        within = parse_duration(*opt.within);
        if (within && too_long(*within)) {
            print_error(msg(cx.lang(), "--within: '{}' is longer than 100 years", "--within: '{}' is langer dan 100 jaar", *opt.within));
            return exit_code::usage;
        }
        if (!within) {
            print_error(msg(cx.lang(), "--within: '{}' is not a duration such as '90 days', '6 months' or '1y'",
                            "--within: '{}' is geen duur zoals '90 dagen', '6 maanden' of '1 jaar'", *opt.within));
            return exit_code::usage;
        }
    }
    if (opt.group_by && *opt.group_by != "owner") {
        print_error(msg(cx.lang(), "--group-by: '{}' is not one of: owner", "--group-by: '{}' is niet een van: owner",
                        *opt.group_by));
        return exit_code::usage;
    }
    ReminderOptions ro;
    for (const auto& k : opt.kinds) {
        auto i = index_of(k, reminder_kind_names);
        if (!i) {
            const std::string kinds = fmt::format("{}", fmt::join(reminder_kind_names, ", "));
            print_error(msg(cx.lang(), "--kind: '{}' is not one of: {}{}", "--kind: '{}' is niet een van: {}{}", k, kinds,
                            did_you_mean_aside(suggest(k, reminder_kind_names), cx.lang())));
            return exit_code::usage;
        }
        ro.kinds.insert(static_cast<ReminderKind>(*i));
    }

    Loaded loaded;
    const Text refused = format == Format::email ? Text("no messages written or sent", "geen berichten geschreven of verstuurd")
                                           : Text("no reminders shown", "geen herinneringen getoond");
    if (auto status = cx.load_valid(loaded, refused)) return *status;
    loaded.repo().release_liveability();  // checked; no reminder is about a liveability record
    const Repository& repo = loaded.repo();

    // The ids a filter may name, listed only for a filter that is given.
    auto partners = [&] {
        std::vector<std::string> out;
        for (const auto& p : repo.partners)
            if (p.id) out.emplace_back(*p.id);
        return out;
    };
    auto neighbourhoods = [&] {
        std::vector<std::string> out;
        for (const auto& n : repo.neighbourhoods)
            if (n.id) out.emplace_back(*n.id);
        return out;
    };
    auto owners = [&] {
        std::vector<std::string> out;
        for (const auto& s : repo.config.staff)
            if (s.id) out.emplace_back(*s.id);
        for (const auto& a : repo.agreements)
            if (a.owner) out.emplace_back(*a.owner);
        return out;
    };
    if ((!opt.partners.empty() && !known_ids(opt.partners, partners(), "--partner", "partner", "partner", cx.lang())) ||
        (!opt.neighbourhoods.empty() &&
         !known_ids(opt.neighbourhoods, neighbourhoods(), "--neighbourhood", "neighbourhood", "buurt", cx.lang())) ||
        (!opt.owners.empty() && !known_ids(opt.owners, owners(), "--owner", "owner", "eigenaar", cx.lang())))
        return exit_code::usage;

    ro.as_of = cx.as_of;
    ro.horizon = reminder_horizons(repo.config, within);
    ro.owners.insert(opt.owners.begin(), opt.owners.end());
    ro.partners.insert(opt.partners.begin(), opt.partners.end());
    ro.neighbourhoods.insert(opt.neighbourhoods.begin(), opt.neighbourhoods.end());
    const Reminders reminders = compute_reminders(repo, ro);
    // --kind decide without a lead would look like "no decision is due"
    if (ro.kinds.count(ReminderKind::decide) && !repo.config.reminders_lead && !cx.global.quiet)
        print_error(msg(cx.lang(), "--kind decide: there are no decide reminders without reminders.lead in wijk.yaml "
                        "(e.g. lead: 6 weeks)",
                        "--kind decide: zonder reminders.lead in wijk.yaml zijn er geen besluitherinneringen "
                        "(bijv. lead: 6 weken)"));

    ReminderReport report;
    report.as_of = cx.as_of;
    report.horizon = default_horizon(repo.config, within);
    report.horizons = ro.horizon;
    report.config = &repo.config;
    report.reminders = &reminders;
    report.group_by_owner = opt.group_by.has_value();
    report.lang = cx.lang();  // --lang, else wijk.yaml's language, as loaded
    report.width = text_width(!opt.output);
    report.root_name = std::filesystem::path(repo.root).filename().string();

    if (format == Format::email) {
        int delivered = deliver_reminder_emails(report, opt.email, cx.global.quiet, report.lang);
        if (delivered != exit_code::ok) return delivered;
        return opt.check && any_overdue(reminders) ? exit_code::data_errors : exit_code::ok;
    }
    const bool color = !opt.output && cx.color_for(STDOUT_FILENO);
    int written = format == Format::xlsx ? emit_workbook(cx, opt.output, [&](const std::string& path) {
        return write_reminders_xlsx(report, cx.lang(), path);
    }) : cx.emit_streamed(opt.output, [&](const auto& write) {
        if (format == Format::text) stream_reminders_text(report, color, write);
        else if (format == Format::markdown) stream_reminders_markdown(report, write);
        else if (format == Format::json) stream_reminders_json(report, write);
        else stream_reminders_ics(report, report.lang, write);
    });
    if (written != exit_code::ok) return written;
    return opt.check && any_overdue(reminders) ? exit_code::data_errors : exit_code::ok;
}

}  // namespace

void add_reminders(CLI::App& app, Context& cx, int& status) {
    const Lang l = cx.help_lang;
    auto opt = std::make_shared<RemindersOptions>();
    auto* sub = app.add_subcommand("reminders", describe(l, "List notice deadlines, renewals, expiries, evaluations and strategy ends ahead", "Toon wat eraan komt: opzegtermijnen die aflopen, verlengingen, einddatums, evaluaties en buurtstrategieën die eindigen"));
    sub->add_option("-f,--format", opt->format, describe(l, "Output format: text, markdown, json, ics, xlsx or email", "Formaat van de uitvoer: text, markdown, json, ics, xlsx of email"))->type_name("FORMAT");
    sub->add_option("-o,--output", opt->output, describe(l, "Write to FILE (atomically); its extension picks the format", "Schrijf naar BESTAND (nooit half geschreven); de extensie kiest het formaat"))
        ->type_name("FILE");
    sub->add_option("--within", opt->within, describe(l, "Look this far ahead for every kind (e.g. '90 days', '6 months')", "Kijk zo ver vooruit, voor elke soort (bijv. '90 dagen', '6 maanden')"))
        ->type_name("DURATION");
    sub->add_option("--owner", opt->owners, describe(l, "Only reminders about agreements this staff member owns (repeatable)", "Alleen herinneringen over afspraken waarvan deze medewerker eigenaar is (herhaalbaar)"))
        ->type_name("ID")->delimiter(',')->allow_extra_args(false);
    sub->add_option("--partner", opt->partners, describe(l, "Only reminders about agreements with this partner (repeatable)", "Alleen herinneringen over afspraken met deze partner (herhaalbaar)"))
        ->type_name("ID")->delimiter(',')->allow_extra_args(false);
    sub->add_option("--neighbourhood", opt->neighbourhoods, describe(l, "Only reminders that concern this neighbourhood (repeatable)", "Alleen herinneringen die deze buurt aangaan (herhaalbaar)"))
        ->type_name("ID")->delimiter(',')->allow_extra_args(false);
    sub->add_option("--kind", opt->kinds,
                    describe(l, "Only this kind: decide, notice, renewal, expiry, evaluation or strategy-end (repeatable)", "Alleen deze soort: decide, notice, renewal, expiry, evaluation of strategy-end (herhaalbaar)"))
        ->type_name("KIND")->delimiter(',')->allow_extra_args(false);
    sub->add_option("--group-by", opt->group_by, describe(l, "Group the text output by owner", "Groepeer de tekstuitvoer per eigenaar"))->type_name("owner");
    sub->add_option("--out", opt->email.out_dir, describe(l, "With --format email: write DIR/OWNER.eml, one message per owner", "Met --format email: schrijf MAP/EIGENAAR.eml, één bericht per eigenaar"))
        ->type_name("DIR");
    sub->add_option("--sendmail", opt->email.sendmail,
                    describe(l, "With --format email: pipe each message to CMD, a sendmail-compatible command", "Met --format email: geef elk bericht aan OPDRACHT, een programma dat werkt als sendmail"))
        ->type_name("CMD");
    sub->add_flag("--check", opt->check, describe(l, "Exit with status 1 when any reminder is overdue", "Eindig met status 1 als een herinnering te laat is"));
    sub->callback([opt, &cx, &status] { status = run_reminders(*opt, cx); });
}

}  // namespace wijk
