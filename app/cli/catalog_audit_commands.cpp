#include "cli/catalog_audit_commands.h"

#include "cli/cli_args.h"
#include "xiuhua/indicators/catalog_audit.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace xiuhua::cli {
namespace {

int audit(indicators::ValueStore& store, const QStringList& args, QTextStream& out, QTextStream& err) {
  auto rows = indicators::catalogAudit(store);
  if (!rows.ok()) {
    err << "xiuhua-cli: " << rows.error().message << "\n";
    return 1;
  }
  int open = 0;
  QJsonArray list;
  for (const indicators::AuditRow& row : rows.value()) {
    const QJsonObject json = indicators::auditRowToJson(row);
    open += json.value(QStringLiteral("open")).toInt();
    list.append(json);
    if (flag(args, QStringLiteral("--json")) || row.items.empty()) continue;
    out << row.indicator.code << "\t" << row.indicator.nameZh << "\t" << indicators::targetSummary(row.indicator) << "\n";
    for (const indicators::AuditItem& item : row.items) out << (item.open ? "  ! " : "    ") << item.text << "\n";
  }
  if (flag(args, QStringLiteral("--json"))) {
    out << QJsonDocument(QJsonObject{{QStringLiteral("project"), store.path()},
                                     {QStringLiteral("open"), open},
                                     {QStringLiteral("indicators"), list}})
               .toJson();
  } else {
    out << QCoreApplication::translate("Cli", "%1 rows, %2 open items (marked !)").arg(list.size()).arg(open) << "\n";
  }
  return 0;
}

int confirm(indicators::ValueStore& store, const QStringList& args, QTextStream& out, QTextStream& err) {
  const QString code = option(args, QStringLiteral("--code"));
  if (code.isEmpty() || option(args, QStringLiteral("--reason")).isEmpty()) {
    err << "usage: xiuhua-cli indicators confirm --project FILE --code CODE [--unit UNIT] [--basis 户籍|常住] --reason TEXT "
           "[--author NAME]\n";
    return 2;
  }
  auto values = store.history(code);
  if (gis::Status s = store.confirmIndicator(code, option(args, QStringLiteral("--unit")), option(args, QStringLiteral("--basis")),
                                             option(args, QStringLiteral("--reason")), option(args, QStringLiteral("--author")));
      !s) {
    err << "xiuhua-cli: " << s.error().message << "\n";
    return 1;
  }
  auto catalog = store.catalog();
  const indicators::Indicator* ind = catalog.ok() ? catalog->find(code) : nullptr;
  out << QCoreApplication::translate("Cli", "%1 confirmed: %2").arg(code, ind != nullptr ? indicators::targetSummary(*ind) : QString()) << "\n";
  if (values.ok() && !values->empty()) {
    out << QCoreApplication::translate("Cli", "note: its %1 stored values are read in %2 from now on").arg(values->size()).arg(ind != nullptr ? ind->unit : QString())
        << "\n";
  }
  return 0;
}

int baseline(indicators::ValueStore& store, const QStringList& args, QTextStream& out, QTextStream& err) {
  const QString code = option(args, QStringLiteral("--code"));
  bool yearOk = false;
  bool valueOk = false;
  const int year = option(args, QStringLiteral("--year")).toInt(&yearOk);
  const double value = option(args, QStringLiteral("--value")).toDouble(&valueOk);
  if (code.isEmpty() || !yearOk || !valueOk || option(args, QStringLiteral("--source")).isEmpty()) {
    err << "usage: xiuhua-cli indicators baseline --project FILE --code CODE --year YEAR --value V --source TEXT [--author NAME]\n";
    return 2;
  }
  if (gis::Status s = store.setBaseline(code, year, value, option(args, QStringLiteral("--source")), option(args, QStringLiteral("--author")));
      !s) {
    err << "xiuhua-cli: " << s.error().message << "\n";
    return 1;
  }
  out << QCoreApplication::translate("Cli", "%1: baseline %2 (%3) recorded").arg(code).arg(value).arg(year) << "\n";
  return 0;
}

}  // namespace

bool isCatalogAuditCommand(const QString& sub) {
  return sub == QLatin1String("audit") || sub == QLatin1String("confirm") || sub == QLatin1String("baseline");
}

int runCatalogAudit(const QString& sub, indicators::ValueStore& store, const QStringList& args, QTextStream& out, QTextStream& err) {
  if (sub == QLatin1String("audit")) return audit(store, args, out, err);
  if (sub == QLatin1String("confirm")) return confirm(store, args, out, err);
  return baseline(store, args, out, err);
}

}  // namespace xiuhua::cli
