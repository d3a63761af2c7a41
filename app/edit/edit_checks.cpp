#include "edit/edit_checks.h"

#include "document/layer_editing.h"
#include "document/map_document.h"
#include "edit/feature_form.h"
#include "edit/geometry_check_dialog.h"
#include "map/map_canvas.h"
#include "xiuhua/gis/coordinate_transform.h"
#include "xiuhua/gis/edit/feature_edit_command.h"
#include "xiuhua/gis/edit/format_limits.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>

namespace xiuhua::app {

namespace {

// The project's constraints of a field (LayerSpec::fieldConstraints) added to the source's own: a
// stated value list, range, default or description replaces the source's; not-null adds to it.
void addProjectConstraint(gis::FieldConstraint& c, const QJsonObject& o) {
  if (o.value(QStringLiteral("notNull")).toBool()) c.notNull = true;
  if (o.contains(QStringLiteral("values"))) {
    c.values.clear();
    for (const QJsonValue& v : o.value(QStringLiteral("values")).toArray()) {
      if (v.isObject()) {
        c.values.emplace_back(v.toObject().value(QStringLiteral("code")).toVariant(), v.toObject().value(QStringLiteral("label")).toString());
      } else {
        c.values.emplace_back(v.toVariant(), QString());
      }
    }
  }
  if (o.contains(QStringLiteral("min"))) c.minimum = o.value(QStringLiteral("min")).toDouble();
  if (o.contains(QStringLiteral("max"))) c.maximum = o.value(QStringLiteral("max")).toDouble();
  if (o.contains(QStringLiteral("default"))) c.defaultExpression = o.value(QStringLiteral("default")).toVariant().toString();
  if (o.contains(QStringLiteral("description"))) c.description = o.value(QStringLiteral("description")).toString();
}

}  // namespace

EditChecks::EditChecks(MapDocument* document, LayerEditing* editing, MapCanvas* canvas, QWidget* dialogParent)
    : QObject(dialogParent), mDocument(document), mEditing(editing), mCanvas(canvas), mDialogParent(dialogParent) {
  connect(editing, &LayerEditing::editingChanged, this, [this](const QString& id) {
    if (!mEditing->isEditing(id)) mConstraints.erase(id);  // read again next session
  });
}

QStringList EditChecks::startWarnings(const QString& layerId) const {
  const LayerState* layer = mDocument->layer(layerId);
  return layer != nullptr && layer->data ? gis::formatLimitWarnings(*layer->data) : QStringList();
}

const gis::LayerConstraints& EditChecks::constraints(const QString& layerId) {
  auto it = mConstraints.find(layerId);
  if (it != mConstraints.end()) return it->second;
  gis::LayerConstraints read;
  const LayerState* layer = mDocument->layer(layerId);
  if (layer != nullptr && layer->data) {
    auto constraints = gis::readConstraints(layer->data->path, layer->data->layerName, layer->data->fields);
    if (constraints.ok()) {
      read = std::move(constraints).value();
    } else {
      emit problem(constraints.error().message);
    }
    read.fields.resize(layer->data->fields.size());
    for (std::size_t i = 0; i < layer->data->fields.size(); ++i) {
      const QJsonValue project = layer->spec.fieldConstraints.value(layer->data->fields[i].name);
      if (project.isObject()) addProjectConstraint(read.fields[i], project.toObject());
    }
  }
  return mConstraints.emplace(layerId, std::move(read)).first->second;
}

std::optional<QString> EditChecks::checkValue(const QString& layerId, int field, const QVariant& value) {
  const LayerState* layer = mDocument->layer(layerId);
  if (layer == nullptr || !layer->data || field < 0 || static_cast<std::size_t>(field) >= layer->data->fields.size()) return std::nullopt;
  const auto f = static_cast<std::size_t>(field);
  if (auto refused = gis::checkValue(layer->data->fields[f], constraints(layerId).fields[f], value)) return refused;
  return gis::checkValueFitsFormat(*layer->data, field, value);
}

gis::AttributeRow EditChecks::defaults(const QString& layerId) {
  const LayerState* layer = mDocument->layer(layerId);
  if (layer == nullptr || !layer->data) return {};
  const gis::LayerConstraints& c = constraints(layerId);
  gis::AttributeRow row;
  for (std::size_t i = 0; i < layer->data->fields.size(); ++i) {
    row.push_back(gis::defaultValue(layer->data->fields[i], c.fields[i], QDate::currentDate().year()));
  }
  return row;
}

std::optional<gis::AttributeRow> EditChecks::askAttributes(const QString& layerId, gis::AttributeRow values, const QString& title) {
  const LayerState* layer = mDocument->layer(layerId);
  if (layer == nullptr || !layer->data) return std::nullopt;
  if (values.empty()) values = defaults(layerId);
  FeatureForm form(layer->data->fields, values, title, mDialogParent, &constraints(layerId),
                   [this, layerId](int field, const QVariant& value) { return checkValue(layerId, field, value); });
  form.setObjectName(QStringLiteral("featureForm"));
  if (form.exec() != QDialog::Accepted) return std::nullopt;
  return form.values();
}

gis::GeometryCheckOptions EditChecks::geometryOptions(const QString& layerId) const {
  gis::GeometryCheckOptions options;
  const LayerState* layer = mDocument->layer(layerId);
  if (layer == nullptr || !layer->data) return options;
  // Slivers thinner than 1 cm on average (about 1e-7° in a geographic CRS).
  options.sliverWidth = layer->effectiveCrs().isGeographic() ? 1e-7 : 0.01;
  if (layer->data->driver == QLatin1String("GeoJSON")) options.orientation = gis::GeometryCheckOptions::Orientation::CounterClockwiseExterior;
  return options;
}

std::vector<std::pair<qint64, gis::GeometryIssue>> EditChecks::changedGeometryIssues(const QString& layerId) const {
  std::vector<std::pair<qint64, gis::GeometryIssue>> issues;
  const gis::EditBuffer* buffer = mEditing->buffer(layerId);
  if (buffer == nullptr) return issues;
  const gis::GeometryCheckOptions options = geometryOptions(layerId);
  for (const auto& [fid, change] : buffer->overrides()) {
    if (!change.present || !change.value) continue;  // deleted
    for (gis::GeometryIssue& issue : gis::checkGeometry(change.value->geometry, options)) issues.emplace_back(fid, std::move(issue));
  }
  return issues;
}

bool EditChecks::repair(const QString& layerId, const std::vector<qint64>& fids) {
  gis::EditBuffer* buffer = mEditing->buffer(layerId);
  if (buffer == nullptr) return false;
  const gis::GeometryCheckOptions options = geometryOptions(layerId);
  std::vector<gis::FeatureEditCommand::Change> changes;
  for (qint64 fid : fids) {
    std::optional<gis::EditedFeature> feature = buffer->feature(fid);
    if (!feature) continue;
    auto repaired = gis::repairGeometry(feature->geometry, options);
    if (!repaired.ok()) {
      emit problem(tr("Feature %1 cannot be repaired: %2").arg(fid).arg(repaired.error().message));
      return false;
    }
    feature->geometry = std::move(repaired).value();
    changes.emplace_back(fid, std::move(*feature));
  }
  if (changes.empty()) return true;
  const int n = static_cast<int>(changes.size());
  mEditing->push(layerId, std::make_unique<gis::FeatureEditCommand>(buffer, std::move(changes), tr("Repair %n geometry(s)", nullptr, n), -1));
  return true;
}

bool EditChecks::beforeSave(const QString& layerId) {
  const auto issues = changedGeometryIssues(layerId);
  if (issues.empty()) return true;
  const LayerState* layer = mDocument->layer(layerId);
  // Where each problem is, on the map (the issues are in the layer's CRS).
  std::vector<MapCanvas::Marker> markers;
  std::unique_ptr<gis::CoordinateTransform> toMap;
  if (layer != nullptr && layer->effectiveCrs().isValid() && mDocument->mapCrs().isValid() && !(layer->effectiveCrs() == mDocument->mapCrs())) {
    auto t = gis::CoordinateTransform::create(layer->effectiveCrs(), mDocument->mapCrs());
    if (t.ok()) toMap = std::move(t).value();
  }
  std::vector<QPointF> mapPoints;
  for (const auto& [fid, issue] : issues) {
    const QPointF p = toMap ? toMap->transform(issue.location) : issue.location;
    mapPoints.push_back(p);
    markers.push_back({p, issue.reason});
  }
  mCanvas->setMarkers(markers);
  GeometryCheckDialog dialog(issues, mapPoints, layer != nullptr ? layer->spec.name : layerId, mDialogParent);
  connect(&dialog, &GeometryCheckDialog::showRequested, this, [this](QPointF p) {
    const double half = 50 * mCanvas->viewport().unitsPerPixel();
    mCanvas->zoomToRect(QRectF(p - QPointF(half, half), p + QPointF(half, half)));
  });
  const int answer = dialog.exec();
  mCanvas->setMarkers({});
  switch (static_cast<GeometryCheckDialog::Choice>(answer)) {
    case GeometryCheckDialog::Choice::Repair: {
      std::vector<qint64> fids;
      for (const auto& [fid, issue] : issues) {
        if (fids.empty() || fids.back() != fid) fids.push_back(fid);
      }
      return repair(layerId, fids);
    }
    case GeometryCheckDialog::Choice::Keep: return true;
    default: return false;
  }
}

}  // namespace xiuhua::app
