#include "document/coverage_map.h"

#include "xiuhua/gis/style.h"
#include "xiuhua/gis/vector_reader.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <utility>

namespace xiuhua::app {

namespace {

gis::Symbol fillSymbol(const QColor& fill, const QColor& stroke, double width = 0.4) {
  gis::Symbol s;
  s.fill = fill;
  s.stroke = stroke;
  s.strokeWidth = width;
  return s;
}

gis::LayerSpec layerSpec(const indicators::ComputationStore::StoredLayers& stored, const QString& layer, const QString& name,
                         const QString& group) {
  gis::LayerSpec spec;
  spec.name = name;
  spec.source = stored.file;
  spec.sourceLayer = layer;
  spec.group = group;
  return spec;
}

// Natural breaks of the sub-units' values, read from the stored layer (small: one row per sub-unit).
gis::VectorStyle naturalBreaks(const QString& file, const QString& layer) {
  gis::VectorStyle style;
  style.kind = gis::VectorStyle::Kind::Graduated;
  style.field = QStringLiteral("indicator_value");
  style.method = gis::ClassificationMethod::NaturalBreaks;
  style.classCount = 5;
  style.rampName = QStringLiteral("Blues");
  gis::ReadOptions options;
  options.layerName = layer;
  if (auto data = gis::VectorReader::read(file, options); data.ok()) gis::buildGraduated(style, **data);
  return style;
}

// Facilities by their service radius (a coverage's "features" carry radius_m): the larger the
// radius, the darker; those too small for any tier in grey.
gis::VectorStyle radiusTiers(const QString& file) {
  gis::VectorStyle style;
  style.symbol = fillSymbol(QColor(0, 104, 55), QColor(255, 255, 255), 0.6);
  style.symbol.pointSize = 5;
  gis::ReadOptions options;
  options.layerName = QStringLiteral("features");
  options.fields = QStringList{QStringLiteral("radius_m")};
  auto data = gis::VectorReader::read(file, options);
  if (!data.ok() || (*data)->fieldIndex(QStringLiteral("radius_m")) < 0) return style;
  std::set<double> radii;
  for (const gis::AttributeRow& row : (*data)->attributes) {
    if (!row.empty() && !row.front().isNull()) radii.insert(row.front().toDouble());
  }
  style.kind = gis::VectorStyle::Kind::Categorized;
  style.field = QStringLiteral("radius_m");
  const std::vector<QColor> greens = {QColor(120, 198, 121), QColor(49, 163, 84), QColor(0, 104, 55), QColor(0, 68, 27)};
  std::size_t k = 0;
  for (const double r : radii) {
    gis::Symbol s = style.symbol;
    if (r > 0) {
      s.fill = greens[std::min(k++, greens.size() - 1)];
    } else {
      s.fill = QColor(170, 170, 170);
    }
    style.classes.push_back({QVariant(r), 0, 0, r > 0 ? CoverageMap::tr("%1 m service radius").arg(r) : CoverageMap::tr("Too small for a tier"), s});
  }
  return style;
}

QString number(double v) { return QString::number(v, 'f', std::abs(v) >= 100 ? 0 : 1); }

}  // namespace

QString CoverageMap::groupName(const indicators::Indicator& indicator, int year) {
  return tr("Coverage · %1 · %2").arg(indicator.code).arg(year);
}

bool CoverageMap::comparesWithTarget(const QString& metric) {
  return metric == QLatin1String("service_coverage") || metric == QLatin1String("population_coverage") ||
         metric == QLatin1String("area_share") || metric == QLatin1String("density");
}

gis::VectorStyle CoverageMap::targetClasses(const indicators::Indicator& indicator) {
  gis::VectorStyle style;
  style.kind = gis::VectorStyle::Kind::Graduated;
  style.field = QStringLiteral("indicator_value");
  style.opacity = 0.55;
  const double target = indicator.targetValue.value_or(0);
  // Steps of 10 points for percentages, else a quarter of the target.
  const double step = indicator.unit == QLatin1String("%") ? 10.0 : std::max(std::abs(target) * 0.25, 1e-9);
  const double far = std::numeric_limits<double>::max();
  const QString unit = indicator.unit;
  const QColor met(26, 150, 65);
  const std::vector<QColor> short_ = {QColor(254, 224, 139), QColor(253, 174, 97), QColor(215, 48, 39)};
  const QColor edge(70, 70, 70);
  // Classes are closed and the first match wins: the class that meets the target comes first.
  if (indicator.direction == indicators::Direction::Lower) {
    style.classes.push_back({{}, -far, target, tr("≤ %1 %2 (target met)").arg(number(target), unit), fillSymbol(met, edge)});
    for (int k = 0; k < 3; ++k) {
      const double lower = target + k * step;
      const double upper = k == 2 ? far : target + (k + 1) * step;
      const QString label = k == 2 ? tr("> %1 %2").arg(number(lower), unit) : tr("%1–%2 %3").arg(number(lower), number(upper), unit);
      style.classes.push_back({{}, lower, upper, label, fillSymbol(short_[static_cast<std::size_t>(k)], edge)});
    }
  } else {
    style.classes.push_back({{}, target, far, tr("≥ %1 %2 (target met)").arg(number(target), unit), fillSymbol(met, edge)});
    for (int k = 0; k < 3; ++k) {
      const double upper = target - k * step;
      const double lower = k == 2 ? -far : target - (k + 1) * step;
      const QString label = k == 2 ? tr("< %1 %2").arg(number(upper), unit) : tr("%1–%2 %3").arg(number(lower), number(upper), unit);
      style.classes.push_back({{}, lower, upper, label, fillSymbol(short_[static_cast<std::size_t>(k)], edge)});
    }
  }
  return style;
}

std::vector<gis::LayerSpec> CoverageMap::layers(const indicators::ComputationStore::StoredLayers& stored,
                                                const indicators::Indicator& indicator, int year,
                                                const std::map<QString, QString>& layerNames) {
  const QString group = groupName(indicator, year);
  std::vector<gis::LayerSpec> specs;
  const bool compare = comparesWithTarget(stored.metric) && indicator.targetValue.has_value();
  // Sub-units, bottom, finest first; only the coarsest (the fewest sub-units) visible and labelled.
  std::vector<std::pair<long long, QString>> perLayers;
  std::map<QString, long long> counts;
  if (auto listed = gis::VectorReader::listLayers(stored.file); listed.ok()) {
    for (const gis::SourceLayerInfo& info : listed.value()) counts[info.name] = info.featureCount;
  }
  for (const QString& l : stored.layers) {
    if (l.startsWith(QLatin1String("per_"))) perLayers.emplace_back(counts.count(l) ? counts[l] : 0, l);
  }
  std::stable_sort(perLayers.begin(), perLayers.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; k < perLayers.size(); ++k) {
    const QString& l = perLayers[k].second;
    const QString id = l.mid(4);
    const auto named = layerNames.find(id);
    gis::LayerSpec spec = layerSpec(stored, l, tr("%1 by %2").arg(indicator.nameZh, named != layerNames.end() ? named->second : id), group);
    spec.vectorStyle = compare ? targetClasses(indicator) : naturalBreaks(stored.file, l);
    spec.vectorStyle.opacity = 0.55;
    const bool coarsest = k + 1 == perLayers.size();
    if (coarsest) spec.vectorStyle.labelField = QStringLiteral("name");
    spec.visible = coarsest;
    specs.push_back(std::move(spec));
  }
  // With walking distance: the straight-line service area as an outline (the comparison), and the
  // streets walked from the facilities.
  if (stored.layers.contains(QStringLiteral("euclidean_service_area"))) {
    gis::LayerSpec spec = layerSpec(stored, QStringLiteral("euclidean_service_area"), tr("Service area by straight-line radius"), group);
    spec.vectorStyle.symbol = fillSymbol(QColor(0, 0, 0, 0), QColor(84, 39, 143), 1.2);
    specs.push_back(std::move(spec));
  }
  if (stored.layers.contains(QStringLiteral("walked"))) {
    gis::LayerSpec spec = layerSpec(stored, QStringLiteral("walked"), tr("Streets walked"), group);
    spec.vectorStyle.symbol = fillSymbol(QColor(0, 0, 0, 0), QColor(5, 112, 176), 1.6);
    specs.push_back(std::move(spec));
  }
  if (stored.layers.contains(QStringLiteral("service_area"))) {
    gis::LayerSpec spec = layerSpec(stored, QStringLiteral("service_area"),
                                    stored.layers.contains(QStringLiteral("walked")) ? tr("Service area by walking distance") : tr("Service area"),
                                    group);
    spec.vectorStyle.symbol = fillSymbol(QColor(116, 169, 207), QColor(5, 112, 176), 1.0);
    spec.vectorStyle.opacity = 0.25;
    specs.push_back(std::move(spec));
  }
  if (stored.layers.contains(QStringLiteral("covered"))) {
    gis::LayerSpec spec = layerSpec(stored, QStringLiteral("covered"), tr("Covered land"), group);
    spec.vectorStyle.symbol = fillSymbol(QColor(33, 102, 172), QColor(33, 102, 172), 0.2);
    specs.push_back(std::move(spec));
  }
  if (stored.layers.contains(QStringLiteral("uncovered"))) {
    gis::LayerSpec spec = layerSpec(stored, QStringLiteral("uncovered"), tr("Uncovered land"), group);
    spec.vectorStyle.symbol = fillSymbol(QColor(208, 28, 139), QColor(208, 28, 139), 0.2);
    specs.push_back(std::move(spec));
  }
  if (stored.layers.contains(QStringLiteral("features"))) {
    gis::LayerSpec spec = layerSpec(stored, QStringLiteral("features"), tr("Facilities counted"), group);
    spec.vectorStyle = radiusTiers(stored.file);
    specs.push_back(std::move(spec));
  }
  return specs;
}

}  // namespace xiuhua::app
