#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/gis/source_ref.h"
#include "xiuhua/indicators/metrics/coverage_what_if.h"
#include "xiuhua/indicators/metrics/metric_binding.h"

#include <QDateTime>
#include <QJsonObject>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace xiuhua::gis {
class Database;
}

namespace xiuhua::indicators {

// A what-if scenario a planner saved under a name, for an indicator and a year.
struct Scenario {
  qint64 id = 0;
  QString name;
  QString code;
  int year = 0;
  QDateTime created;  // UTC
  // The proposed facilities, copied into the project file (a layer of its own, metric CRS), so the
  // scenario no longer depends on the layer they were drawn or imported in; empty: none.
  QString proposedLayer;
  int proposed = 0;
  std::vector<qint64> removed;  // fids of the indicator's facility layer taken away
  QJsonObject result;           // the what-if as computed when saved (whatIfToJson)
  QDateTime promoted;           // when it was made real (invalid: not)

  std::optional<double> baseValue() const;
  std::optional<double> scenarioValue() const;
};

// The saved scenarios of a project, in the project file (its own SQLite connection, like
// ValueStore). Saving or discarding a scenario never touches the base layers.
class ScenarioStore {
 public:
  static gis::Result<std::unique_ptr<ScenarioStore>> open(const QString& projectPath);
  ~ScenarioStore();

  // Saves a computed what-if (run with result layers: its "proposed" and "taken_away" layers say
  // what the scenario changes). Names are unique per indicator and year.
  gis::Result<qint64> save(const QString& name, const QString& code, int year, const WhatIfResult& result);
  // The scenarios of an indicator for a year, oldest first.
  gis::Result<std::vector<Scenario>> list(const QString& code, int year);
  gis::Result<Scenario> get(qint64 id);
  // Discards a scenario: its record and its proposed facilities.
  gis::Status discard(qint64 id);
  // Marks a scenario made real (or, with an invalid time, no longer: an undone promotion).
  gis::Status setPromoted(qint64 id, const QDateTime& when);
  // The saved proposed facilities as a source (the project file's layer).
  gis::SourceRef proposedSource(const Scenario& scenario) const;
  // The what-if of a saved scenario on a coverage (e.g. of the same indicator now).
  WhatIfParams whatIfParams(const Scenario& scenario, const CoverageParams& coverage) const;

 private:
  ScenarioStore(std::unique_ptr<gis::Database> db, QString projectPath);
  std::unique_ptr<gis::Database> mDb;
  QString mProjectPath;
};

// What a facility made real from a scenario for a year needs in its fields to count in that year's
// computation: each field the binding's facility filter compares with {year} ("open_year <= {year}")
// set to the year.
std::map<QString, QVariant> promotionAttributes(const MetricBinding& binding, int year);

}  // namespace xiuhua::indicators
