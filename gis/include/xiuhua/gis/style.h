#pragma once

#include "xiuhua/gis/classification.h"

#include <QColor>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <vector>

namespace xiuhua::gis {

struct VectorData;

// A named sequence of colour stops, sampled linearly.
struct ColorRamp {
  QString name;
  std::vector<QColor> stops;
  QColor at(double t) const;  // t in [0, 1]
  static const std::vector<ColorRamp>& builtIn();
  static ColorRamp byName(const QString& name);  // falls back to the first built-in ramp
};

struct Symbol {
  QColor fill = QColor(120, 170, 220);
  QColor stroke = QColor(40, 70, 110);
  double strokeWidth = 0.8;  // pixels
  double pointSize = 6.0;    // pixels
  bool dashed = false;       // the outline (or line) drawn dashed, e.g. a planning area's boundary
};

struct StyleClass {
  QVariant value;      // categorized: the field value (invalid = other values)
  double lower = 0;    // graduated: [lower, upper]
  double upper = 0;
  QString label;
  Symbol symbol;
};

// How a vector layer is drawn. A plain value, copied into render snapshots.
struct VectorStyle {
  enum class Kind { Single, Categorized, Graduated };
  Kind kind = Kind::Single;
  Symbol symbol;
  QString field;  // categorized / graduated
  ClassificationMethod method = ClassificationMethod::EqualInterval;
  int classCount = 5;
  QString rampName = QStringLiteral("Blues");
  std::vector<StyleClass> classes;
  double opacity = 1.0;  // 0..1, applied to the whole layer
  QString labelField;    // empty: no labels
  QColor labelColor = QColor(30, 30, 30);
  int labelPointSize = 9;

  // The symbol for a feature's attribute value under this style.
  const Symbol& symbolFor(const QVariant& value) const;
  QJsonObject toJson() const;
  static VectorStyle fromJson(const QJsonObject& json);
};

// Fills in classes for a categorized style: one per distinct value, for the first 64 values met;
// features with other values are drawn with the layer symbol.
void buildCategories(VectorStyle& style, const VectorData& data);
// Fills in classes for a graduated style from the field's numeric values and the method.
void buildGraduated(VectorStyle& style, const VectorData& data);
// A pleasant default symbol for a geometry type, varied by a seed (e.g. the layer's index).
Symbol defaultSymbol(int geometryType, int seed);

struct RasterStyle {
  QString rampName = QStringLiteral("Population");
  double minimum = 0;   // values at or below: first stop
  double maximum = 1;   // values at or above: last stop
  double opacity = 0.85;
  QJsonObject toJson() const;
  static RasterStyle fromJson(const QJsonObject& json);
};

}  // namespace xiuhua::gis
