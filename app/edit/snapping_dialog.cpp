#include "edit/snapping_dialog.h"

#include "document/map_document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace xiuhua::app {

SnappingDialog::SnappingDialog(const MapDocument* document, const Snapping::Settings& settings, QWidget* parent)
    : QDialog(parent), mEnabled(new QCheckBox(tr("Snap while editing"), this)), mLayers(new QListWidget(this)),
      mVertices(new QCheckBox(tr("Vertices"), this)), mSegments(new QCheckBox(tr("Segments"), this)),
      mTolerance(new QDoubleSpinBox(this)), mUnit(new QComboBox(this)) {
  setWindowTitle(tr("Snapping"));
  mEnabled->setChecked(settings.enabled);
  for (const LayerState& layer : document->layers()) {
    if (layer.spec.kind != gis::LayerSpec::Kind::Vector) continue;
    auto* item = new QListWidgetItem(layer.spec.name, mLayers);
    item->setData(Qt::UserRole, layer.spec.id);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(settings.layers.contains(layer.spec.id) ? Qt::Checked : Qt::Unchecked);
  }
  mVertices->setChecked(settings.vertices);
  mSegments->setChecked(settings.segments);
  mTolerance->setRange(0.01, 100000);
  mTolerance->setDecimals(2);
  mTolerance->setValue(settings.tolerance);
  mUnit->addItem(tr("pixels"));
  mUnit->addItem(tr("map units"));
  mUnit->setCurrentIndex(settings.inPixels ? 0 : 1);

  auto* to = new QHBoxLayout;
  to->addWidget(mVertices);
  to->addWidget(mSegments);
  auto* tolerance = new QHBoxLayout;
  tolerance->addWidget(mTolerance, 1);
  tolerance->addWidget(mUnit);
  auto* form = new QFormLayout;
  form->addRow(tr("Snap to"), to);
  form->addRow(tr("Tolerance"), tolerance);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(mEnabled);
  layout->addWidget(new QLabel(tr("Layers to snap to:"), this));
  layout->addWidget(mLayers, 1);
  layout->addLayout(form);
  layout->addWidget(buttons);
}

Snapping::Settings SnappingDialog::settings() const {
  Snapping::Settings s;
  s.enabled = mEnabled->isChecked();
  s.vertices = mVertices->isChecked();
  s.segments = mSegments->isChecked();
  s.tolerance = mTolerance->value();
  s.inPixels = mUnit->currentIndex() == 0;
  for (int i = 0; i < mLayers->count(); ++i) {
    if (mLayers->item(i)->checkState() == Qt::Checked) s.layers << mLayers->item(i)->data(Qt::UserRole).toString();
  }
  return s;
}

}  // namespace xiuhua::app
