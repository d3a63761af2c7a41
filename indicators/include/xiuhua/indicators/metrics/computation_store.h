#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/metrics/indicator_computation.h"
#include "xiuhua/indicators/metrics/metric_binding.h"

#include <QJsonObject>

#include <memory>
#include <vector>

namespace xiuhua::gis {
class Database;
}

namespace xiuhua::indicators {

// The metric bindings of a project's spatial indicators and the record of every computation, in
// the project file (its own SQLite connection, like ValueStore).
class ComputationStore {
 public:
  static gis::Result<std::unique_ptr<ComputationStore>> open(const QString& projectPath);
  ~ComputationStore();

  gis::Status setBinding(const MetricBinding& binding);  // adds or replaces
  gis::Result<std::vector<MetricBinding>> bindings();
  // Keeps the computation's record and returns its id.
  gis::Result<qint64> record(const IndicatorComputation& computation);
  // Keeps the record and returns its id with the computation's values, each noting the record
  // ("computation #12"), ready for the value store.
  struct Recorded {
    qint64 id = 0;
    std::vector<IndicatorValue> values;
  };
  gis::Result<Recorded> recordValues(const IndicatorComputation& computation);
  gis::Result<QJsonObject> computation(qint64 id);

 private:
  explicit ComputationStore(std::unique_ptr<gis::Database> db);
  std::unique_ptr<gis::Database> mDb;
};

}  // namespace xiuhua::indicators
