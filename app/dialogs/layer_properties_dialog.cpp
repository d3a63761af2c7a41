#include "dialogs/layer_properties_dialog.h"

#include "dialogs/encoding_dialog.h"

#include "dialogs/crs_selector.h"
#include "dialogs/style_editor.h"
#include "document/layer_loader.h"
#include "document/map_document.h"
#include "xiuhua/gis/postgis/pg_connection_info.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QTabWidget>
#include <QVBoxLayout>

namespace xiuhua::app {
namespace {

QString geometryTypeName(gis::Geometry::Type t) {
  switch (t) {
    case gis::Geometry::Type::Point: return LayerPropertiesDialog::tr("Point");
    case gis::Geometry::Type::Line: return LayerPropertiesDialog::tr("Line");
    case gis::Geometry::Type::Polygon: return LayerPropertiesDialog::tr("Polygon");
    case gis::Geometry::Type::Empty: break;
  }
  return LayerPropertiesDialog::tr("None");
}

QString extentText(const QRectF& r) {
  return QStringLiteral("%1, %2 — %3, %4").arg(r.left(), 0, 'f', 3).arg(r.top(), 0, 'f', 3)
      .arg(r.right(), 0, 'f', 3).arg(r.bottom(), 0, 'f', 3);
}

QLabel* selectable(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  label->setWordWrap(true);
  return label;
}

}  // namespace

LayerPropertiesDialog::LayerPropertiesDialog(MapDocument* document, const QString& layerId, QWidget* parent)
    : QDialog(parent), mDocument(document), mLayerId(layerId), mTabs(new QTabWidget(this)) {
  const LayerState* state = document->layer(layerId);
  setWindowTitle(tr("Layer properties — %1").arg(state != nullptr ? state->spec.name : QString()));
  resize(620, 560);
  mTabs->addTab(makeInformationPage(), tr("Information"));

  auto* crsPage = new QWidget(this);
  auto* crsLayout = new QVBoxLayout(crsPage);
  crsLayout->addWidget(new QLabel(tr("Declare the coordinate system the layer's coordinates are in. "
                                     "Use this when the source has none, or a wrong one (an Amap or "
                                     "Tencent export is GCJ-02 even though GeoJSON says WGS 84)."), crsPage));
  crsLayout->itemAt(0)->widget()->setProperty("wordWrap", true);
  mCrs = new CrsSelector(true, crsPage);
  if (state != nullptr) mCrs->setDefinition(state->spec.declaredCrs);
  crsLayout->addWidget(mCrs);
  if (state != nullptr && state->data && (state->data->driver == QLatin1String("ESRI Shapefile") || state->data->driver == QLatin1String("CSV"))) {
    mEncoding = new QComboBox(crsPage);
    mEncoding->addItem(tr("Automatic (.cpg, DBF language id, detection)"), QString());
    for (const QString& e : encodingChoices(state->data->encoding)) mEncoding->addItem(gis::encodingDisplayName(e), e);
    mEncoding->setCurrentIndex(std::max(0, mEncoding->findData(state->spec.encoding)));
    auto* form = new QFormLayout;
    form->addRow(tr("Text encoding"), mEncoding);
    crsLayout->addLayout(form);
  }
  crsLayout->addStretch();
  mTabs->addTab(crsPage, tr("Coordinate system and encoding"));

  if (state != nullptr && state->spec.kind == gis::LayerSpec::Kind::Raster) {
    mTabs->addTab(makeRasterStylePage(), tr("Style"));
  } else if (state != nullptr) {
    mStyle = new StyleEditor(state->data, state->spec.vectorStyle, this, state->streamed ? state->streamed->fieldNames() : QStringList());
    mTabs->addTab(mStyle, tr("Style"));
  }

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    if (apply()) accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &LayerPropertiesDialog::apply);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(mTabs);
  layout->addWidget(buttons);
}

void LayerPropertiesDialog::showPage(Page page) { mTabs->setCurrentIndex(static_cast<int>(page)); }

QWidget* LayerPropertiesDialog::makeInformationPage() {
  auto* page = new QWidget(this);
  auto* form = new QFormLayout(page);
  const LayerState* s = mDocument->layer(mLayerId);
  if (s == nullptr) return page;
  form->addRow(tr("Name"), selectable(s->spec.name, page));
  form->addRow(tr("Source"), selectable(QDir::toNativeSeparators(s->spec.source), page));
  if (!s->spec.sourceLayer.isEmpty()) form->addRow(tr("Layer in source"), selectable(s->spec.sourceLayer, page));
  const gis::Crs crs = s->effectiveCrs();
  QString crsText = crs.isValid() ? crs.name() : tr("⚠ None — declare one on the next page");
  if (!s->spec.declaredCrs.isEmpty()) crsText += tr(" (declared by the user)");
  if (s->data && !s->data->crsProblem.isEmpty()) crsText += QStringLiteral("\n") + s->data->crsProblem;
  form->addRow(tr("Coordinate system"), selectable(crsText, page));
  form->addRow(tr("Map coordinate system"), selectable(mDocument->mapCrs().name(), page));
  if (!s->error.isEmpty()) form->addRow(tr("Problem"), selectable(s->error, page));
  if (s->data) {
    const gis::VectorData& d = *s->data;
    form->addRow(tr("Format"), selectable(d.driver, page));
    form->addRow(tr("Geometry"), selectable(geometryTypeName(d.geometryType), page));
    form->addRow(tr("Features"), selectable(QLocale().toString(static_cast<qulonglong>(d.featureCount())), page));
    form->addRow(tr("Fields"), selectable(QString::number(d.fields.size()), page));
    QString encoding = tr("%1 (%2)").arg(gis::encodingDisplayName(d.encoding.name), gis::encodingSourceLabel(d.encoding.source));
    if (d.encoding.source == gis::EncodingSource::Detected) {
      encoding += d.encoding.runnerUp.isEmpty() ? tr(", confidence %1 %").arg(d.encoding.confidence)
                                                : tr(", confidence %1 %; else %2").arg(d.encoding.confidence).arg(gis::encodingDisplayName(d.encoding.runnerUp));
    }
    if (!d.encoding.note.isEmpty()) encoding += QStringLiteral("\n") + d.encoding.note;
    form->addRow(tr("Text encoding"), selectable(encoding, page));
    form->addRow(tr("Extent (layer CRS)"), selectable(extentText(d.extent), page));
    const int invalidCount = s->invalidGeometries ? static_cast<int>(s->invalidGeometries->size()) : -1;
    auto* invalid = selectable(invalidCount < 0 ? tr("checking…") : tr("%n invalid geometries", nullptr, invalidCount), page);
    form->addRow(tr("Validity"), invalid);
    if (invalidCount > 0) {
      auto* select = new QPushButton(tr("Select them on the map"), page);
      auto* repair = new QPushButton(tr("Repair invalid geometries (GEOS MakeValid)"), page);
      connect(select, &QPushButton::clicked, this, [this] {
        const LayerState* state = mDocument->layer(mLayerId);
        if (state != nullptr && state->invalidGeometries) mDocument->setSelection(mLayerId, *state->invalidGeometries);
      });
      connect(repair, &QPushButton::clicked, this, [this, repair, select, invalid] {
        const int fixed = mDocument->repairGeometries(mLayerId);
        invalid->setText(tr("%n geometries repaired in memory; the source file is unchanged.", nullptr, fixed));
        repair->setEnabled(false);
        select->setEnabled(false);
      });
      auto* buttons = new QHBoxLayout;
      buttons->addWidget(select);
      buttons->addWidget(repair);
      form->addRow(QString(), buttons);
    }
    if (!d.warnings.isEmpty()) form->addRow(tr("Warnings"), selectable(d.warnings.join(QLatin1Char('\n')), page));
  }
  if (s->streamed) {
    form->addRow(tr("Format"), selectable(tr("PostGIS table, drawn per view from the server"), page));
    form->addRow(tr("Geometry"), selectable(geometryTypeName(s->streamed->geometryType()), page));
    form->addRow(tr("Features"), selectable(tr("about %1 (the server's estimate)").arg(QLocale().toString(s->streamed->estimatedCount().value_or(0))), page));
    form->addRow(tr("Fields"), selectable(s->streamed->fieldNames().join(QStringLiteral(", ")), page));
    form->addRow(tr("Extent (map CRS)"), selectable(extentText(s->streamed->extent()), page));
  }
  if (s->spec.kind == gis::LayerSpec::Kind::Vector && gis::PgLayerSource::isPgPath(s->spec.source)) {
    mStreaming = new QComboBox(page);
    mStreaming->addItem(tr("Automatic: per view from %1 rows on (Xiuhua's assumption; setting postgis/streamAboveRows)")
                            .arg(QLocale().toString(streamAboveRows())),
                        static_cast<int>(gis::LayerSpec::Streaming::Auto));
    mStreaming->addItem(tr("Per view from the server (any size; no table, no editing)"), static_cast<int>(gis::LayerSpec::Streaming::Always));
    mStreaming->addItem(tr("Read the whole layer (table and editing; memory for every row)"), static_cast<int>(gis::LayerSpec::Streaming::Never));
    mStreaming->setCurrentIndex(std::max(0, mStreaming->findData(static_cast<int>(s->spec.streaming))));
    form->addRow(tr("Drawing"), mStreaming);
  }
  if (s->raster) {
    const gis::RasterGrid& r = *s->raster;
    form->addRow(tr("Format"), selectable(tr("Raster grid"), page));
    form->addRow(tr("Size"), selectable(tr("%1 × %2 cells, cell size %3").arg(r.sourceWidth).arg(r.sourceHeight).arg(r.sourceCellSize), page));
    form->addRow(tr("Values"), selectable(tr("min %1, max %2").arg(r.minimum).arg(r.maximum), page));
    form->addRow(tr("Extent (map CRS)"), selectable(extentText(r.extent), page));
  }
  return page;
}

QWidget* LayerPropertiesDialog::makeRasterStylePage() {
  auto* page = new QWidget(this);
  auto* form = new QFormLayout(page);
  const LayerState* s = mDocument->layer(mLayerId);
  mRasterRamp = new QComboBox(page);
  for (const gis::ColorRamp& r : gis::ColorRamp::builtIn()) mRasterRamp->addItem(r.name, r.name);
  mRasterMin = new QDoubleSpinBox(page);
  mRasterMax = new QDoubleSpinBox(page);
  for (QDoubleSpinBox* b : {mRasterMin, mRasterMax}) {
    b->setRange(-1e12, 1e12);
    b->setDecimals(3);
  }
  mRasterOpacity = new QSlider(Qt::Horizontal, page);
  mRasterOpacity->setRange(0, 100);
  if (s != nullptr) {
    mRasterRamp->setCurrentIndex(std::max(0, mRasterRamp->findData(s->spec.rasterStyle.rampName)));
    mRasterMin->setValue(s->spec.rasterStyle.minimum);
    mRasterMax->setValue(s->spec.rasterStyle.maximum);
    mRasterOpacity->setValue(static_cast<int>(s->spec.rasterStyle.opacity * 100));
  }
  form->addRow(tr("Colour ramp"), mRasterRamp);
  form->addRow(tr("Minimum"), mRasterMin);
  form->addRow(tr("Maximum"), mRasterMax);
  form->addRow(tr("Opacity"), mRasterOpacity);
  return page;
}

bool LayerPropertiesDialog::apply() {
  const LayerState* s = mDocument->layer(mLayerId);
  if (s == nullptr) return false;
  if (mStyle != nullptr) mDocument->setVectorStyle(mLayerId, mStyle->style());
  if (mRasterRamp != nullptr) {
    gis::RasterStyle style;
    style.rampName = mRasterRamp->currentData().toString();
    style.minimum = mRasterMin->value();
    style.maximum = mRasterMax->value();
    style.opacity = mRasterOpacity->value() / 100.0;
    mDocument->setRasterStyle(mLayerId, style);
  }
  if (mStreaming != nullptr && mStreaming->currentData().toInt() != static_cast<int>(s->spec.streaming)) {
    mDocument->setLayerStreaming(mLayerId, static_cast<gis::LayerSpec::Streaming>(mStreaming->currentData().toInt()));
    s = mDocument->layer(mLayerId);
  }
  if (mEncoding != nullptr && mEncoding->currentData().toString() != s->spec.encoding) {
    mDocument->setLayerEncoding(mLayerId, mEncoding->currentData().toString());
  }
  s = mDocument->layer(mLayerId);
  if (s != nullptr && mCrs->definition() != s->spec.declaredCrs) {
    if (const QString problem = mCrs->validate(); !problem.isEmpty()) {
      QMessageBox::warning(this, tr("Coordinate system"), problem);
      return false;
    }
    if (gis::Status st = mDocument->declareLayerCrs(mLayerId, mCrs->definition()); !st) {
      QMessageBox::warning(this, tr("Coordinate system"), st.error().message);
      return false;
    }
  }
  return true;
}

}  // namespace xiuhua::app
