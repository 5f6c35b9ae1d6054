#include "report/reminders.h"

#include <algorithm>
#include <tuple>

#include "model/terms.h"

namespace wijk {

namespace {

bool in_window(const Date& d, const Date& from, const Date& to) { return d >= from && d <= to; }

std::vector<LeaseNote> leases_of(const Agreement& a) {
    std::vector<LeaseNote> out;
    for (const auto& p : a.we_provide) {
        if (!p.kind || *p.kind != ProvisionKind::space || !p.lease || *p.lease == Lease::loan) continue;
        out.push_back({text_or_empty(p.address), *p.lease, text_or_empty(p.lease_ref)});
    }
    return out;
}

// The latest evaluation of `id` whose date lies in (deadline - 12 months, deadline].
std::optional<RecentEvaluation> evaluated_before(const Repository& repo, std::string_view id,
                                                 const Date& deadline) {
    const Date from = add_months(deadline, -12);
    std::optional<RecentEvaluation> best;
    for (const Evaluation* ep : repo.evaluations_of(id)) {
        const Evaluation& e = *ep;
        if (!e.date) continue;
        if (!(*e.date > from && *e.date <= deadline)) continue;
        if (!best || *e.date > best->date)
            best = RecentEvaluation{*e.date, e.year.value_or(int(e.date->year())),
                                    e.decision.value_or(Decision::continue_)};
    }
    return best;
}


std::vector<std::string_view> ids(const std::vector<Field<std::string>>& fields) {
    std::vector<std::string_view> out;
    out.reserve(fields.size());
    for (const auto& f : fields)
        if (f) out.push_back(*f);
    return out;
}

// What every reminder about agreement `a` shares.
Reminder about(const Repository& repo, const Agreement& a, ReminderKind kind, const Date& date,
               const Date& t) {
    Reminder r;
    r.kind = kind;
    r.date = date;
    r.days = days_between(t, date);
    r.agreement = text_or_empty(a.id);
    r.strategy = text_or_empty(a.strategy);
    r.partner = text_or_empty(a.partner);
    if (a.partner)
        if (const Partner* p = repo.partner(*a.partner)) r.partner_name = text_or_empty(p->name);
    r.neighbourhoods = ids(a.neighbourhoods);
    r.owner = text_or_empty(a.owner);
    if (repo.config.staff_listed && a.owner)
        if (const StaffMember* s = repo.staff(*a.owner); s && s->email) r.owner_email = std::string_view(*s->email);
    r.title = text_or_empty(a.title);
    return r;
}

bool passes(const Reminder& r, const ReminderOptions& o) {
    if (!o.kinds.empty() && !o.kinds.count(r.kind)) return false;
    if (!o.owners.empty() && !o.owners.count(r.owner)) return false;
    if (!o.partners.empty() && !o.partners.count(r.partner)) return false;
    if (!o.neighbourhoods.empty() &&
        std::none_of(r.neighbourhoods.begin(), r.neighbourhoods.end(),
                     [&](std::string_view n) { return o.neighbourhoods.count(n) > 0; }))
        return false;
    return true;
}

// Which terms of a tacit agreement to look at: every one in the window, or (next_reminder) only
// the current term and the first whose notice deadline lies ahead: no later term can give an
// earlier reminder.
enum class Terms { in_window, first };

RecentEvaluation recent(const Evaluation& e) {
    return RecentEvaluation{e.date.value_or(Date{}), e.year.value_or(0), e.decision.value_or(Decision::continue_)};
}

void agreement_reminders(const Repository& repo, const Agreement& a, const ReminderOptions& o, Terms which,
                         Reminders& out) {
    const Date t = o.as_of;
    auto until = [&](ReminderKind k) { return add(t, o.horizon[static_cast<std::size_t>(k)]); };
    const std::string_view id = text_or_empty(a.id);
    // Before terminated.notice_given the agreement is what it would be without the block.
    const bool tacit = renews_tacitly(a, t);
    const bool indefinite = runs_on_indefinitely(a, t) && *a.end >= t;
    std::optional<Duration> lead;
    if (repo.config.reminders_lead) lead = *repo.config.reminders_lead;

    // decide, notice and renewal: the terms that go on by themselves unless notice is given.
    auto fill_term = [&](Reminder& r, long k, const Date& e) {
        r.term_end = e;
        r.indefinite = indefinite;
        r.notice_deadline = notice_deadline_of(a, e);
        if (a.notice) r.notice = *a.notice;
        if (tacit) {
            r.renewal_term = *a.renewal_term;
            r.next_term_end = term_end_of(a, k + 1);
        }
    };
    auto term = [&](long k, const Date& e) {
        const Date deadline = notice_deadline_of(a, e);
        // decide: D - lead, for a deadline still ahead, when within the horizon or passed
        if (lead && deadline >= t) {
            const Date day = subtract(deadline, *lead);
            if (day <= until(ReminderKind::decide)) {
                Reminder r = about(repo, a, ReminderKind::decide, day, t);
                fill_term(r, k, e);
                r.lead = *lead;
                r.overdue = day < t;
                r.evaluated = evaluated_before(repo, id, deadline);
                r.leases = leases_of(a);
                out.push_back(std::move(r));
            }
        }
        if (in_window(deadline, t, until(ReminderKind::notice))) {
            Reminder r = about(repo, a, ReminderKind::notice, deadline, t);
            fill_term(r, k, e);
            r.evaluated = evaluated_before(repo, id, deadline);
            r.leases = leases_of(a);
            out.push_back(std::move(r));
        }
        if (in_window(e, t, until(ReminderKind::renewal))) {
            Reminder r = about(repo, a, ReminderKind::renewal, e, t);
            fill_term(r, k, e);
            out.push_back(std::move(r));
        }
    };
    // A missed stop decision: the latest evaluation decided stop, no notice is recorded, and
    // the deadline of the current term E has passed (deadline < T <= E).
    auto missed = [&](long k, const Date& e) {
        const Date deadline = notice_deadline_of(a, e);
        if (deadline >= t) return;
        const Evaluation* last = latest_evaluation(repo, id);
        if (!last || !last->decision || *last->decision != Decision::stop) return;
        Reminder r = about(repo, a, ReminderKind::notice, deadline, t);
        fill_term(r, k, e);
        r.overdue = true;
        r.missed = true;
        r.evaluated = recent(*last);
        r.earliest_end = earliest_end_by_notice(a, t);
        if (tacit && r.earliest_end) r.next_deadline = notice_deadline_of(a, *r.earliest_end);
        r.leases = leases_of(a);
        out.push_back(std::move(r));
    };
    if (tacit) {
        const long k0 = first_term_ending_from(a, t);
        missed(k0, term_end_of(a, k0));
        if (which == Terms::first) {
            const long kd = first_term_with_deadline_from(a, t);
            term(k0, term_end_of(a, k0));
            if (kd != k0) term(kd, term_end_of(a, kd));
        } else {
            // Term ends, deadlines and decide days all grow with k: stop at the first term
            // whose every date lies past its horizon.
            const Date last_renewal = until(ReminderKind::renewal), last_notice = until(ReminderKind::notice);
            const std::optional<Date> last_decide = lead ? std::optional(add(until(ReminderKind::decide), *lead))
                                                         : std::nullopt;
            for (long k = k0;; ++k) {
                const Date e = term_end_of(a, k);
                const Date deadline = notice_deadline_of(a, e);
                if (e > last_renewal && deadline > last_notice && (!last_decide || deadline > *last_decide)) break;
                term(k, e);
            }
        }
    } else if (indefinite) {
        missed(0, *a.end);
        term(0, *a.end);
    }

    // expiry: it ends without anyone acting (renewal none, or terminated).
    if (auto last = final_day(a, t); last && in_window(*last, t, until(ReminderKind::expiry))) {
        Reminder r = about(repo, a, ReminderKind::expiry, *last, t);
        r.term_end = *last;
        if (const Termination* term_block = termination_on(a, t)) {
            r.terminated = true;
            r.terminated_by = term_block->by.value_or(TerminatedBy::association);
        }
        r.leases = leases_of(a);
        out.push_back(std::move(r));
    }

    // evaluation: D0 (the latest due date before T, overdue however long ago) and D1 (the first
    // on or after T, within the horizon); each when it runs on that day and is not evaluated.
    auto evaluation = [&](const Date& due, bool overdue) {
        const int year = int(due.year());
        if (!runs_on(a, due) || repo.evaluation_for(id, year)) return;
        Reminder r = about(repo, a, ReminderKind::evaluation, due, t);
        r.overdue = overdue;
        r.evaluation_year = year;
        out.push_back(std::move(r));
    };
    if (auto d0 = evaluation_due_before(a, repo.config, t)) evaluation(*d0, true);
    if (auto d1 = evaluation_due_from(a, repo.config, t); d1 && *d1 <= until(ReminderKind::evaluation))
        evaluation(*d1, false);
}

// The reminders' order: date, kind, agreement or strategy id, term end.
bool listed_before(const Reminder& x, const Reminder& y) {
    auto key = [](const Reminder& r) {
        return std::tuple(std::chrono::sys_days{r.date}, static_cast<int>(r.kind),
                          r.kind == ReminderKind::strategy_end ? r.strategy : r.agreement,
                          r.term_end ? std::chrono::sys_days{*r.term_end} : std::chrono::sys_days{});
    };
    return key(x) < key(y);
}

}  // namespace

std::array<Duration, reminder_kind_count> reminder_horizons(const Config& config,
                                                            const std::optional<Duration>& within) {
    std::array<Duration, reminder_kind_count> out{};
    const Duration fallback = default_horizon(config, within);
    auto own = [&](ReminderKind k) -> const Field<Duration>& {
        return config.horizon_by_kind[static_cast<std::size_t>(k)];
    };
    for (int k = 0; k < reminder_kind_count; ++k) {
        const auto kind = static_cast<ReminderKind>(k);
        // decide: its own horizon, else that of notice (the deadline it prepares for)
        const Field<Duration>& h = kind == ReminderKind::decide && !own(kind) ? own(ReminderKind::notice) : own(kind);
        out[static_cast<std::size_t>(k)] = within ? *within : h ? *h : fallback;
    }
    return out;
}

Duration default_horizon(const Config& config, const std::optional<Duration>& within) {
    if (within) return *within;
    if (config.horizon_default) return *config.horizon_default;
    return default_reminder_horizon;
}

Reminders compute_reminders(const Repository& repo, const ReminderOptions& o) {
    Reminders all;
    for (const auto& a : repo.agreements) agreement_reminders(repo, a, o, Terms::in_window, all);

    const Date until = add(o.as_of, o.horizon[static_cast<std::size_t>(ReminderKind::strategy_end)]);
    for (const auto& s : repo.strategies) {
        if (!s.end || !in_window(*s.end, o.as_of, until)) continue;
        Reminder r;
        r.kind = ReminderKind::strategy_end;
        r.date = *s.end;
        r.days = days_between(o.as_of, *s.end);
        r.strategy = text_or_empty(s.id);
        r.neighbourhoods = ids(s.neighbourhoods);
        r.title = text_or_empty(s.title);
        all.push_back(std::move(r));
    }

    std::erase_if(all, [&](const Reminder& r) { return !passes(r, o); });
    // (date, kind, id, term end) names one reminder, so a plain sort is as deterministic as a
    // stable one, without stable_sort's buffer of half the list
    std::sort(all.begin(), all.end(), listed_before);
    return all;
}

std::optional<Reminder> next_reminder(const Repository& repo, const Agreement& a, const Date& as_of) {
    ReminderOptions o;
    o.as_of = as_of;
    // Up to the last year the data can name: an expiry decades ahead is still the next thing.
    const long days = days_between(as_of, Date{std::chrono::year{2200} / 12 / 31}) + 1;
    o.horizon.fill(Duration{std::max(days, 0L), DurationUnit::days});
    Reminders found;
    agreement_reminders(repo, a, o, Terms::first, found);
    auto first = std::min_element(found.begin(), found.end(), listed_before);
    if (first == found.end()) return std::nullopt;
    return std::move(*first);
}

bool any_overdue(const Reminders& reminders) {
    return std::any_of(reminders.begin(), reminders.end(), [](const Reminder& r) { return r.overdue; });
}

}  // namespace wijk
