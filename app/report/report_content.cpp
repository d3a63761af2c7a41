#include "report/report_content.h"

#include "document/coverage_map.h"
#include "xiuhua/gis/source_ref.h"
#include "xiuhua/gis/vector_reader.h"
#include "xiuhua/indicators/metrics/computation_store.h"

#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <set>

namespace xiuhua::app {

namespace {

// Ranks values best first by the indicator's direction (an exact target: nearest first); equal
// values share a rank.
std::vector<SubunitRank> ranked(const std::map<QString, std::pair<int, double>>& values, const indicators::Indicator& indicator) {
  std::vector<SubunitRank> rows;
  for (const auto& [name, v] : values) rows.push_back({name, v.first, v.second, 0, static_cast<int>(values.size())});
  const auto badness = [&](double v) {
    switch (indicator.direction) {
      case indicators::Direction::Lower: return v;
      case indicators::Direction::Exact: return indicator.targetValue ? std::abs(v - *indicator.targetValue) : -v;
      case indicators::Direction::Higher: break;
    }
    return -v;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const SubunitRank& a, const SubunitRank& b) { return badness(a.value) < badness(b.value); });
  for (std::size_t i = 0; i < rows.size(); ++i) {
    rows[i].rank = i > 0 && badness(rows[i].value) == badness(rows[i - 1].value) ? rows[i - 1].rank : static_cast<int>(i) + 1;
  }
  return rows;
}


// The attribution of a computation's inputs: each input layer's own description (a GeoPackage's
// gpkg_contents.description, e.g. 边界数据：高德开放平台 DataV.GeoAtlas), once each.
QStringList inputAttribution(const QJsonObject& record, const QString& projectPath) {
  QStringList out;
  for (const QJsonValue& v : record.value(QStringLiteral("whole")).toObject().value(QStringLiteral("inputs")).toArray()) {
    const gis::SourceRef source = indicators::recordedSource(projectPath, v.toObject().value(QStringLiteral("source")).toString());
    auto layers = gis::VectorReader::listLayers(source.path);
    if (!layers.ok()) continue;  // gone since: the appendix still names it
    for (const gis::SourceLayerInfo& info : *layers) {
      const bool same = source.layer.isEmpty() ? layers->size() == 1 : info.name == source.layer;
      if (same && !info.description.trimmed().isEmpty() && !out.contains(info.description.trimmed())) out << info.description.trimmed();
    }
  }
  return out;
}

}  // namespace

QStringList ReportContent::missingLayerWarnings() const {
  QStringList out;
  for (const MissingLayer& m : missingLayers) {
    out << tr("%1: the file of layer %2 is missing (%3); the report leaves out what is drawn from it.").arg(projectPath, m.name, m.path);
  }
  return out;
}

QStringList ReportContent::categories() const {
  QStringList out;
  for (const auto& s : statuses) {
    if (!out.contains(s.indicator.category)) out << s.indicator.category;
  }
  return out;
}

gis::Result<ReportContent> ReportContent::load(const QString& projectPath, const ReportOptions& options) {
  ReportContent content;
  content.options = options;
  content.projectPath = projectPath;
  auto project = gis::ProjectFile::load(projectPath);
  if (!project.ok()) return project.error();
  content.project = std::move(project).value();
  content.title = options.title.isEmpty() ? tr("%1 — indicator progress report").arg(content.project.title) : options.title;
  for (const gis::LayerSpec& l : content.project.layers) {
    if (!QFileInfo::exists(gis::SourceRef::parse(l.source).path)) content.missingLayers.push_back({l.name, l.source});
  }

  auto store = indicators::ValueStore::open(projectPath);
  if (!store.ok()) return store.error();
  auto statuses = indicators::indicatorStatuses(**store, options.year);
  if (!statuses.ok()) return statuses.error();
  for (auto& s : statuses.value()) {
    if (options.indicators.isEmpty() || options.indicators.contains(s.indicator.code)) content.statuses.push_back(std::move(s));
  }
  for (const QString& code : options.indicators) {
    const bool known = std::any_of(content.statuses.begin(), content.statuses.end(), [&](const auto& s) { return s.indicator.code == code; });
    if (!known) return gis::Error{gis::ErrorCode::InvalidArgument, tr("%1: the project has no indicator %2.").arg(projectPath, code)};
  }

  auto computations = indicators::ComputationStore::open(projectPath);
  if (!computations.ok()) return computations.error();
  auto bindings = (*computations)->bindings();
  if (!bindings.ok()) return bindings.error();
  std::map<QString, QString> layerNames;
  for (const gis::LayerSpec& l : content.project.layers) layerNames[l.id] = l.name;

  std::set<QString> levels;
  for (const auto& s : content.statuses) {
    const indicators::Indicator& ind = s.indicator;
    const auto binding = std::find_if(bindings->begin(), bindings->end(), [&](const auto& b) { return b.code == ind.code; });
    if (binding == bindings->end()) continue;
    SpatialIndicator spatial;
    auto record = (*computations)->latestRecord(ind.code, options.year);
    if (!record.ok()) return record.error();
    if (*record) {
      spatial.computation = (*record)->record;
      spatial.computationId = (*record)->id;
      spatial.computationYear = (*record)->year;
      spatial.computedAt = (*record)->time;
      spatial.attribution = inputAttribution((*record)->record, projectPath);
      auto stored = (*computations)->latestLayers(ind.code, (*record)->year);
      if (!stored.ok()) return stored.error();
      if (*stored) spatial.mapLayers = CoverageMap::layers(**stored, ind, (*record)->year, layerNames);
    }
    // The per-sub-unit table: the breakdown with the fewest sub-units that has values.
    std::size_t fewest = 0;
    for (const indicators::Breakdown& per : indicators::breakdowns(*binding)) {
      const QString& level = per.level;
      levels.insert(level);
      auto values = (*store)->subunitValues(ind.code, options.year, level);
      if (!values.ok()) return values.error();
      if (!values->empty() && (spatial.level.isEmpty() || values->size() < fewest)) {
        spatial.level = level;
        spatial.subunits = ranked(*values, ind);
        fewest = values->size();
      }
    }
    if (!spatial.level.isEmpty()) {
      auto outside = (*store)->notApplicable(ind.code, spatial.level);
      if (!outside.ok()) return outside.error();
      spatial.notApplicable = QStringList(outside->begin(), outside->end());
    }
    content.spatial.emplace(ind.code, std::move(spatial));
  }

  if (!options.atlasLevel.isEmpty()) {
    // The sub-unit layer of the level: from any binding, chosen indicators or not.
    for (const auto& binding : *bindings) {
      for (const indicators::Breakdown& per : indicators::breakdowns(binding)) {
        levels.insert(per.level);
        if (per.level == options.atlasLevel && content.atlasLayerId.isEmpty()) {
          content.atlasLayerId = per.layer;
          content.atlasField = per.field;
        }
      }
    }
    if (content.atlasLayerId.isEmpty()) {
      return gis::Error{gis::ErrorCode::InvalidArgument,
                        tr("%1: no indicator is broken down by %2 (levels: %3).")
                            .arg(projectPath, options.atlasLevel, QStringList(levels.begin(), levels.end()).join(QStringLiteral(", ")))};
    }
    // Every chosen indicator's values at the level, district-entered ones included.
    std::map<QString, AtlasUnit> units;
    for (const auto& s : content.statuses) {
      auto values = (*store)->subunitValues(s.indicator.code, options.year, options.atlasLevel);
      if (!values.ok()) return values.error();
      for (const SubunitRank& r : ranked(*values, s.indicator)) {
        AtlasUnit& unit = units[r.name];
        unit.name = r.name;
        unit.values[s.indicator.code] = r;
      }
    }
    for (auto& [name, unit] : units) content.atlas.push_back(std::move(unit));
  }
  return content;
}

}  // namespace xiuhua::app
