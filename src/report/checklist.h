// The yearly evaluation checklist (commands.md, wijk checklist): which agreements need an
// evaluation in a year, and what the people evaluating them need to know. No formatting here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/records.h"
#include "model/terms.h"

namespace wijk {

struct ChecklistOptions {
    int year = 0;
    Date as_of{};
    // Agreements asked for by id (--agreement); empty: every agreement that is due (see
    // select_due_agreements).
    std::vector<std::string> agreements;
    bool contacts = false;  // personal data (contacts, participants) may be shown
};

// One year's liveability class (and score) of a neighbourhood: the lowest over its records.
struct ClassInYear {
    int year = 0;
    std::optional<int> klass;
    std::optional<double> score;
};

struct LiveabilityTrend {
    const Neighbourhood* neighbourhood = nullptr;
    std::vector<ClassInYear> years;     // ascending, only years with a class or score
    std::optional<ClassInYear> base;    // the latest year with a class at or before the start year
    std::optional<ClassInYear> latest;  // the latest year with a class
    std::optional<int> change;          // latest class - base class
};

enum class DecideBy { due_date, notice_deadline };

struct ChecklistItem {
    const Agreement* agreement = nullptr;
    const Partner* partner = nullptr;
    const StaffMember* owner = nullptr;  // when wijk.yaml lists staff
    std::vector<const Neighbourhood*> neighbourhoods;
    // The due date in the year; none for an agreement asked for by id that has none.
    std::optional<Date> due;
    Date reference{};  // status and term are as of this day: the due date, else the as-of date
    Status status = Status::active;
    std::optional<Date> term_end;         // current term end as of `reference`
    std::optional<Date> notice_deadline;  // of term_end, when the agreement goes on without notice
    const Evaluation* last_year = nullptr;  // the evaluation for year - 1
    const Evaluation* this_year = nullptr;  // an evaluation for the year itself (asked for by id)
    std::vector<LiveabilityTrend> liveability;
    const Strategy* strategy = nullptr;
    std::optional<Date> decide_by;  // the earlier of the due date and the notice deadline
    DecideBy decide_by_reason = DecideBy::due_date;
    // [1.1] The notice deadline of term_end has passed on the as-of date: a stop now reaches
    // earliest_end (the end of the first term whose deadline lies ahead, or a notice period
    // from the as-of date for an agreement that runs on without a term), or, when the partner
    // agrees, mutual_end (the end of the term current on the as-of date).
    bool deadline_passed = false;
    std::optional<Date> earliest_end;
    std::optional<Date> earliest_end_deadline;  // the notice deadline of earliest_end (tacit)
    std::optional<Date> mutual_end;
    std::optional<Date> ends_on;  // deadline passed, and notice has been given since: its end
    const Evaluation* latest_before = nullptr;  // the latest evaluation for a year before `year`
    bool contacts = false;  // show partner contacts and participants
};

struct Checklist {
    int year = 0;
    Date as_of{};
    std::string organisation;
    std::vector<ChecklistItem> items;  // by due date (none last), then id
};

struct UnknownAgreement {
    std::string id;
    std::optional<std::string> suggestion;  // the closest existing id
};

// Every agreement active or terminating on its due date in `year` with no evaluation for it.
std::vector<const Agreement*> select_due_agreements(const Repository& repo, int year);
// The liveability classes of a neighbourhood over the years, and the change since `start`.
LiveabilityTrend liveability_trend(const Repository& repo, const Neighbourhood& n,
                                   const std::optional<Date>& start);
ChecklistItem checklist_item(const Repository& repo, const Agreement& a, int year,
                             const Date& as_of, bool contacts);
// The checklist; ids in options.agreements that are not agreements go to `unknown`.
Checklist build_checklist(const Repository& repo, const ChecklistOptions& options,
                          std::vector<UnknownAgreement>& unknown);

}  // namespace wijk
