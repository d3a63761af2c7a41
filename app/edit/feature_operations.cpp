#include "edit/feature_operations.h"

#include "document/layer_editing.h"
#include "document/map_document.h"
#include "edit/edited_layer_view.h"
#include "xiuhua/gis/edit/feature_edit_command.h"
#include "xiuhua/gis/edit/field_constraints.h"
#include "xiuhua/gis/coordinate_transform.h"
#include "xiuhua/gis/edit/geometry_edits.h"

#include <QApplication>
#include <QClipboard>
#include <QInputDialog>

namespace xiuhua::app {

namespace {

QString wkt(const gis::Geometry& g) {
  auto ring = [](const gis::Geometry::Ring& r) {
    QStringList xy;
    for (const QPointF& p : r) xy << QStringLiteral("%1 %2").arg(p.x(), 0, 'f', 3).arg(p.y(), 0, 'f', 3);
    return QStringLiteral("(%1)").arg(xy.join(QStringLiteral(", ")));
  };
  QStringList parts;
  for (const gis::Geometry::Part& part : g.parts()) {
    QStringList rings;
    for (const gis::Geometry::Ring& r : part) rings << ring(r);
    parts << (g.type() == gis::Geometry::Type::Polygon ? QStringLiteral("(%1)").arg(rings.join(QStringLiteral(", "))) : rings.join(QString()));
  }
  switch (g.type()) {
    case gis::Geometry::Type::Point: return QStringLiteral("MULTIPOINT (%1)").arg(parts.join(QStringLiteral(", ")));
    case gis::Geometry::Type::Line: return QStringLiteral("MULTILINESTRING (%1)").arg(parts.join(QStringLiteral(", ")));
    case gis::Geometry::Type::Polygon: return QStringLiteral("MULTIPOLYGON (%1)").arg(parts.join(QStringLiteral(", ")));
    default: return QStringLiteral("GEOMETRYCOLLECTION EMPTY");
  }
}

QString layerName(const MapDocument* document, const QString& id) {
  const LayerState* layer = document->layer(id);
  return layer != nullptr ? layer->spec.name : id;
}

}  // namespace

FeatureOperations::FeatureOperations(MapDocument* document, LayerEditing* editing, QWidget* dialogParent)
    : QObject(dialogParent), mDocument(document), mEditing(editing), mDialogParent(dialogParent) {}

bool FeatureOperations::mergeSelected(const QString& layerId, std::optional<qint64> keep) {
  const EditedLayerView layer(mDocument, mEditing, layerId);
  if (!layer.isValid()) {
    emit problem(tr("Start editing the layer first."));
    return false;
  }
  const std::vector<qint64> fids = layer.selectedFids();
  if (fids.size() < 2) {
    emit problem(tr("Select two or more features of %1 to merge.").arg(layerName(mDocument, layerId)));
    return false;
  }
  std::vector<gis::EditedFeature> features;
  std::vector<gis::Geometry> geometries;
  for (qint64 fid : fids) {
    std::optional<gis::EditedFeature> f = layer.buffer()->feature(fid);
    if (!f) continue;
    geometries.push_back(f->geometry);
    features.push_back(std::move(*f));
  }
  auto merged = gis::mergeGeometries(geometries, layer.geometryType());
  if (!merged.ok()) {
    emit problem(merged.error().message);
    return false;
  }
  if (!keep) {
    // Whose attributes: the planner picks, each feature shown by its fid and first text values.
    QStringList labels;
    for (const gis::EditedFeature& f : features) {
      QStringList values;
      for (const QVariant& v : f.attributes) {
        if (v.isValid() && values.size() < 3) values << v.toString();
      }
      labels << QStringLiteral("%1 — %2").arg(f.fid < 0 ? tr("new") : QString::number(f.fid), values.join(QStringLiteral(" · ")));
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(mDialogParent, tr("Merge features"), tr("Keep the attributes of:"), labels, 0, false, &ok);
    if (!ok) return false;
    keep = features.at(static_cast<std::size_t>(labels.indexOf(chosen))).fid;
  }
  std::vector<gis::FeatureEditCommand::Change> changes;
  for (gis::EditedFeature& f : features) {
    if (f.fid == *keep) {
      f.geometry = *merged;
      changes.emplace_back(f.fid, std::move(f));
    } else {
      changes.emplace_back(f.fid, std::nullopt);
    }
  }
  mDocument->clearSelections();
  mEditing->push(layerId, std::make_unique<gis::FeatureEditCommand>(
                              layer.buffer(), std::move(changes),
                              tr("Merge %n feature(s) of %1", nullptr, static_cast<int>(features.size())).arg(layerName(mDocument, layerId)), -1));
  return true;
}

bool FeatureOperations::copySelected(const QString& layerId) {
  const LayerState* layer = mDocument->layer(layerId);
  if (layer == nullptr || !layer->data || !layer->selection || layer->selection->empty()) {
    emit problem(tr("Select the features to copy first."));
    return false;
  }
  // Geometries and attributes from the same rows of the data shown (the selection's rows).
  const gis::VectorData& data = *layer->data;
  CopiedFeatures copied;
  copied.type = data.geometryType;
  copied.crs = layer->effectiveCrs();
  copied.fromLayer = layer->spec.name;
  QStringList text;
  for (int row : *layer->selection) {
    const auto r = static_cast<std::size_t>(row);
    if (r >= data.geometries.size() || r >= data.attributes.size()) continue;
    copied.geometries.push_back(data.geometries[r]);
    std::map<QString, QVariant> attributes;
    for (std::size_t i = 0; i < data.fields.size(); ++i) attributes[data.fields[i].name] = data.attributes[r].at(i);
    copied.attributes.push_back(std::move(attributes));
    text << wkt(data.geometries[r]);
  }
  mCopied = std::move(copied);
  QApplication::clipboard()->setText(text.join(QLatin1Char('\n')));
  emit message(tr("%n feature(s) of %1 copied.", nullptr, static_cast<int>(mCopied.geometries.size())).arg(mCopied.fromLayer));
  return true;
}

int FeatureOperations::paste(const QString& layerId) {
  const EditedLayerView layer(mDocument, mEditing, layerId);
  if (!layer.isValid()) {
    emit problem(tr("Start editing the layer to paste into first."));
    return 0;
  }
  if (mCopied.isEmpty()) {
    emit problem(tr("Nothing has been copied: select features and copy them first."));
    return 0;
  }
  if (mCopied.type != layer.geometryType()) {
    emit problem(tr("%1 holds another kind of geometry than the copied features of %2; they cannot be pasted there.")
                     .arg(layerName(mDocument, layerId), mCopied.fromLayer));
    return 0;
  }
  const std::vector<gis::Field>& fields = layer.buffer()->base().fields;
  // From the copied layer's CRS straight into this one's (PROJ), when they differ.
  const LayerState* target = mDocument->layer(layerId);
  std::unique_ptr<gis::CoordinateTransform> transform;
  if (mCopied.crs.isValid() && target->effectiveCrs().isValid() && !(mCopied.crs == target->effectiveCrs())) {
    auto created = gis::CoordinateTransform::create(mCopied.crs, target->effectiveCrs());
    if (!created.ok()) {
      emit problem(created.error().message);
      return 0;
    }
    transform = std::move(created).value();
  }
  std::vector<gis::FeatureEditCommand::Change> changes;
  for (std::size_t i = 0; i < mCopied.geometries.size(); ++i) {
    gis::Geometry geometry = mCopied.geometries[i];
    for (gis::Geometry::Part& part : geometry.parts()) {
      for (gis::Geometry::Ring& ring : part) {
        if (transform && !transform->transform(ring)) {
          emit problem(tr("The copied features cannot be put into the coordinate system of %1.").arg(layerName(mDocument, layerId)));
          return 0;
        }
      }
    }
    gis::AttributeRow row(fields.size());
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const auto it = mCopied.attributes[i].find(fields[f].name);
      if (it != mCopied.attributes[i].end()) row[f] = gis::convertToFieldType(fields[f], it->second);  // null when it does not fit
    }
    const qint64 fid = layer.buffer()->newFid();
    changes.emplace_back(fid, gis::EditedFeature{fid, std::move(geometry), std::move(row)});
  }
  const int n = static_cast<int>(changes.size());
  mEditing->push(layerId, std::make_unique<gis::FeatureEditCommand>(
                              layer.buffer(), std::move(changes), tr("Paste %n feature(s) into %1", nullptr, n).arg(layerName(mDocument, layerId)),
                              -1));
  return n;
}

}  // namespace xiuhua::app
