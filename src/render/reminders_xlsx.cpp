#include "render/reminders_xlsx.h"

#include "model/i18n.h"
#include "render/labels.h"
#include "render/xlsx.h"

namespace wijk {

std::string write_reminders_xlsx(const ReminderReport& report, Lang lang, const std::string& path) {
    const Reminders& list = *report.reminders;
    std::string title = msg(lang, "Reminders as of {}", "Herinneringen per {}", to_string(report.as_of));
    XlsxWorkbook wb(path, lang, title, report.as_of);
    wb.sheet(tr(lang, "Reminders", "Herinneringen"));
    wb.header({std::string(tr(lang, "Date", "Datum")), std::string(tr(lang, "What", "Wat")),
               std::string(tr(lang, "Overdue", "Te laat")), std::string(tr(lang, "Days", "Dagen")),
               std::string(tr(lang, "Agreement", "Afspraak")), std::string(tr(lang, "Title", "Titel")),
               std::string(tr(lang, "Partner", "Partner")), std::string(tr(lang, "Partner name", "Naam partner")),
               std::string(tr(lang, "Neighbourhoods", "Buurten")), std::string(tr(lang, "Owner", "Eigenaar")),
               std::string(tr(lang, "Strategy", "Strategie")), std::string(tr(lang, "Term end", "Einde termijn")),
               std::string(tr(lang, "Evaluation year", "Evaluatiejaar")), std::string(tr(lang, "Summary", "Samenvatting")),
               std::string(tr(lang, "What it means", "Wat het betekent"))},
              list.size());
    for (const Reminder& r : list) {
        wb.row();
        wb.date(r.date);
        wb.text(reminder_kind_label(r.kind, lang));
        wb.text(r.overdue ? tr(lang, "yes", "ja") : tr(lang, "no", "nee"));
        wb.integer(r.days);
        wb.text(r.agreement);
        wb.text(r.title);
        wb.text(r.partner);
        wb.text(r.partner_name);
        std::string hoods;
        for (auto n : r.neighbourhoods) hoods += (hoods.empty() ? "" : " ") + std::string(n);
        wb.text(hoods);
        wb.text(r.owner);
        wb.text(r.strategy);
        if (r.term_end) wb.date(*r.term_end);
        else wb.blank();
        if (r.kind == ReminderKind::evaluation && r.evaluation_year) wb.integer(r.evaluation_year);
        else wb.blank();
        wb.text(reminder_summary(r, lang));
        wb.text(reminder_message(r, lang));
    }
    return wb.close();
}

}  // namespace wijk
