#include "dialogs/style_editor.h"

#include <QColorDialog>
#include <QComboBox>
#include <QFormLayout>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>

namespace xiuhua::app {
namespace {

QIcon swatch(const gis::Symbol& s) {
  QPixmap pm(16, 16);
  pm.fill(s.fill);
  return QIcon(pm);
}

void paintButton(QPushButton* button, const QColor& color) {
  button->setStyleSheet(QStringLiteral("background-color: %1; min-width: 60px;").arg(color.name()));
}

}  // namespace

StyleEditor::StyleEditor(std::shared_ptr<const gis::VectorData> data, const gis::VectorStyle& style,
                         QWidget* parent, const QStringList& streamedFields)
    : QWidget(parent), mData(std::move(data)), mStyle(style), mKind(new QComboBox(this)),
      mField(new QComboBox(this)), mMethod(new QComboBox(this)), mClassCount(new QSpinBox(this)),
      mRamp(new QComboBox(this)), mFill(new QPushButton(this)), mStroke(new QPushButton(this)),
      mOpacity(new QSlider(Qt::Horizontal, this)), mLabelField(new QComboBox(this)),
      mClasses(new QListWidget(this)) {
  mKind->addItem(tr("Single symbol"), static_cast<int>(gis::VectorStyle::Kind::Single));
  mKind->addItem(tr("Categorized"), static_cast<int>(gis::VectorStyle::Kind::Categorized));
  mKind->addItem(tr("Graduated"), static_cast<int>(gis::VectorStyle::Kind::Graduated));
  mKind->setCurrentIndex(static_cast<int>(mStyle.kind));
  mLabelField->addItem(tr("(no labels)"), QString());
  if (mData) {
    for (const gis::Field& f : mData->fields) {
      mField->addItem(f.name, f.name);
      mLabelField->addItem(f.name, f.name);
    }
  } else if (!streamedFields.isEmpty()) {
    // A layer drawn per view: labels come with each view; classes are built from every row, which
    // only a layer read whole has (a classified style written in the project still draws).
    for (const QString& f : streamedFields) mLabelField->addItem(f, f);
    if (mStyle.kind == gis::VectorStyle::Kind::Single) {
      mKind->setEnabled(false);
      mKind->setToolTip(tr("Classes are built from every row: choose \"Read the whole layer\" on the Information page to classify."));
    }
  }
  mField->setCurrentIndex(std::max(0, mField->findData(mStyle.field)));
  mLabelField->setCurrentIndex(std::max(0, mLabelField->findData(mStyle.labelField)));
  mMethod->addItem(tr("Equal interval"), static_cast<int>(gis::ClassificationMethod::EqualInterval));
  mMethod->addItem(tr("Quantile (equal count)"), static_cast<int>(gis::ClassificationMethod::Quantile));
  mMethod->addItem(tr("Natural breaks (Jenks)"), static_cast<int>(gis::ClassificationMethod::NaturalBreaks));
  mMethod->setCurrentIndex(static_cast<int>(mStyle.method));
  mClassCount->setRange(2, 12);
  mClassCount->setValue(mStyle.classCount);
  for (const gis::ColorRamp& r : gis::ColorRamp::builtIn()) mRamp->addItem(r.name, r.name);
  mRamp->setCurrentIndex(std::max(0, mRamp->findData(mStyle.rampName)));
  paintButton(mFill, mStyle.symbol.fill);
  paintButton(mStroke, mStyle.symbol.stroke);
  mOpacity->setRange(0, 100);
  mOpacity->setValue(static_cast<int>(mStyle.opacity * 100));

  auto* form = new QFormLayout(this);
  form->addRow(tr("Style"), mKind);
  form->addRow(tr("Fill colour"), mFill);
  form->addRow(tr("Outline colour"), mStroke);
  form->addRow(tr("Field"), mField);
  form->addRow(tr("Method"), mMethod);
  form->addRow(tr("Classes"), mClassCount);
  form->addRow(tr("Colour ramp"), mRamp);
  form->addRow(tr("Classes and colours"), mClasses);
  form->addRow(tr("Opacity"), mOpacity);
  form->addRow(tr("Label field"), mLabelField);

  connect(mFill, &QPushButton::clicked, this, [this] { pickColor(mFill, mStyle.symbol.fill); });
  connect(mStroke, &QPushButton::clicked, this, [this] { pickColor(mStroke, mStyle.symbol.stroke); });
  for (QComboBox* c : {mKind, mField, mMethod, mRamp}) {
    connect(c, &QComboBox::currentIndexChanged, this, &StyleEditor::rebuildClasses);
  }
  connect(mClassCount, &QSpinBox::valueChanged, this, &StyleEditor::rebuildClasses);
  showClasses();
}

void StyleEditor::pickColor(QPushButton* button, QColor& color) {
  const QColor chosen = QColorDialog::getColor(color, this);
  if (!chosen.isValid()) return;
  color = chosen;
  paintButton(button, color);
  rebuildClasses();
}

void StyleEditor::rebuildClasses() {
  mStyle.kind = static_cast<gis::VectorStyle::Kind>(mKind->currentData().toInt());
  mStyle.field = mField->currentData().toString();
  mStyle.method = static_cast<gis::ClassificationMethod>(mMethod->currentData().toInt());
  mStyle.classCount = mClassCount->value();
  mStyle.rampName = mRamp->currentData().toString();
  if (mData && mStyle.kind == gis::VectorStyle::Kind::Categorized) gis::buildCategories(mStyle, *mData);
  if (mData && mStyle.kind == gis::VectorStyle::Kind::Graduated) gis::buildGraduated(mStyle, *mData);
  if (mStyle.kind == gis::VectorStyle::Kind::Single) mStyle.classes.clear();
  showClasses();
}

void StyleEditor::showClasses() {
  const bool classified = mStyle.kind != gis::VectorStyle::Kind::Single;
  mField->setEnabled(classified);
  mMethod->setEnabled(mStyle.kind == gis::VectorStyle::Kind::Graduated);
  mClassCount->setEnabled(mStyle.kind == gis::VectorStyle::Kind::Graduated);
  mRamp->setEnabled(mStyle.kind == gis::VectorStyle::Kind::Graduated);
  mClasses->clear();
  for (const gis::StyleClass& c : mStyle.classes) mClasses->addItem(new QListWidgetItem(swatch(c.symbol), c.label));
}

gis::VectorStyle StyleEditor::style() const {
  gis::VectorStyle s = mStyle;
  s.opacity = mOpacity->value() / 100.0;
  s.labelField = mLabelField->currentData().toString();
  return s;
}

}  // namespace xiuhua::app
