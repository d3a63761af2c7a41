#pragma once

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QSlider;
class QTabWidget;

namespace xiuhua::app {

class CrsSelector;
class MapDocument;
class StyleEditor;

// Layer properties: information (source, driver, CRS, encoding, counts, extent, invalid
// geometries with a repair button), the declared CRS, the shapefile encoding and the style.
class LayerPropertiesDialog : public QDialog {
  Q_OBJECT

 public:
  LayerPropertiesDialog(MapDocument* document, const QString& layerId, QWidget* parent = nullptr);

  enum class Page { Information, CoordinateSystem, Style };
  void showPage(Page page);

 private:
  QWidget* makeInformationPage();
  QWidget* makeRasterStylePage();
  // Applies every page; false (dialog stays open, input kept) when the CRS is not valid.
  bool apply();

  MapDocument* mDocument;
  QString mLayerId;
  QTabWidget* mTabs;
  CrsSelector* mCrs = nullptr;
  QComboBox* mEncoding = nullptr;
  QComboBox* mStreaming = nullptr;  // PostGIS tables: per view, whole, or by size
  StyleEditor* mStyle = nullptr;
  QComboBox* mRasterRamp = nullptr;
  QDoubleSpinBox* mRasterMin = nullptr;
  QDoubleSpinBox* mRasterMax = nullptr;
  QSlider* mRasterOpacity = nullptr;
};

}  // namespace xiuhua::app
