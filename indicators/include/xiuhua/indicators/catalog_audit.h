#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/indicator.h"
#include "xiuhua/indicators/value_store.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace xiuhua::indicators {

// One thing the plan leaves open (or doubtful) about a catalog row, for an analyst to work through.
struct AuditItem {
  QString kind;        // nature_unstated, no_baseline, baseline_entered, doubt, scope, annual, yearly_count,
                       // population_basis, qualitative, no_quote, no_period
  QString text;        // translated: what it means and what to do
  bool open = false;   // needs an analyst (a doubt not confirmed, no baseline, a missing quote …)
};

struct AuditRow {
  Indicator indicator;                   // with the audit's decisions applied
  std::vector<AuditItem> items;
  std::vector<CatalogDecision> decisions;  // oldest first
};

// What is open or doubtful about one row (its decisions already applied to it).
std::vector<AuditItem> auditIndicator(const Indicator& indicator, const std::vector<CatalogDecision>& decisions = {});
// Every row of the project's catalog, in catalog order, with its items and decisions.
gis::Result<std::vector<AuditRow>> catalogAudit(ValueStore& store);
QJsonObject auditRowToJson(const AuditRow& row);

}  // namespace xiuhua::indicators
