#include "indicators/result_layer_group.h"

#include "document/map_document.h"
#include "xiuhua/indicators/metrics/computation_store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace xiuhua::app {

QString explorationFileFor(const MapDocument* document, const QString& name, int year) {
  const QString beside = indicators::layersFileFor(document->projectPath(), name, year);
  if (!document->isReadOnly()) return beside;
  // One folder per project, named after a hash of its path.
  const QByteArray key = QCryptographicHash::hash(document->projectPath().toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
  return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
      .filePath(QStringLiteral("results/%1/%2").arg(QString::fromLatin1(key), QFileInfo(beside).fileName()));
}

gis::Result<std::vector<QString>> showResultLayerGroup(MapDocument* document, const QString& file,
                                                       const std::vector<gis::LayerToWrite>& layers, const QString& group,
                                                       const std::vector<ResultLayerLook>& looks) {
  if (!QDir().mkpath(QFileInfo(file).absolutePath())) {
    return gis::Error{gis::ErrorCode::IoFailed,
                      QCoreApplication::translate("ResultLayerGroup", "%1: the folder cannot be created.").arg(QFileInfo(file).absolutePath())};
  }
  if (gis::Status s = gis::VectorWriter::writeGeoPackage(file, layers); !s) return s.error();  // written beside, renamed over
  QStringList earlier;
  for (const LayerState& l : document->layers()) {
    if (l.spec.group == group) earlier << l.spec.id;
  }
  for (const QString& id : earlier) document->removeLayer(id);
  std::vector<gis::LayerSpec> specs;
  for (const ResultLayerLook& look : looks) {
    const auto found = std::find_if(layers.begin(), layers.end(), [&](const gis::LayerToWrite& l) { return l.name == look.layer; });
    if (found == layers.end()) continue;
    gis::LayerSpec spec;
    spec.name = look.name;
    spec.source = file;
    spec.sourceLayer = look.layer;
    spec.group = group;
    spec.vectorStyle.symbol.fill = look.fill;
    spec.vectorStyle.symbol.stroke = look.stroke;
    spec.vectorStyle.symbol.strokeWidth = 1.2;
    spec.vectorStyle.symbol.pointSize = look.pointSize;
    specs.push_back(std::move(spec));
  }
  const QStringList ids = document->addLayers(std::move(specs));
  return std::vector<QString>(ids.begin(), ids.end());
}

}  // namespace xiuhua::app
