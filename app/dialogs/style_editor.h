#pragma once

#include "xiuhua/gis/style.h"
#include "xiuhua/gis/vector_data.h"

#include <QStringList>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSlider;
class QSpinBox;

namespace xiuhua::app {

// Edits a vector layer's style: single symbol, categorized by a field, or graduated with equal
// interval / quantile / natural breaks and a colour ramp; opacity and labels from a field.
class StyleEditor : public QWidget {
  Q_OBJECT

 public:
  // streamedFields: the columns of a layer drawn per view (no data held): offered for labels only.
  StyleEditor(std::shared_ptr<const gis::VectorData> data, const gis::VectorStyle& style,
              QWidget* parent = nullptr, const QStringList& streamedFields = {});
  gis::VectorStyle style() const;

 private:
  void rebuildClasses();
  void showClasses();
  void pickColor(QPushButton* button, QColor& color);

  std::shared_ptr<const gis::VectorData> mData;
  gis::VectorStyle mStyle;
  QComboBox* mKind;
  QComboBox* mField;
  QComboBox* mMethod;
  QSpinBox* mClassCount;
  QComboBox* mRamp;
  QPushButton* mFill;
  QPushButton* mStroke;
  QSlider* mOpacity;
  QComboBox* mLabelField;
  QListWidget* mClasses;
};

}  // namespace xiuhua::app
