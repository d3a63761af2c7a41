#include "indicators/stale_indicators.h"

#include "document/layer_resolver.h"
#include "xiuhua/indicators/metrics/computation_store.h"
#include "xiuhua/indicators/metrics/indicator_computation.h"
#include "xiuhua/indicators/value_store.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace xiuhua::app {

namespace {

QString layerName(const std::vector<gis::LayerSpec>& layers, const QString& id) {
  for (const gis::LayerSpec& l : layers) {
    if (l.id == id) return l.name;
  }
  return id;
}

}  // namespace

std::map<QString, QString> findStaleIndicators(const QString& projectPath, int year, const std::vector<gis::LayerSpec>& layers,
                                               const QStringList& editedLayers) {
  std::map<QString, QString> stale;
  if (projectPath.isEmpty()) return stale;
  auto computations = indicators::ComputationStore::open(projectPath);
  auto values = indicators::ValueStore::open(projectPath);
  if (!computations.ok() || !values.ok()) return stale;
  auto bindings = (*computations)->bindings();
  if (!bindings.ok()) return stale;
  const indicators::LayerResolver resolve = layerResolver(layers);
  for (const indicators::MetricBinding& binding : bindings.value()) {
    auto history = (*values)->history(binding.code);
    if (!history.ok()) continue;
    bool computed = false;
    for (const indicators::IndicatorValue& v : history.value()) {
      if (v.year == year && !v.month && v.subunit.isEmpty()) computed = v.source == indicators::ValueSource::Computed;
    }
    if (!computed) continue;
    // Unsaved edits of a layer it reads.
    QStringList editedNames;
    for (const QString& id : indicators::bindingLayerIds(binding, resolve)) {
      if (editedLayers.contains(id)) editedNames << layerName(layers, id);
    }
    if (!editedNames.isEmpty()) {
      stale[binding.code] = QCoreApplication::translate("StaleIndicators", "%1 has unsaved edits: save them, then compute again.").arg(editedNames.join(QStringLiteral("、")));
      continue;
    }
    auto unchanged = (*computations)->unchangedSince(binding, year, resolve);
    if (unchanged.ok() && !unchanged.value()) {
      stale[binding.code] = QCoreApplication::translate("StaleIndicators", "A layer it is computed from changed since the last computation: compute again.");
    }
  }
  return stale;
}

}  // namespace xiuhua::app
