#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace xiuhua::indicators {

enum class Direction { Higher, Lower, Exact };  // which way is better
enum class Nature { Binding, Expected, Unstated };  // 约束性 / 预期性 / 未注明 (the plan marks nothing)

// What the target asks for (resources/catalogs/README.md, target_kind).
enum class TargetKind {
  Level,        // a level to reach by the target year (a rate, a density, a stock): its path needs a baseline
  PeriodTotal,  // a total achieved during the plan period (新建, 累计): 0 at the period's start
  Annual,       // each year's increment reaches the target (up to targetMax), summed over the period
  YearlyCount   // a count to reach every year (每年至少 …), summed over the period
};

// How values are obtained: entered (or imported) by hand, or computed by a spatial metric.
struct Method {
  enum class Kind { Entered, Spatial };
  Kind kind = Kind::Entered;
  QString metric;  // spatial: one of spatialMetrics()
};

// The years a plan covers, as the plan states them (2021–2025, 2024–2026).
struct PlanPeriod {
  int first = 0;
  int last = 0;
  bool isValid() const { return first > 0 && last >= first; }
  int years() const { return isValid() ? last - first + 1 : 0; }
};

// An analyst's answer to a row's doubt, recorded in the project's audit (indicators confirm).
struct Confirmation {
  QString unit;   // the unit confirmed (the row's unit from then on)
  QString basis;  // the population basis confirmed, for a per-capita row
  QString author;
  QString reason;
  QDateTime time;  // UTC
};

// One indicator of a plan's catalog. Numbers are in `unit`.
struct Indicator {
  QString code;        // stable, unique within the catalog
  QString category;    // the plan's grouping, e.g. 三个美丽
  QString nameZh;
  QString nameEn;
  QString unit;        // one of knownUnits()
  Direction direction = Direction::Higher;
  Nature nature = Nature::Unstated;
  PlanPeriod period;   // invalid when the catalog does not give it
  std::optional<int> baselineYear;
  std::optional<double> baselineValue;
  QString baselineSource;  // where the baseline stands: the plan's words, or who entered it
  int targetYear = 0;
  std::optional<double> targetValue;  // absent for a purely qualitative target; an annual range's lower end
  std::optional<double> targetMax;    // an annual range's upper end (年均5公里到10公里)
  QString targetText;                 // the plan's wording: 完成市级下达目标, 90%以上, 力争前三 …
  TargetKind targetKind = TargetKind::Level;
  QString scope;            // the area the target is set for (嘉定新城); empty: the whole district
  QString populationBasis;  // 户籍 or 常住, for a per-capita figure
  QString doubt;            // what is doubtful about the row; empty: nothing
  QString doubtEvidence;    // the plan's words that raise it
  QString doubtUnit;        // the unit the row probably means
  std::optional<Confirmation> confirmation;  // the analyst's answer to the doubt
  QStringList responsible;  // 责任单位 / 牵头单位
  QString dataSource;
  Method method;
  QString breakdown;                  // 街镇, 网格 or empty
  std::optional<double> warningThreshold;  // progress % below which the indicator is 滞后
  QString planRef;                    // where the plan states it
  QString quote;                      // the plan's own words

  bool isQualitative() const { return !targetValue.has_value(); }
  bool isPerYear() const { return targetKind == TargetKind::Annual || targetKind == TargetKind::YearlyCount; }
  // A doubt no analyst has answered yet: the status reads 待确认.
  bool isUnconfirmed() const { return !doubt.isEmpty() && !confirmation.has_value(); }
  // A count, length or area (个, 公里, 万平方米 …): the district's value is the sum of its
  // sub-units', so a sub-unit's value is its part of the total and is not judged against the
  // district's target. A share, density, per-capita figure or score (%, X/Y, 分) is.
  bool isSummedOverArea() const;
};

// The units a catalog may use (see resources/catalogs/README.md).
const QStringList& knownUnits();
// The spatial engine's metrics a catalog's method may name (spatial:<metric>).
const QStringList& spatialMetrics();

QString natureName(Nature nature);          // 约束性 / 预期性 / 未注明 (as the plans write it)
QString targetKindCode(TargetKind kind);    // level / period_total / annual / yearly_count
std::optional<TargetKind> targetKindFromCode(const QString& code);
QString targetKindName(TargetKind kind);    // translated
// The target as the plan states it, for tables: "90 % · 2025", "5–10 公里 a year · 2021–2025",
// "1 个 every year · 2021–2025", with the plan's words and the scope (嘉定新城) where they add to it.
QString targetSummary(const Indicator& indicator);

}  // namespace xiuhua::indicators
