#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace xiuhua::indicators {

enum class Direction { Higher, Lower, Exact };  // which way is better
enum class Nature { Binding, Expected };        // 约束性 / 预期性

// How values are obtained: entered (or imported) by hand, or computed by a spatial metric.
struct Method {
  enum class Kind { Entered, Spatial };
  Kind kind = Kind::Entered;
  QString metric;  // spatial: service_coverage, population_coverage, length, count, area_share, density
};

// One indicator of a plan's catalog. Numbers are in `unit`.
struct Indicator {
  QString code;        // stable, unique within the catalog
  QString category;    // the plan's grouping, e.g. 三个美丽
  QString nameZh;
  QString nameEn;
  QString unit;        // one of knownUnits()
  Direction direction = Direction::Higher;
  Nature nature = Nature::Expected;
  std::optional<int> baselineYear;
  std::optional<double> baselineValue;
  int targetYear = 0;
  std::optional<double> targetValue;  // absent for a purely qualitative target
  QString targetText;                 // the plan's wording: 完成市级下达目标, 90%以上, 力争前三 …
  QStringList responsible;            // 责任单位 / 牵头单位
  QString dataSource;
  Method method;
  QString breakdown;                  // 街镇, 网格 or empty
  std::optional<double> warningThreshold;  // progress % below which the indicator is 滞后
  QString planRef;                    // where the plan states it

  bool isQualitative() const { return !targetValue.has_value(); }
};

// The units a catalog may use (see resources/catalogs/README.md).
const QStringList& knownUnits();

}  // namespace xiuhua::indicators
