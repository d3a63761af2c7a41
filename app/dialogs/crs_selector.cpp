#include "dialogs/crs_selector.h"

#include "xiuhua/gis/crs.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace xiuhua::app {
namespace {
const QString kCustom = QStringLiteral("custom");
}

CrsSelector::CrsSelector(bool allowNone, QWidget* parent)
    : QWidget(parent), mCombo(new QComboBox(this)), mCustom(new QPlainTextEdit(this)),
      mStatus(new QLabel(this)) {
  if (allowNone) mCombo->addItem(tr("As in the source (no declaration)"), QString());
  mCombo->addItem(tr("CGCS2000 / 3° Gauss–Krüger CM 120°E (EPSG:4549)"), QStringLiteral("EPSG:4549"));
  mCombo->addItem(tr("CGCS2000 / 3° Gauss–Krüger CM 123°E (EPSG:4550)"), QStringLiteral("EPSG:4550"));
  mCombo->addItem(tr("CGCS2000 geographic (EPSG:4490)"), QStringLiteral("EPSG:4490"));
  mCombo->addItem(tr("WGS 84 geographic (EPSG:4326)"), QStringLiteral("EPSG:4326"));
  mCombo->addItem(tr("WGS 84 / UTM zone 51N (EPSG:32651)"), QStringLiteral("EPSG:32651"));
  mCombo->addItem(tr("Web Mercator (EPSG:3857)"), QStringLiteral("EPSG:3857"));
  mCombo->addItem(tr("GCJ-02 (Amap, Tencent)"), QStringLiteral("GCJ02"));
  mCombo->addItem(tr("BD-09 (Baidu)"), QStringLiteral("BD09"));
  mCombo->addItem(tr("Custom PROJ string, WKT or EPSG code…"), kCustom);
  mCustom->setPlaceholderText(tr("e.g. +proj=tmerc +lat_0=31.2364 +lon_0=121.4648 +k=1 +x_0=0 "
                                 "+y_0=0 +ellps=GRS80 +units=m +no_defs (上海2000 local)"));
  mCustom->setMaximumHeight(80);
  mStatus->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(mCombo);
  layout->addWidget(mCustom);
  layout->addWidget(mStatus);
  connect(mCombo, &QComboBox::currentIndexChanged, this, &CrsSelector::updateState);
  connect(mCustom, &QPlainTextEdit::textChanged, this, &CrsSelector::updateState);
  updateState();
}

void CrsSelector::setDefinition(const QString& definition) {
  const int index = mCombo->findData(definition);
  if (index >= 0) {
    mCombo->setCurrentIndex(index);
  } else {
    mCombo->setCurrentIndex(mCombo->findData(kCustom));
    mCustom->setPlainText(definition);
  }
  updateState();
}

QString CrsSelector::definition() const {
  const QString data = mCombo->currentData().toString();
  return data == kCustom ? mCustom->toPlainText().trimmed() : data;
}

QString CrsSelector::validate() const {
  const QString def = definition();
  if (def.isEmpty()) return mCombo->currentData().toString() == kCustom ? tr("Enter a definition.") : QString();
  auto crs = gis::Crs::fromUserInput(def);
  return crs.ok() ? QString() : crs.error().message;
}

void CrsSelector::updateState() {
  mCustom->setVisible(mCombo->currentData().toString() == kCustom);
  const QString problem = validate();
  if (definition().isEmpty()) {
    mStatus->clear();
  } else if (problem.isEmpty()) {
    mStatus->setText(tr("✓ %1").arg(gis::Crs::fromUserInput(definition())->name()));
  } else {
    mStatus->setText(problem);
  }
}

}  // namespace xiuhua::app
