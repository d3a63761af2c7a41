#pragma once

#include "report/report_options.h"
#include "xiuhua/gis/project.h"
#include "xiuhua/gis/result.h"
#include "xiuhua/indicators/status_table.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace xiuhua::app {

// A sub-unit's value of an indicator and its place among the level's sub-units (1 = best, by the
// indicator's direction; equal values share a rank).
struct SubunitRank {
  QString name;
  int year = 0;
  double value = 0;
  int rank = 0;
  int of = 0;  // how many sub-units were ranked
};

// What the report shows of a spatial indicator beyond its block.
struct SpatialIndicator {
  QString level;                          // of the per-sub-unit table: the coarsest breakdown (街镇)
  std::vector<SubunitRank> subunits;      // best first
  QStringList notApplicable;              // sub-units of that level outside the target's area (不适用)
  std::vector<gis::LayerSpec> mapLayers;  // the coverage map of its latest computation, bottom first
  std::optional<QJsonObject> computation; // that computation's record (parameters, inputs, CRS …)
  qint64 computationId = 0;
  int computationYear = 0;
  QDateTime computedAt;                   // UTC
  QStringList attribution;                // the descriptions of the computation's input layers
};

// One atlas page: a sub-unit and each chosen indicator's value and rank there.
struct AtlasUnit {
  QString name;
  std::map<QString, SubunitRank> values;  // by indicator code
};

// Everything a report prints, read from the project once (catalog, values, computations, map
// layers): the painter and the table exports share it.
struct ReportContent {
  Q_DECLARE_TR_FUNCTIONS(ReportContent)

 public:
  ReportOptions options;
  QString title;
  gis::Project project;
  QString projectPath;
  std::vector<indicators::IndicatorStatus> statuses;  // the chosen indicators, catalog order
  std::map<QString, SpatialIndicator> spatial;        // by code, computed indicators only
  QString atlasLayerId;                               // the sub-unit layer of options.atlasLevel
  QString atlasField;                                 // its name field
  std::vector<AtlasUnit> atlas;                       // in the layer's order of names (sorted)
  // The project's layers whose files are gone (a project copied without its data): the report is
  // still written, without their maps, and says so (warnings, appendix).
  struct MissingLayer {
    QString name;
    QString path;
  };
  std::vector<MissingLayer> missingLayers;
  QStringList missingLayerWarnings() const;

  // Errors name the project file; a missing atlas level is an error naming the levels there are.
  static gis::Result<ReportContent> load(const QString& projectPath, const ReportOptions& options);
  QStringList categories() const;  // in catalog order; "" for indicators without one
};

}  // namespace xiuhua::app
