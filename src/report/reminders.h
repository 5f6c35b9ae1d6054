// wijk reminders: what needs attention from the as-of date T up to T + horizon
// (commands.md, `wijk reminders`; the date rules of data-format.md section 5).
// Pure: repository + options -> sorted reminders. No formatting here.
#pragma once

#include <array>
#include <deque>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/records.h"

namespace wijk {

inline constexpr Duration default_reminder_horizon{90, DurationUnit::days};

struct ReminderOptions {
    Date as_of{};
    // The horizon of each kind, indexed by ReminderKind.
    std::array<Duration, reminder_kind_count> horizon{};
    // Filters: empty means all; several values of one filter: any of them; filters combine with AND.
    std::set<std::string, std::less<>> owners, partners, neighbourhoods;
    std::set<ReminderKind> kinds;
};

// The horizon per kind: --within for all kinds, else wijk.yaml's reminders.horizon for the kind,
// else its default, else 90 days.
std::array<Duration, reminder_kind_count> reminder_horizons(const Config& config,
                                                            const std::optional<Duration>& within);
// The horizon for kinds without one of their own (for the JSON `horizon_days`).
Duration default_horizon(const Config& config, const std::optional<Duration>& within);

// A space provision whose lease is a contract of its own (290 or 230a).
// Texts in a reminder are views of the text pool (model/text_pool.h), which lives as long as
// the process: a reminder list of 20,000 holds no copies of ids and titles.
struct LeaseNote {
    std::string_view address;
    Lease lease = Lease::art230a;
    std::string_view lease_ref;  // empty when not written
};

// The evaluation a notice reminder found in the twelve months before its deadline.
struct RecentEvaluation {
    Date date{};
    int year = 0;
    Decision decision = Decision::continue_;
};

struct Reminder {
    Date date{};
    ReminderKind kind = ReminderKind::notice;
    bool overdue = false;
    long days = 0;                      // date - T
    std::string_view agreement;         // empty for strategy-end
    std::string_view strategy;          // the strategy's id, or the agreement's strategy (may be empty)
    std::string_view partner;           // id; empty for strategy-end
    std::string_view partner_name;
    std::vector<std::string_view> neighbourhoods;
    std::string_view owner;             // empty when none
    std::optional<std::string_view> owner_email;  // when wijk.yaml lists staff and the owner has an e-mail
    std::string_view title;             // the agreement's or strategy's title

    // What the message needs.
    std::optional<Date> term_end;        // decide, notice, renewal, expiry: the end of the term it is about
    bool indefinite = false;             // notice, renewal: renewal: indefinite (goes on without end)
    std::optional<Duration> renewal_term;  // notice, renewal (tacit)
    std::optional<Date> next_term_end;   // notice, renewal (tacit): the end of the term after E
    std::optional<RecentEvaluation> evaluated;  // notice: latest evaluation in (deadline - 12 months, deadline]
    bool terminated = false;             // expiry: ends because of a `terminated` block
    TerminatedBy terminated_by = TerminatedBy::association;
    std::vector<LeaseNote> leases;       // expiry, notice: leases that do not end with the agreement
    int evaluation_year = 0;             // evaluation

    // [1.1] Added for every-term notices, missed stop decisions and decide-by reminders.
    std::optional<Date> notice_deadline;  // decide, notice: the notice deadline of term_end
    std::optional<Duration> notice;       // decide, notice: the notice period (none: the deadline is E)
    std::optional<Duration> lead;         // decide: reminders.lead
    // notice: the deadline has passed after a decision to stop with no notice recorded (then
    // overdue, dated on the missed deadline, `evaluated` the decision)
    bool missed = false;
    std::optional<Date> next_deadline;    // missed: the next notice deadline on or after T (tacit)
    std::optional<Date> earliest_end;     // missed: the earliest end notice given on T reaches
};

// A deque: a list of tens of thousands is never copied to grow, nor held twice.
using Reminders = std::deque<Reminder>;

Reminders compute_reminders(const Repository& repo, const ReminderOptions& options);

// The first reminder `compute_reminders` would give for `a` with no limit on the horizon and no
// filters, in its order (date, kind, term end: overdue ones lie before T, so they come first);
// nullopt when there is none. Looks at two terms at most (the current one, and the first whose
// notice deadline lies ahead), so it stays cheap for every agreement of a portfolio.
std::optional<Reminder> next_reminder(const Repository& repo, const Agreement& a, const Date& as_of);

// Any reminder overdue (for --check)?
bool any_overdue(const Reminders& reminders);

}  // namespace wijk
