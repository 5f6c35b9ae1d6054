// wijk summary as data: the portfolio, or one neighbourhood, partner, agreement or strategy,
// as of a date (commands.md "wijk summary"). Pure functions, no formatting.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/records.h"
#include "model/terms.h"
#include "report/spending.h"

namespace wijk {

// One year of a neighbourhood's liveability: the lowest class and the lowest score among that
// year's records, any source (the watchlist looks for the worst).
// 16 bytes: one per neighbourhood and year in a portfolio (112,000 at bench scale 1).
struct LiveabilityYear {
    int year = 0;
    Opt<int> klass;
    Opt<double> score;
};

enum class StrategyStatus { upcoming, active, ended };
StrategyStatus strategy_status_on(const Strategy& s, const Date& t);
std::string_view name(StrategyStatus s);

// The most urgent thing ahead for an agreement: the first reminder `wijk reminders` would give
// for it with no limit on the horizon (next_reminder of report/reminders.h).
struct Deadline {
    Date date;
    ReminderKind kind;  // notice, renewal, expiry or evaluation
    bool overdue = false;
};

struct AgreementRow {
    const Agreement* agreement = nullptr;
    Status status = Status::active;
    std::optional<Date> term_end;         // current term end, nullopt when it runs on
    std::optional<Date> notice_deadline;  // of term_end, when notice can stop it there
    std::optional<Deadline> next;         // most urgent thing ahead (an overdue one first)
    Money value_per_year;                 // also of agreements not counted: see counted()
    double space_m2 = 0;
    // In the totals (active or terminating on the as-of date): its value is shown only then.
    bool counted() const { return status == Status::active || status == Status::terminating; }
};

// By next date (undated last), then id: the order of every agreement list of the summary.
void sort_by_next(std::vector<AgreementRow>& rows);

struct NeighbourhoodRow {
    const Neighbourhood* neighbourhood = nullptr;
    std::vector<LiveabilityYear> history;  // by year, ascending
    std::optional<LiveabilityYear> latest, previous;
    int active_agreements = 0;  // active or terminating on the as-of date
    const Strategy* strategy = nullptr;  // active on the as-of date, covering it
    const Strategy* planned = nullptr;   // upcoming, covering it
    bool watch = false;
};

struct EvaluationCounts {
    int year = 0;
    int due = 0, done = 0;
    int decisions[3] = {0, 0, 0};  // continue, adjust, stop
};

struct Totals {
    int neighbourhoods = 0, partners = 0, strategies_active = 0;
    int agreements[4] = {0, 0, 0, 0};  // by Status
    double space_m2 = 0;
    Money value_per_year;
};

// The watchlist threshold: wijk.yaml's watch.max_class and/or watch.max_score; when neither is
// given, max_class 3 (onvoldoende or worse).
struct WatchRule {
    std::optional<int> max_class;
    std::optional<double> max_score;
};
WatchRule watch_rule(const Config& c);
bool on_watch(const WatchRule& rule, const std::optional<LiveabilityYear>& latest);

struct Portfolio {
    Date as_of;
    std::string organisation;
    Totals totals;
    std::vector<NeighbourhoodRow> neighbourhoods;  // reading order
    std::vector<const NeighbourhoodRow*> watchlist;  // worst first: class, score, id
    std::vector<AgreementRow> agreements;          // sort_by_next
    EvaluationCounts evaluations;
    std::optional<Spending> spending;              // when asked for: compute_spending

};

struct NeighbourhoodDetail {
    Date as_of;
    NeighbourhoodRow row;
    std::vector<const Liveability*> records;  // by year, then reading order
    std::vector<const Strategy*> strategies;  // covering it, by start
    std::vector<AgreementRow> agreements;     // covering it, sort_by_next
    std::vector<const Partner*> partners;     // that list it, or have an agreement there
};

struct PartnerDetail {
    Date as_of;
    const Partner* partner = nullptr;
    std::vector<AgreementRow> agreements;        // sort_by_next
    std::vector<const Evaluation*> evaluations;  // of its agreements, by agreement order then year
    std::vector<const Strategy*> strategies;     // that name it as partner
};

struct AgreementDetail {
    Date as_of;
    AgreementRow row;
    const Partner* partner = nullptr;
    const Strategy* strategy = nullptr;
    std::vector<NeighbourhoodRow> neighbourhoods;
    std::vector<const Evaluation*> evaluations;  // by year
    std::optional<Date> evaluation_next;         // first due date on or after the as-of date
    std::optional<Date> evaluation_last_due;     // latest due date before the as-of date
    bool last_due_done = false;                  // evaluated for that due date's year
};

struct StrategyDetail {
    Date as_of;
    const Strategy* strategy = nullptr;
    StrategyStatus status = StrategyStatus::active;
    std::vector<NeighbourhoodRow> neighbourhoods;
    std::vector<AgreementRow> agreements;  // that serve it, sort_by_next
    std::vector<const Partner*> partners;  // listed partners
};

// The value of one provision per year (commands.md: value_per_year, else amount_per_year, else
// percent x rent_per_year of the agreement's space provisions, else nothing), in whole cents.
Money provision_value(const Provision& p, const Agreement& a);
Money agreement_value(const Agreement& a);
double agreement_space_m2(const Agreement& a);

std::vector<LiveabilityYear> liveability_history(const Repository& repo, std::string_view id);
AgreementRow agreement_row(const Repository& repo, const Agreement& a, const Date& t);
NeighbourhoodRow neighbourhood_row(const Repository& repo, const Neighbourhood& n, const Date& t);

Portfolio summarise_portfolio(const Repository& repo, const Date& t);
NeighbourhoodDetail summarise_neighbourhood(const Repository& repo, const Neighbourhood& n, const Date& t);
PartnerDetail summarise_partner(const Repository& repo, const Partner& p, const Date& t);
AgreementDetail summarise_agreement(const Repository& repo, const Agreement& a, const Date& t);
StrategyDetail summarise_strategy(const Repository& repo, const Strategy& s, const Date& t);

}  // namespace wijk
