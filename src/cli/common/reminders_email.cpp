#include "cli/common/reminders_email.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <system_error>

#include "cli/context.h"
#include "io/command.h"
#include "io/output.h"
#include "model/enums.h"
#include "model/i18n.h"
#include "render/escape.h"
#include "render/reminders_email.h"

namespace wijk {

namespace {

namespace fs = std::filesystem;

// wijk.yaml's reminders.from and reminders.fallback (data-format.md section 4): read here only.
std::optional<std::string> configured_from(const Config& c) {
    if (!c.reminders_from) return std::nullopt;
    return std::string(*c.reminders_from);
}
std::optional<std::string> configured_fallback(const Config& c) {
    if (!c.reminders_fallback) return std::nullopt;
    return std::string(*c.reminders_fallback);
}

std::string_view id_of(const Reminder& r) { return r.kind == ReminderKind::strategy_end ? r.strategy : r.agreement; }

std::string who(const ReminderEmail& m) {
    std::string name = m.owner.empty() ? std::string("reminders.fallback") : m.owner;
    return terminal_safe(fmt::format("{} <{}>", name, m.to.address));
}

// A file that an earlier run wrote: OWNER.eml or _fallback.eml, a regular file (not a link),
// whose header has wijk's field. Anything else in DIR is the user's and stays.
bool written_by_wijk(const fs::directory_entry& entry) {
    std::error_code ec;
    if (!entry.is_regular_file(ec) || entry.is_symlink(ec)) return false;
    const std::string name = entry.path().filename().string();
    if (name.size() < 5 || name.substr(name.size() - 4) != ".eml") return false;
    const std::string stem = name.substr(0, name.size() - 4);
    bool id_shaped = !stem.empty() && stem.size() <= 64 && stem[0] != '-';
    for (char c : stem) id_shaped = id_shaped && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
    if (!id_shaped && stem != "_fallback") return false;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string head(64 * 1024, '\0');
    in.read(head.data(), std::streamsize(head.size()));
    head.resize(std::size_t(in.gcount()));
    const std::size_t end = std::min(head.find("\r\n\r\n"), head.find("\n\n"));
    if (end != std::string::npos) head.resize(end);
    std::string field = std::string(wijk_message_field) + ":";
    std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    std::transform(field.begin(), field.end(), field.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return head.rfind(field, 0) == 0 || head.find("\n" + field) != std::string::npos;
}

int write_messages(const ReminderEmails& emails, const std::string& dir, bool quiet, Lang lang) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        print_error(msg(lang, "--out: cannot create folder {}: {}", "--out: kan map {} niet maken: {}",
                        terminal_safe(dir), ec.message()));
        return exit_code::io;
    }
    int status = exit_code::ok;
    std::set<std::string> current;
    std::string listing;
    for (const auto& m : emails.messages) {
        const std::string path = (fs::path(dir) / (m.name + ".eml")).string();
        current.insert(m.name + ".eml");
        OutputFile file(path);
        file.write(m.message);
        if (WriteResult r = file.finish(); !r.ok) {
            print_error(msg(lang, "cannot write {}: the message to {} was not written",
                            "kan {} niet schrijven: het bericht aan {} is niet geschreven", terminal_safe(r.error),
                            who(m)));
            status = exit_code::io;
            continue;
        }
        listing += path + "\n";
    }
    // last week's list must not be sent again: remove what wijk wrote for owners with nothing now
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (current.count(name) || !written_by_wijk(entry)) continue;
        std::error_code rm;
        fs::remove(entry.path(), rm);
        if (rm) {
            print_error(msg(lang, "cannot remove the old message {}: {}", "kan het oude bericht {} niet verwijderen: {}",
                            terminal_safe(entry.path().string()), rm.message()));
            status = exit_code::io;
        } else if (!quiet) {
            print_error(msg(lang, "removed {}: this list has nothing for it", "{} verwijderd: deze lijst heeft niets voor die ontvanger",
                            terminal_safe(entry.path().string())));
        }
    }
    if (ec) {
        print_error(msg(lang, "--out: cannot read folder {}: {}", "--out: kan map {} niet lezen: {}", terminal_safe(dir),
                        ec.message()));
        status = exit_code::io;
    }
    if (WriteResult r = write_stdout(listing); !r.ok) {
        print_error(msg(lang, "cannot write {}", "kan {} niet schrijven", r.error));
        return exit_code::io;
    }
    return status;
}

std::string failure_text(const CommandResult& r, long seconds, Lang lang) {
    using O = CommandResult::Outcome;
    switch (r.outcome) {
        case O::ok: return {};
        case O::not_started: return msg(lang, "could not be started: {}", "kon niet starten: {}", r.detail);
        case O::exit_status: return msg(lang, "exited with status {}", "eindigde met status {}", r.status);
        case O::signal: return msg(lang, "was ended by signal {}", "werd beëindigd door signaal {}", r.status);
        case O::timed_out:
            return msg(lang, "did not finish within {} seconds and was stopped (WIJK_SENDMAIL_TIMEOUT)",
                       "was niet binnen {} seconden klaar en is gestopt (WIJK_SENDMAIL_TIMEOUT)", seconds);
        case O::input_unread:
            return std::string(tr(lang, "stopped reading the message before its end", "las het bericht niet tot het einde"));
        case O::write_error: return msg(lang, "could not be given the message: {}", "kreeg het bericht niet: {}", r.detail);
    }
    return {};
}

int send_messages(const ReminderEmails& emails, const std::string& command, bool quiet, Lang lang) {
    // WIJK_SENDMAIL_TIMEOUT: seconds one message may take (default 300)
    long seconds = 300;
    if (const char* v = std::getenv("WIJK_SENDMAIL_TIMEOUT"); v && *v) {
        char* end = nullptr;
        long n = std::strtol(v, &end, 10);
        if (end && *end == '\0' && n > 0) seconds = n;
    }
    std::vector<std::string> failed;
    for (const auto& m : emails.messages) {
        // a mail program reads lines that end in "\n" (sendmail(1)); the files keep CRLF
        std::string lf;
        lf.reserve(m.message.size());
        for (std::size_t from = 0; from < m.message.size();) {
            std::size_t crlf = m.message.find("\r\n", from);
            if (crlf == std::string::npos) crlf = m.message.size();
            lf.append(m.message, from, crlf - from);
            if (crlf < m.message.size()) lf += '\n';
            from = crlf + 2;
        }
        CommandResult r = pipe_to_command(command, lf,
                                          {{"WIJK_TO", m.to.address}, {"WIJK_OWNER", m.owner.empty() ? "_fallback" : m.owner}},
                                          std::chrono::seconds(seconds));
        if (r.ok()) continue;
        failed.push_back(who(m));
        print_error(msg(lang, "--sendmail: the message to {} was not sent: the command {}",
                        "--sendmail: het bericht aan {} is niet verstuurd: de opdracht {}", who(m), failure_text(r, seconds, lang)));
    }
    if (!failed.empty()) {
        print_error(msg(lang, "{} of {} messages not sent; these did not get their reminders: {}",
                        "{} van {} berichten niet verstuurd; deze ontvangers kregen hun herinneringen niet: {}", failed.size(),
                        emails.messages.size(), fmt::join(failed, ", ")));
        return exit_code::io;
    }
    if (!quiet)
        print_error(emails.messages.size() == 1 ? std::string(tr(lang, "1 message sent", "1 bericht verstuurd"))
                                                 : msg(lang, "{} messages sent", "{} berichten verstuurd", emails.messages.size()));
    return exit_code::ok;
}

}  // namespace

std::optional<int> check_email_options(bool email_format, const EmailDelivery& d, bool output_given, Lang lang) {
    if (!email_format) {
        if (d.out_dir || d.sendmail) {
            print_error(msg(lang, "{} is for --format email", "{} hoort bij --format email", d.out_dir ? "--out" : "--sendmail"));
            return exit_code::usage;
        }
        return std::nullopt;
    }
    if (output_given) {
        print_error(msg(lang, "--format email writes one message per owner: use --out DIR or --sendmail CMD, not -o",
                        "--format email schrijft een bericht per eigenaar: gebruik --out MAP of --sendmail OPDRACHT, niet -o"));
        return exit_code::usage;
    }
    if (d.out_dir && d.sendmail) {
        print_error(msg(lang, "--out and --sendmail cannot be combined: the messages are written or sent",
                        "--out en --sendmail gaan niet samen: de berichten worden geschreven of verstuurd"));
        return exit_code::usage;
    }
    if (!d.out_dir && !d.sendmail) {
        print_error(msg(lang,
                        "--format email needs --out DIR (one .eml file per owner) or --sendmail CMD (e.g. "
                        "--sendmail '/usr/sbin/sendmail -t -oi')",
                        "--format email heeft --out MAP (een .eml-bestand per eigenaar) of --sendmail OPDRACHT nodig "
                        "(bijvoorbeeld --sendmail '/usr/sbin/sendmail -t -oi')"));
        return exit_code::usage;
    }
    if ((d.out_dir && d.out_dir->empty()) || (d.sendmail && d.sendmail->find_first_not_of(" \t") == std::string::npos)) {
        print_error(msg(lang, "{}: the value is empty", "{}: de waarde is leeg", d.out_dir ? "--out" : "--sendmail"));
        return exit_code::usage;
    }
    return std::nullopt;
}

int deliver_reminder_emails(const ReminderReport& report, const EmailDelivery& d, bool quiet, Lang lang) {
    const Config empty;
    const Config& config = report.config ? *report.config : empty;
    const auto from_text = configured_from(config);
    if (!from_text) {
        print_error(msg(lang,
                        "--format email needs the sender's address: add 'from: ADDRESS' under 'reminders:' in wijk.yaml",
                        "--format email heeft het adres van de afzender nodig: zet 'from: ADRES' onder 'reminders:' in "
                        "wijk.yaml"));
        return exit_code::usage;
    }
    MailSetup setup;
    if (auto m = mime::parse_mailbox(*from_text)) {
        setup.from = *m;
    } else {
        print_error(msg(lang, "reminders.from in wijk.yaml: '{}' is not an e-mail address such as wijk@example.nl",
                        "reminders.from in wijk.yaml: '{}' is geen e-mailadres zoals wijk@example.nl",
                        terminal_safe(*from_text)));
        return exit_code::usage;
    }
    if (const auto fallback = configured_fallback(config)) {
        auto m = mime::parse_mailbox(*fallback);
        if (!m) {
            print_error(msg(lang, "reminders.fallback in wijk.yaml: '{}' is not an e-mail address such as wijkteam@example.nl",
                            "reminders.fallback in wijk.yaml: '{}' is geen e-mailadres zoals wijkteam@example.nl",
                            terminal_safe(*fallback)));
            return exit_code::usage;
        }
        setup.fallback = *m;
    }

    const ReminderEmails emails = render_reminder_emails(report, setup, lang);
    for (const auto& u : emails.unreachable) {
        if (quiet && setup.fallback) continue;
        const std::string where = setup.fallback ? std::string(tr(lang, "they go to reminders.fallback", "ze gaan naar reminders.fallback"))
                                                 : std::string(tr(lang, "they are listed below", "ze staan hieronder"));
        if (u.address.empty())
            print_error(msg(lang, "owner '{}' has no e-mail address under staff in wijk.yaml: {}",
                            "eigenaar '{}' heeft geen e-mailadres bij staff in wijk.yaml: {}", terminal_safe(u.owner), where));
        else
            print_error(msg(lang, "owner '{}' has e-mail '{}', which is not an address wijk can send to: {}",
                            "eigenaar '{}' heeft e-mail '{}', geen adres waar wijk naar kan sturen: {}",
                            terminal_safe(u.owner), terminal_safe(single_line(u.address)), where));
    }
    if (!emails.undelivered.empty()) {
        // these reach no one by mail: say so even under --quiet, they are the week's work too
        print_error(msg(lang,
                        "{} reminder(s) have no owner with an e-mail address and wijk.yaml names no reminders.fallback; "
                        "they are not in any message:",
                        "{} herinnering(en) hebben geen eigenaar met e-mailadres en wijk.yaml noemt geen "
                        "reminders.fallback; ze staan in geen enkel bericht:",
                        emails.undelivered.size()));
        for (const Reminder* r : emails.undelivered) {
            std::string line = fmt::format("  {}  {}  {}", to_string(r->date), name(r->kind), id_of(*r));
            line += r->owner.empty() ? std::string(tr(lang, "  (no owner)", "  (geen eigenaar)"))
                                     : msg(lang, "  (owner: {})", "  (eigenaar: {})", r->owner);
            if (r->overdue) line += std::string(tr(lang, "  overdue", "  te laat"));
            line = terminal_safe(line) + "\n";
            std::fwrite(line.data(), 1, line.size(), stderr);
        }
    }
    if (d.out_dir) return write_messages(emails, *d.out_dir, quiet, lang);
    return send_messages(emails, *d.sendmail, quiet, lang);
}

}  // namespace wijk
