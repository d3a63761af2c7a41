// The catalog audit of a project (ValueStore): doubts confirmed and baselines entered by analysts,
// and the sub-units outside the area a target is set for.
#include "xiuhua/indicators/indicator_json.h"
#include "xiuhua/indicators/value_store.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cmath>

namespace xiuhua::indicators {
namespace {

const char* kindName(CatalogDecision::Kind kind) { return kind == CatalogDecision::Kind::Confirm ? "confirm" : "baseline"; }

gis::Error refused(const QString& message) { return gis::Error{gis::ErrorCode::InvalidArgument, message}; }

QString tr(const char* text) { return QCoreApplication::translate("ValueStore", text); }

}  // namespace

void applyDecision(Indicator& ind, const CatalogDecision& d) {
  if (d.kind == CatalogDecision::Kind::Confirm) {
    if (!d.unit.isEmpty()) ind.unit = d.unit;
    if (!d.basis.isEmpty()) ind.populationBasis = d.basis;
    ind.confirmation = Confirmation{ind.unit, ind.populationBasis, d.author, d.reason, d.time};
    return;
  }
  // A baseline the catalog itself gives (a newer catalog imported, a target edited) is the plan's:
  // an analyst's earlier one does not replace it.
  if (ind.baselineValue) return;
  ind.baselineYear = d.baselineYear;
  ind.baselineValue = d.baselineValue;
  ind.baselineSource = d.author.isEmpty() ? d.source : QStringLiteral("%1（%2）").arg(d.source, d.author);
}

gis::Result<Indicator> ValueStore::definition(const QString& code) {
  auto rows = mDb->query(QStringLiteral("SELECT definition FROM xh_indicators WHERE code = ?"), {code});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return refused(tr("%1: no such indicator in the project.").arg(code));
  return indicatorFromJson(QJsonDocument::fromJson(rows->front()[0].toString().toUtf8()).object());
}

gis::Status ValueStore::confirmIndicator(const QString& code, const QString& unit, const QString& basis, const QString& reason,
                                         const QString& author) {
  auto ind = definition(code);
  if (!ind.ok()) return ind.error();
  if (ind->doubt.isEmpty()) return refused(tr("%1: the catalog has no doubt about this row, so there is nothing to confirm.").arg(code));
  if (reason.trimmed().isEmpty()) return refused(tr("%1: say why the row is confirmed (a reason is required).").arg(code));
  if (!unit.isEmpty() && !knownUnits().contains(unit)) {
    return refused(tr("%1: unknown unit \"%2\" (allowed: %3).").arg(code, unit, knownUnits().join(QLatin1Char(' '))));
  }
  if (!basis.isEmpty() && basis != QStringLiteral("户籍") && basis != QStringLiteral("常住")) {
    return refused(tr("%1: the population basis is 户籍 or 常住, not \"%2\".").arg(code, basis));
  }
  CatalogDecision d;
  d.code = code;
  d.kind = CatalogDecision::Kind::Confirm;
  d.unit = unit;  // none given: the unit stays as it is (also one confirmed before)
  d.basis = basis;
  d.reason = reason.trimmed();
  d.author = author;
  return addDecision(d);
}

gis::Status ValueStore::setBaseline(const QString& code, int year, double value, const QString& source, const QString& author) {
  auto ind = definition(code);
  if (!ind.ok()) return ind.error();
  if (source.trimmed().isEmpty()) return refused(tr("%1: a baseline needs its source (where the figure comes from).").arg(code));
  if (!std::isfinite(value)) return refused(tr("%1: the baseline is not a number.").arg(code));
  if (year >= ind->targetYear) return refused(tr("%1: the baseline year %2 is not before the target year %3.").arg(code).arg(year).arg(ind->targetYear));
  if (ind->baselineValue) {
    return refused(tr("%1: the plan gives the baseline (%2); it is not replaced.")
                       .arg(code, ind->baselineSource.isEmpty() ? QString::number(*ind->baselineValue) : ind->baselineSource));
  }
  CatalogDecision d;
  d.code = code;
  d.kind = CatalogDecision::Kind::Baseline;
  d.baselineYear = year;
  d.baselineValue = value;
  d.source = source.trimmed();
  d.author = author;
  return addDecision(d);
}

gis::Status ValueStore::addDecision(const CatalogDecision& d) {
  auto r = mDb->query(QStringLiteral("INSERT INTO xh_catalog_decisions(code, kind, unit, basis, baseline_year, baseline_value, "
                                     "source, reason, author, time) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {d.code, QString::fromLatin1(kindName(d.kind)), d.unit, d.basis,
                       d.baselineYear ? QVariant(*d.baselineYear) : QVariant(), d.baselineValue ? QVariant(*d.baselineValue) : QVariant(),
                       d.source, d.reason, d.author, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
  if (!r.ok()) return r.error();
  return {};
}

gis::Result<std::vector<CatalogDecision>> ValueStore::decisions(const QString& code) {
  auto rows = mDb->query(QStringLiteral("SELECT id, code, kind, unit, basis, baseline_year, baseline_value, source, reason, author, time "
                                        "FROM xh_catalog_decisions WHERE ? = '' OR code = ? ORDER BY id"),
                         {code, code});
  if (!rows.ok()) return rows.error();
  std::vector<CatalogDecision> out;
  for (const auto& r : rows.value()) {
    CatalogDecision d;
    d.id = r[0].toLongLong();
    d.code = r[1].toString();
    d.kind = r[2].toString() == QLatin1String("baseline") ? CatalogDecision::Kind::Baseline : CatalogDecision::Kind::Confirm;
    d.unit = r[3].toString();
    d.basis = r[4].toString();
    if (!r[5].isNull()) d.baselineYear = r[5].toInt();
    if (!r[6].isNull()) d.baselineValue = r[6].toDouble();
    d.source = r[7].toString();
    d.reason = r[8].toString();
    d.author = r[9].toString();
    d.time = QDateTime::fromString(r[10].toString(), Qt::ISODateWithMs);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace xiuhua::indicators

namespace xiuhua::indicators {

gis::Status ValueStore::setNotApplicable(const QString& code, const QString& level, const QStringList& subunits, const QString& scope) {
  if (gis::Status s = mDb->beginWrite(); !s) return s;
  auto cleared = mDb->query(QStringLiteral("DELETE FROM xh_not_applicable WHERE code = ? AND level = ?"), {code, level});
  if (!cleared.ok()) {
    mDb->rollback();
    return cleared.error();
  }
  for (const QString& subunit : subunits) {
    auto r = mDb->query(QStringLiteral("INSERT INTO xh_not_applicable(code, level, subunit, scope) VALUES(?, ?, ?, ?) "
                                       "ON CONFLICT(code, level, subunit) DO UPDATE SET scope = excluded.scope"),
                        {code, level, subunit, scope});
    if (!r.ok()) {
      mDb->rollback();
      return r.error();
    }
  }
  return mDb->commit();
}

gis::Result<std::set<QString>> ValueStore::notApplicable(const QString& code, const QString& level) {
  auto rows = mDb->query(QStringLiteral("SELECT subunit FROM xh_not_applicable WHERE code = ? AND (? = '' OR level = ?)"),
                         {code, level, level});
  if (!rows.ok()) return rows.error();
  std::set<QString> out;
  for (const auto& r : rows.value()) out.insert(r[0].toString());
  return out;
}

}  // namespace xiuhua::indicators
