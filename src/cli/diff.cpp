// wijk diff [REV [REV2]]: the records that differ between two states of the repository.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/common/revisions.h"
#include "history/state_diff.h"
#include "model/i18n.h"
#include "render/escape.h"
#include "render/history.h"
#include "source/disk_source.h"
#include "source/git_index_source.h"

namespace wijk {

namespace {

struct DiffCliOptions {
    std::vector<std::string> revisions;
    bool staged = false;
    std::optional<std::string> format;
    std::optional<std::string> output;
};

DiffSide side_of(const GitTreeSource& tree) {
    DiffSide s;
    s.kind = DiffSide::Kind::commit;
    s.revision = tree.revision();
    if (!tree.commit().empty()) s.commit = tree.commit().hex();
    return s;
}

}  // namespace

int run_diff(const DiffCliOptions& opt, Context& cx) {
    if (!cx.resolve_globals()) return exit_code::usage;
    Lang early = cx.forced_lang.value_or(Lang::en);
    const auto chosen = cx.choose_format(opt.format, opt.output, "diff");
    if (!chosen) return exit_code::usage;
    const Format format = *chosen;
    if (cx.global.rev) {
        print_error(msg(early, "--rev does not apply to diff: name the revisions to compare, wijk diff REV [REV2]",
                        "--rev geldt niet voor diff: noem de revisies om te vergelijken, wijk diff REV [REV2]"));
        return exit_code::usage;
    }
    if (opt.staged && opt.revisions.size() == 2) {
        print_error(msg(early, "--staged compares a revision with the index: give at most one revision",
                        "--staged vergelijkt een revisie met de index: geef hooguit een revisie"));
        return exit_code::usage;
    }
    int status = exit_code::ok;
    auto start_at = open_history(cx, "diff", status);
    if (!start_at) return status;
    const std::string& root = start_at->root;
    const Lang lang = start_at->lang;
    const std::shared_ptr<GitRepository>& repo = start_at->repo;
    const bool default_head = opt.revisions.empty();
    auto before = open_revision(repo, root, default_head ? std::string("HEAD") : opt.revisions[0], "diff", lang,
                                status, default_head);
    if (!before) return status;
    std::shared_ptr<const FileSource> after;
    DiffReport report;
    report.before = side_of(*before);
    if (opt.revisions.size() == 2) {
        auto tree = open_revision(repo, root, opt.revisions[1], "diff", lang, status);
        if (!tree) return status;
        report.after = side_of(*tree);
        after = std::move(tree);
    } else if (opt.staged) {
        Text why;
        auto index = GitIndexSource::open(repo, root, why);
        if (!index) {
            print_error(msg(lang, "diff --staged: {}: {}", "diff --staged: {}: {}", why, terminal_safe(root)));
            return exit_code::io;
        }
        report.after.kind = DiffSide::Kind::index;
        after = std::move(index);
    } else {
        report.after.kind = DiffSide::Kind::working_tree;
        after = std::make_shared<DiskSource>(root);
    }
    RecordDiff diff = diff_states(*before, *after);
    report.diff = &diff;
    HistoryStyle style;
    style.lang = lang;
    style.color = !opt.output && cx.color_for(STDOUT_FILENO);
    style.width = text_width(!opt.output);
    std::string text = format == Format::json       ? render_diff_json(report, style)
                       : format == Format::markdown ? render_diff_markdown(report, style)
                                              : render_diff_text(report, style);
    return cx.emit(opt.output, text);  // 0 whether or not records differ
}

void add_diff(CLI::App& app, Context& cx, int& status) {
    auto opt = std::make_shared<DiffCliOptions>();
    auto* sub = app.add_subcommand("diff", "The records that differ between two states: HEAD and the working tree, or the revisions given");
    sub->add_option("revisions", opt->revisions, "REV: compare it with the working tree; REV REV2: compare two revisions")
        ->expected(0, 2)
        ->type_name("REV");
    sub->add_flag("--staged", opt->staged, "Compare HEAD (or REV) with the git index: what is being committed");
    sub->add_option("-f,--format", opt->format, "Output format: text, markdown or json")->type_name("FORMAT");
    sub->add_option("-o,--output", opt->output, "Write the report to FILE (atomically)")->type_name("FILE");
    sub->callback([opt, &cx, &status] { status = run_diff(*opt, cx); });
}

}  // namespace wijk
