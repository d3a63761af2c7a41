#include "map/map_status_bar.h"

#include "document/map_document.h"
#include "map/map_canvas.h"
#include "xiuhua/gis/coordinate_transform.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>

#include <cmath>

namespace xiuhua::app {

MapStatusBar::MapStatusBar(QStatusBar* bar, MapCanvas* canvas, MapDocument* document)
    : QObject(bar), mCanvas(canvas), mDocument(document), mCoordinates(new QLabel(bar)),
      mLonLat(new QLabel(bar)), mScale(new QComboBox(bar)), mCrs(new QPushButton(bar)) {
  mCoordinates->setMinimumWidth(200);
  mLonLat->setMinimumWidth(190);
  mScale->setEditable(true);
  mScale->setMinimumWidth(120);
  mScale->setToolTip(tr("Map scale; type a value such as 1:25000 and press Enter"));
  for (int s : {500, 1000, 2000, 5000, 10000, 25000, 50000, 100000, 250000, 500000}) {
    mScale->addItem(QStringLiteral("1:%1").arg(s));
  }
  mCrs->setFlat(true);
  mCrs->setToolTip(tr("Map coordinate system — click to change"));
  bar->addPermanentWidget(mCoordinates);
  bar->addPermanentWidget(mLonLat);
  bar->addPermanentWidget(new QLabel(tr("Scale"), bar));
  bar->addPermanentWidget(mScale);
  bar->addPermanentWidget(mCrs);
  connect(canvas, &MapCanvas::cursorMoved, this, &MapStatusBar::showCursor);
  connect(canvas, &MapCanvas::viewportChanged, this, &MapStatusBar::updateScale);
  connect(document, &MapDocument::mapCrsChanged, this, &MapStatusBar::updateCrs);
  connect(document, &MapDocument::projectReset, this, &MapStatusBar::updateCrs);
  connect(mCrs, &QPushButton::clicked, this, &MapStatusBar::crsButtonClicked);
  connect(mScale->lineEdit(), &QLineEdit::returnPressed, this, [this] {
    QString text = mScale->currentText().trimmed();
    if (text.contains(QLatin1Char(':'))) text = text.section(QLatin1Char(':'), 1);
    bool ok = false;
    const double denominator = text.remove(QLatin1Char(',')).toDouble(&ok);
    if (ok && denominator > 0) mCanvas->setScaleDenominator(denominator);
    updateScale();
  });
  connect(mScale, &QComboBox::activated, this, [this] { emit mScale->lineEdit()->returnPressed(); });
  updateCrs();
}

void MapStatusBar::showCursor(QPointF p) {
  const bool geographic = mDocument->mapCrs().isGeographic();
  mCoordinates->setText(geographic ? QStringLiteral("%1, %2").arg(p.x(), 0, 'f', 6).arg(p.y(), 0, 'f', 6)
                                   : QStringLiteral("%1, %2").arg(p.x(), 0, 'f', 1).arg(p.y(), 0, 'f', 1));
  if (!mToLonLat || !(mToLonLatFor == mDocument->mapCrs())) {
    auto t = gis::CoordinateTransform::create(mDocument->mapCrs(), gis::Crs::fromEpsg(4326));
    mToLonLat = t.ok() ? std::move(t).value() : nullptr;
    mToLonLatFor = mDocument->mapCrs();
  }
  if (!mToLonLat) return;
  const QPointF ll = mToLonLat->transform(p);
  if (!std::isfinite(ll.x())) {
    mLonLat->clear();
    return;
  }
  mLonLat->setText(tr("Lon %1°  Lat %2°").arg(ll.x(), 0, 'f', 6).arg(ll.y(), 0, 'f', 6));
}

void MapStatusBar::updateScale() {
  const double s = mCanvas->scaleDenominator();
  if (std::isfinite(s) && s > 0) mScale->setEditText(QStringLiteral("1:%1").arg(std::llround(s)));
}

void MapStatusBar::updateCrs() { mCrs->setText(mDocument->mapCrs().name()); }

}  // namespace xiuhua::app
