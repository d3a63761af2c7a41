#include "map/subunit_hover_tip.h"

#include "document/map_document.h"
#include "map/map_canvas.h"

#include <QCursor>
#include <QLocale>
#include <QTimer>
#include <QToolTip>

#include <cmath>

namespace xiuhua::app {

namespace {

QString formatted(const QVariant& v) {
  if (v.isNull() || !v.isValid()) return QStringLiteral("–");
  const double d = v.toDouble();
  return QLocale().toString(d, 'f', std::abs(d) >= 1000 ? 0 : 2);
}

}  // namespace

SubunitHoverTip::SubunitHoverTip(MapCanvas* canvas, MapDocument* document)
    : QObject(canvas), mCanvas(canvas), mDocument(document), mRest(new QTimer(this)) {
  mRest->setSingleShot(true);
  mRest->setInterval(250);
  connect(mRest, &QTimer::timeout, this, &SubunitHoverTip::show);
  connect(mCanvas, &MapCanvas::cursorMoved, this, [this](QPointF p) {
    mMapPoint = p;
    mRest->start();
  });
}

QString SubunitHoverTip::textAt(QPointF mapPoint) const {
  for (const LayerState& layer : mDocument->layers()) {  // top first
    if (!layer.spec.visible || !layer.projected || !layer.data || layer.data->geometryType != gis::Geometry::Type::Polygon) continue;
    const int name = layer.data->fieldIndex(QStringLiteral("name"));
    const int value = layer.data->fieldIndex(QStringLiteral("indicator_value"));
    if (name < 0 || value < 0) continue;
    const std::vector<int> hits = layer.projected->featuresAt(mapPoint, 0);
    if (hits.empty()) continue;
    const gis::AttributeRow& row = layer.data->attributes.at(static_cast<std::size_t>(hits.front()));
    auto at = [&](const char* field) {
      const int i = layer.data->fieldIndex(QString::fromLatin1(field));
      return i >= 0 && static_cast<std::size_t>(i) < row.size() ? row[static_cast<std::size_t>(i)] : QVariant();
    };
    return tr("<b>%1</b><br>%2: <b>%3</b><br>%4 of %5")
        .arg(row[static_cast<std::size_t>(name)].toString().toHtmlEscaped(), layer.spec.name.toHtmlEscaped(),
             formatted(row[static_cast<std::size_t>(value)]), formatted(at("numerator")), formatted(at("denominator")));
  }
  return {};
}

void SubunitHoverTip::show() {
  if (!mCanvas->underMouse()) return;
  const QString text = textAt(mMapPoint);
  if (text.isEmpty()) {
    QToolTip::hideText();
  } else {
    QToolTip::showText(QCursor::pos(), text, mCanvas);
  }
}

}  // namespace xiuhua::app
