#include "xiuhua/gis/style.h"

#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/vector_data.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <map>

namespace xiuhua::gis {
namespace {

QColor rgb(int hex) { return QColor((hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff); }

QJsonObject symbolToJson(const Symbol& s) {
  return {{QStringLiteral("fill"), s.fill.name(QColor::HexArgb)},
          {QStringLiteral("stroke"), s.stroke.name(QColor::HexArgb)},
          {QStringLiteral("strokeWidth"), s.strokeWidth},
          {QStringLiteral("pointSize"), s.pointSize},
          {QStringLiteral("strokeStyle"), s.dashed ? QStringLiteral("dash") : QStringLiteral("solid")}};
}

Symbol symbolFromJson(const QJsonObject& o) {
  Symbol s;
  if (o.contains(QStringLiteral("fill"))) s.fill = QColor(o.value(QStringLiteral("fill")).toString());
  if (o.contains(QStringLiteral("stroke"))) s.stroke = QColor(o.value(QStringLiteral("stroke")).toString());
  s.strokeWidth = o.value(QStringLiteral("strokeWidth")).toDouble(s.strokeWidth);
  s.pointSize = o.value(QStringLiteral("pointSize")).toDouble(s.pointSize);
  s.dashed = o.value(QStringLiteral("strokeStyle")).toString() == QLatin1String("dash");
  return s;
}

// Qualitative palette for categories (ColorBrewer Set3-like, softened for map fills).
const std::vector<QColor>& categoryPalette() {
  static const std::vector<QColor> kPalette = {
      rgb(0x8dd3c7), rgb(0xffffb3), rgb(0xbebada), rgb(0xfb8072), rgb(0x80b1d3), rgb(0xfdb462),
      rgb(0xb3de69), rgb(0xfccde5), rgb(0xd9d9d9), rgb(0xbc80bd), rgb(0xccebc5), rgb(0xffed6f)};
  return kPalette;
}

QString formatNumber(double v) {
  return std::abs(v) >= 1000 || v == std::floor(v) ? QString::number(v, 'f', 0)
                                                     : QString::number(v, 'g', 4);
}

}  // namespace

QColor ColorRamp::at(double t) const {
  if (stops.empty()) return Qt::gray;
  if (stops.size() == 1 || !(t > 0)) return stops.front();
  if (t >= 1) return stops.back();
  const double pos = t * static_cast<double>(stops.size() - 1);
  const auto i = static_cast<std::size_t>(pos);
  const double f = pos - static_cast<double>(i);
  const QColor& a = stops[i];
  const QColor& b = stops[i + 1];
  return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * f),
                          static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * f),
                          static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * f));
}

const std::vector<ColorRamp>& ColorRamp::builtIn() {
  static const std::vector<ColorRamp> kRamps = {
      {QStringLiteral("Blues"), {rgb(0xeff3ff), rgb(0x9ecae1), rgb(0x3182bd), rgb(0x08519c)}},
      {QStringLiteral("Greens"), {rgb(0xedf8e9), rgb(0xa1d99b), rgb(0x31a354), rgb(0x006d2c)}},
      {QStringLiteral("Reds"), {rgb(0xfee5d9), rgb(0xfc9272), rgb(0xde2d26), rgb(0xa50f15)}},
      {QStringLiteral("YlOrRd"), {rgb(0xffffb2), rgb(0xfecc5c), rgb(0xfd8d3c), rgb(0xe31a1c)}},
      {QStringLiteral("RdYlGn"), {rgb(0xd7191c), rgb(0xfdae61), rgb(0xffffbf), rgb(0xa6d96a), rgb(0x1a9641)}},
      {QStringLiteral("Viridis"), {rgb(0x440154), rgb(0x3b528b), rgb(0x21918c), rgb(0x5ec962), rgb(0xfde725)}},
      {QStringLiteral("Population"), {rgb(0xfff7ec), rgb(0xfdd49e), rgb(0xfc8d59), rgb(0xd7301f), rgb(0x7f0000)}},
      {QStringLiteral("Greys"), {rgb(0xf7f7f7), rgb(0xbdbdbd), rgb(0x636363), rgb(0x252525)}},
  };
  return kRamps;
}

ColorRamp ColorRamp::byName(const QString& name) {
  for (const ColorRamp& r : builtIn()) {
    if (r.name == name) return r;
  }
  return builtIn().front();
}

const Symbol& VectorStyle::symbolFor(const QVariant& value) const {
  switch (kind) {
    case Kind::Single: return symbol;
    case Kind::Categorized:
      for (const StyleClass& c : classes) {
        if (c.value.isValid() && value.isValid() && c.value.toString() == value.toString()) {
          return c.symbol;
        }
      }
      return symbol;
    case Kind::Graduated: {
      bool ok = false;
      const double v = value.toDouble(&ok);
      if (!ok || !value.isValid()) return symbol;
      for (const StyleClass& c : classes) {
        if (v >= c.lower && v <= c.upper) return c.symbol;
      }
      return symbol;
    }
  }
  return symbol;
}

QJsonObject VectorStyle::toJson() const {
  QJsonArray cls;
  for (const StyleClass& c : classes) {
    cls.append(QJsonObject{{QStringLiteral("value"), QJsonValue::fromVariant(c.value)},
                           {QStringLiteral("lower"), c.lower},
                           {QStringLiteral("upper"), c.upper},
                           {QStringLiteral("label"), c.label},
                           {QStringLiteral("symbol"), symbolToJson(c.symbol)}});
  }
  static const char* kKinds[] = {"single", "categorized", "graduated"};
  static const char* kMethods[] = {"equal", "quantile", "jenks"};
  return {{QStringLiteral("kind"), QLatin1String(kKinds[static_cast<int>(kind)])},
          {QStringLiteral("symbol"), symbolToJson(symbol)},
          {QStringLiteral("field"), field},
          {QStringLiteral("method"), QLatin1String(kMethods[static_cast<int>(method)])},
          {QStringLiteral("classCount"), classCount},
          {QStringLiteral("ramp"), rampName},
          {QStringLiteral("classes"), cls},
          {QStringLiteral("opacity"), opacity},
          {QStringLiteral("labelField"), labelField},
          {QStringLiteral("labelColor"), labelColor.name()},
          {QStringLiteral("labelPointSize"), labelPointSize}};
}

VectorStyle VectorStyle::fromJson(const QJsonObject& o) {
  VectorStyle s;
  const QString kindName = o.value(QStringLiteral("kind")).toString();
  s.kind = kindName == QLatin1String("categorized") ? Kind::Categorized
           : kindName == QLatin1String("graduated") ? Kind::Graduated
                                                    : Kind::Single;
  s.symbol = symbolFromJson(o.value(QStringLiteral("symbol")).toObject());
  s.field = o.value(QStringLiteral("field")).toString();
  const QString method = o.value(QStringLiteral("method")).toString();
  s.method = method == QLatin1String("quantile") ? ClassificationMethod::Quantile
             : method == QLatin1String("jenks")  ? ClassificationMethod::NaturalBreaks
                                                 : ClassificationMethod::EqualInterval;
  s.classCount = o.value(QStringLiteral("classCount")).toInt(5);
  s.rampName = o.value(QStringLiteral("ramp")).toString(s.rampName);
  for (const QJsonValue& v : o.value(QStringLiteral("classes")).toArray()) {
    const QJsonObject c = v.toObject();
    s.classes.push_back({c.value(QStringLiteral("value")).toVariant(),
                         c.value(QStringLiteral("lower")).toDouble(),
                         c.value(QStringLiteral("upper")).toDouble(),
                         c.value(QStringLiteral("label")).toString(),
                         symbolFromJson(c.value(QStringLiteral("symbol")).toObject())});
  }
  s.opacity = o.value(QStringLiteral("opacity")).toDouble(1.0);
  s.labelField = o.value(QStringLiteral("labelField")).toString();
  if (o.contains(QStringLiteral("labelColor"))) {
    s.labelColor = QColor(o.value(QStringLiteral("labelColor")).toString());
  }
  s.labelPointSize = o.value(QStringLiteral("labelPointSize")).toInt(9);
  return s;
}

void buildCategories(VectorStyle& style, const VectorData& data) {
  style.kind = VectorStyle::Kind::Categorized;
  style.classes.clear();
  const int index = data.fieldIndex(style.field);
  if (index < 0) return;
  std::map<QString, QVariant> distinct;
  for (const AttributeRow& row : data.attributes) {
    const QVariant& v = row[static_cast<std::size_t>(index)];
    if (v.isValid() && (distinct.size() < 64 || distinct.count(v.toString()) > 0)) {
      distinct.emplace(v.toString(), v);
    }
  }
  const auto& palette = categoryPalette();
  std::size_t i = 0;
  for (const auto& [text, value] : distinct) {
    Symbol s = style.symbol;
    s.fill = palette[i % palette.size()];
    s.stroke = s.fill.darker(160);
    style.classes.push_back({value, 0, 0, text, s});
    ++i;
  }
}

void buildGraduated(VectorStyle& style, const VectorData& data) {
  style.kind = VectorStyle::Kind::Graduated;
  style.classes.clear();
  const int index = data.fieldIndex(style.field);
  if (index < 0) return;
  std::vector<double> values;
  values.reserve(data.attributes.size());
  for (const AttributeRow& row : data.attributes) {
    bool ok = false;
    const double v = row[static_cast<std::size_t>(index)].toDouble(&ok);
    if (ok && row[static_cast<std::size_t>(index)].isValid()) values.push_back(v);
  }
  const std::vector<double> edges = classBreaks(std::move(values), style.method, style.classCount);
  const ColorRamp ramp = ColorRamp::byName(style.rampName);
  const std::size_t n = edges.size() < 2 ? 0 : edges.size() - 1;
  for (std::size_t i = 0; i < n; ++i) {
    Symbol s = style.symbol;
    s.fill = ramp.at(n == 1 ? 1.0 : static_cast<double>(i) / static_cast<double>(n - 1));
    s.stroke = s.fill.darker(150);
    style.classes.push_back({QVariant(), edges[i], edges[i + 1],
                             QStringLiteral("%1 – %2").arg(formatNumber(edges[i]), formatNumber(edges[i + 1])),
                             s});
  }
}

Symbol defaultSymbol(int geometryType, int seed) {
  static const std::vector<QColor> kFills = {rgb(0xa6cee3), rgb(0xb2df8a), rgb(0xfb9a99),
                                             rgb(0xfdbf6f), rgb(0xcab2d6), rgb(0xffff99),
                                             rgb(0x1f78b4), rgb(0x33a02c), rgb(0xe31a1c)};
  Symbol s;
  s.fill = kFills[static_cast<std::size_t>(seed) % kFills.size()];
  s.stroke = s.fill.darker(170);
  if (geometryType == static_cast<int>(Geometry::Type::Line)) {
    s.stroke = s.fill.darker(130);
    s.strokeWidth = 1.4;
  }
  return s;
}

QJsonObject RasterStyle::toJson() const {
  return {{QStringLiteral("ramp"), rampName},
          {QStringLiteral("min"), minimum},
          {QStringLiteral("max"), maximum},
          {QStringLiteral("opacity"), opacity}};
}

RasterStyle RasterStyle::fromJson(const QJsonObject& o) {
  RasterStyle s;
  s.rampName = o.value(QStringLiteral("ramp")).toString(s.rampName);
  s.minimum = o.value(QStringLiteral("min")).toDouble(s.minimum);
  s.maximum = o.value(QStringLiteral("max")).toDouble(s.maximum);
  s.opacity = o.value(QStringLiteral("opacity")).toDouble(s.opacity);
  return s;
}

}  // namespace xiuhua::gis
