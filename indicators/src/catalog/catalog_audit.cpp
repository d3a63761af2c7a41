#include "xiuhua/indicators/catalog_audit.h"

#include "xiuhua/indicators/progress.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace xiuhua::indicators {
namespace {

// Its own class, so that lupdate files the messages under the context they are looked up by.
struct CatalogAudit {
  Q_DECLARE_TR_FUNCTIONS(CatalogAudit)
};
QString number(double v) { return QLocale().toString(v, 'g', 6); }

void addBaselineItems(const Indicator& ind, const std::vector<CatalogDecision>& decisions, std::vector<AuditItem>& items) {
  const CatalogDecision* entered = nullptr;
  for (const CatalogDecision& d : decisions) {
    if (d.kind == CatalogDecision::Kind::Baseline) entered = &d;
  }
  if (entered != nullptr) {
    items.push_back({QStringLiteral("baseline_entered"),
                     CatalogAudit::tr("Baseline %1 %2 (%3) entered by %4: %5")
                         .arg(number(*entered->baselineValue), ind.unit)
                         .arg(*entered->baselineYear)
                         .arg(entered->author, entered->source),
                     false});
    return;
  }
  if (ind.isQualitative() || ind.isPerYear() || pathStart(ind)) return;
  items.push_back({QStringLiteral("no_baseline"),
                   CatalogAudit::tr("The plan gives no baseline: progress shows the value and its distance to the target, without an expected "
                      "path or an on-track status (无基期值). Add a baseline with its source: xiuhua-cli indicators baseline."),
                   true});
}

void addDoubtItems(const Indicator& ind, std::vector<AuditItem>& items) {
  if (ind.doubt.isEmpty()) return;
  QString text = CatalogAudit::tr("Doubt: %1").arg(ind.doubt);
  if (!ind.doubtEvidence.isEmpty()) text += CatalogAudit::tr(" The plan: “%1”.").arg(ind.doubtEvidence);
  if (!ind.doubtUnit.isEmpty()) text += CatalogAudit::tr(" Probably meant: %1.").arg(ind.doubtUnit);
  if (ind.confirmation) {
    text += CatalogAudit::tr(" Confirmed by %1 on %2 (unit %3%4): %5")
                .arg(ind.confirmation->author, QLocale().toString(ind.confirmation->time.toLocalTime().date(), QLocale::ShortFormat),
                     ind.confirmation->unit,
                     ind.confirmation->basis.isEmpty() ? QString() : CatalogAudit::tr(", population %1").arg(ind.confirmation->basis),
                     ind.confirmation->reason);
  } else {
    text += CatalogAudit::tr(" The status reads 待确认 until an analyst confirms it: xiuhua-cli indicators confirm.");
  }
  items.push_back({QStringLiteral("doubt"), text, !ind.confirmation});
}

void addKindItems(const Indicator& ind, std::vector<AuditItem>& items) {
  const QString period = ind.period.isValid() ? QStringLiteral("%1–%2").arg(ind.period.first).arg(ind.period.last) : CatalogAudit::tr("the plan period");
  if (ind.targetKind == TargetKind::Annual) {
    items.push_back({QStringLiteral("annual"),
                     CatalogAudit::tr("An annual target (%1): each year's value is that year's increment, judged year by year and summed over %2.")
                         .arg(targetSummary(ind), period),
                     false});
  }
  if (ind.targetKind == TargetKind::YearlyCount) {
    items.push_back({QStringLiteral("yearly_count"),
                     CatalogAudit::tr("A count to reach every year (%1): each year is judged on its own and the years summed over %2.")
                         .arg(targetSummary(ind), period),
                     false});
  }
  if (ind.isQualitative()) {
    items.push_back({QStringLiteral("qualitative"),
                     CatalogAudit::tr("A qualitative target (“%1”): its status is assessed by hand, with a reason.").arg(ind.targetText), false});
  }
}

}  // namespace

std::vector<AuditItem> auditIndicator(const Indicator& ind, const std::vector<CatalogDecision>& decisions) {
  std::vector<AuditItem> items;
  if (ind.nature == Nature::Unstated) {
    items.push_back({QStringLiteral("nature_unstated"),
                     CatalogAudit::tr("The plan does not mark the target 约束性 (binding) or 预期性 (expected)."), false});
  }
  addBaselineItems(ind, decisions, items);
  addDoubtItems(ind, items);
  if (!ind.scope.isEmpty()) {
    items.push_back({QStringLiteral("scope"),
                     CatalogAudit::tr("The target is set for %1 only: the project gives that area (a layer and a filter), its value is "
                        "computed inside it, and sub-units outside it read 不适用.").arg(ind.scope),
                     false});
  }
  if (ind.unit == QStringLiteral("平方米/人") || !ind.populationBasis.isEmpty()) {
    items.push_back({QStringLiteral("population_basis"),
                     ind.populationBasis.isEmpty() ? CatalogAudit::tr("A per-capita figure without its population basis (户籍 or 常住).")
                                                   : CatalogAudit::tr("Per person of the %1 population.").arg(ind.populationBasis),
                     ind.populationBasis.isEmpty()});
  }
  addKindItems(ind, items);
  if (ind.quote.isEmpty()) {
    items.push_back({QStringLiteral("no_quote"), CatalogAudit::tr("The row does not quote the plan's words (column quote)."), true});
  }
  if (!ind.period.isValid()) {
    items.push_back({QStringLiteral("no_period"), CatalogAudit::tr("The row does not give the plan period (column plan_period)."), true});
  }
  return items;
}

gis::Result<std::vector<AuditRow>> catalogAudit(ValueStore& store) {
  auto catalog = store.catalog();
  if (!catalog.ok()) return catalog.error();
  auto decisions = store.decisions();
  if (!decisions.ok()) return decisions.error();
  std::vector<AuditRow> rows;
  for (const Indicator& ind : catalog->indicators) {
    AuditRow row{ind, {}, {}};
    for (const CatalogDecision& d : decisions.value()) {
      if (d.code == ind.code) row.decisions.push_back(d);
    }
    row.items = auditIndicator(ind, row.decisions);
    rows.push_back(std::move(row));
  }
  return rows;
}

QJsonObject auditRowToJson(const AuditRow& row) {
  const Indicator& ind = row.indicator;
  QJsonArray items;
  int open = 0;
  for (const AuditItem& item : row.items) {
    items.append(QJsonObject{{QStringLiteral("kind"), item.kind}, {QStringLiteral("text"), item.text}, {QStringLiteral("open"), item.open}});
    open += item.open ? 1 : 0;
  }
  QJsonArray decisions;
  for (const CatalogDecision& d : row.decisions) {
    QJsonObject o{{QStringLiteral("kind"), d.kind == CatalogDecision::Kind::Confirm ? QStringLiteral("confirm") : QStringLiteral("baseline")},
                  {QStringLiteral("author"), d.author},
                  {QStringLiteral("time"), d.time.toString(Qt::ISODate)}};
    if (d.kind == CatalogDecision::Kind::Confirm) {
      o.insert(QStringLiteral("unit"), d.unit);
      o.insert(QStringLiteral("basis"), d.basis);
      o.insert(QStringLiteral("reason"), d.reason);
    } else {
      o.insert(QStringLiteral("baseline_year"), *d.baselineYear);
      o.insert(QStringLiteral("baseline_value"), *d.baselineValue);
      o.insert(QStringLiteral("source"), d.source);
    }
    decisions.append(o);
  }
  return {{QStringLiteral("code"), ind.code},
          {QStringLiteral("name"), ind.nameZh},
          {QStringLiteral("nature"), natureName(ind.nature)},
          {QStringLiteral("target"), targetSummary(ind)},
          {QStringLiteral("target_kind"), targetKindCode(ind.targetKind)},
          {QStringLiteral("scope"), ind.scope},
          {QStringLiteral("population_basis"), ind.populationBasis},
          {QStringLiteral("plan_ref"), ind.planRef},
          {QStringLiteral("quote"), ind.quote},
          {QStringLiteral("open"), open},
          {QStringLiteral("items"), items},
          {QStringLiteral("decisions"), decisions}};
}

}  // namespace xiuhua::indicators
