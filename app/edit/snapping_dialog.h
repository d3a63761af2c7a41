#pragma once

#include "edit/snapping.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QListWidget;

namespace xiuhua::app {

class MapDocument;

// The planner's snapping options: on/off, the layers to snap to, vertices and/or segments, the
// tolerance in screen pixels or map units.
class SnappingDialog : public QDialog {
  Q_OBJECT

 public:
  SnappingDialog(const MapDocument* document, const Snapping::Settings& settings, QWidget* parent = nullptr);
  Snapping::Settings settings() const;

  QListWidget* layerList() const { return mLayers; }
  QDoubleSpinBox* toleranceBox() const { return mTolerance; }
  QComboBox* unitBox() const { return mUnit; }

 private:
  QCheckBox* mEnabled;
  QListWidget* mLayers;
  QCheckBox* mVertices;
  QCheckBox* mSegments;
  QDoubleSpinBox* mTolerance;
  QComboBox* mUnit;
};

}  // namespace xiuhua::app
