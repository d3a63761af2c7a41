#pragma once

#include "xiuhua/gis/result.h"
#include "xiuhua/gis/source_ref.h"
#include "xiuhua/indicators/metrics/indicator_computation.h"
#include "xiuhua/indicators/metrics/metric_binding.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace xiuhua::gis {
class Database;
}

namespace xiuhua::indicators {

// A source as a computation record names it (relative to the project; older records: absolute),
// resolved against the project's folder.
gis::SourceRef recordedSource(const QString& projectPath, const QString& source);

// Where a project keeps the map layers of an indicator's latest computation for a year: a
// GeoPackage in the folder beside the project, e.g. jiading.xhp → jiading.results/JD14-09_2025.gpkg.
QString layersFileFor(const QString& projectPath, const QString& code, int year);

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
  // ("computation #12"), ready for the value store. When the computation has map layers (see
  // computationLayers), they are written first to layersFileFor(project, code, year), replacing
  // that file, and the record names the file and its layers.
  struct Recorded {
    qint64 id = 0;
    std::vector<IndicatorValue> values;
    QString layersFile;  // relative to the project's folder; empty when there were no layers
    QStringList layers;
  };
  gis::Result<Recorded> recordValues(const IndicatorComputation& computation);
  gis::Result<QJsonObject> computation(qint64 id);
  // The latest computation of an indicator for the latest year at or before `year` (what a report
  // of that year shows); nullopt when it was never computed.
  struct Record {
    qint64 id = 0;
    int year = 0;
    QDateTime time;  // UTC
    QJsonObject record;
  };
  gis::Result<std::optional<Record>> latestRecord(const QString& code, int year);
  // The map layers of the latest computation of an indicator for a year that kept some: the
  // GeoPackage (absolute path) and its layer names; nullopt when there is none or its file is gone.
  struct StoredLayers {
    QString file;
    QStringList layers;
    qint64 computation = 0;
    QString metric;  // e.g. service_coverage
  };
  gis::Result<std::optional<StoredLayers>> latestLayers(const QString& code, int year);
  // The latest computation of an indicator for a year when nothing it was computed from has changed
  // since: the same binding (metric and parameters), its layers the same sources with the same
  // declared CRS and files (bindingSources), and its map layers still there. nullopt: it must be
  // computed again.
  struct Unchanged {
    qint64 computation = 0;
    std::optional<double> value;  // the district's value, in the indicator's unit
  };
  gis::Result<std::optional<Unchanged>> unchangedSince(const MetricBinding& binding, int year, const LayerResolver& layers);

 private:
  ComputationStore(std::unique_ptr<gis::Database> db, QString projectPath);
  gis::Result<qint64> insert(const IndicatorComputation& computation, const QJsonObject& record);
  std::unique_ptr<gis::Database> mDb;
  QString mProjectPath;
};

}  // namespace xiuhua::indicators
