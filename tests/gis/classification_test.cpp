#include "xiuhua/gis/classification.h"
#include "xiuhua/gis/style.h"
#include "xiuhua/gis/vector_data.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace xiuhua::gis {
namespace {

TEST(Classification, EqualInterval) {
  const auto edges = classBreaks({0, 3, 10, 7, 1}, ClassificationMethod::EqualInterval, 5);
  EXPECT_EQ(edges, (std::vector<double>{0, 2, 4, 6, 8, 10}));
}

TEST(Classification, QuantileSplitsCounts) {
  std::vector<double> values;
  for (int i = 1; i <= 100; ++i) values.push_back(i * i);  // skewed
  const auto edges = classBreaks(values, ClassificationMethod::Quantile, 4);
  ASSERT_EQ(edges.size(), 5U);
  EXPECT_EQ(edges.front(), 1);
  EXPECT_EQ(edges.back(), 10000);
  EXPECT_NEAR(edges[2], (50.0 * 50 + 51.0 * 51) / 2, 60);  // the median
}

TEST(Classification, NaturalBreaksFindsClusters) {
  const auto edges = classBreaks({1, 2, 3, 50, 51, 52, 10, 11, 12}, ClassificationMethod::NaturalBreaks, 3);
  EXPECT_EQ(edges, (std::vector<double>{1, 3, 12, 52}));
}

TEST(Classification, NaturalBreaksOnLargeInputStaysSorted) {
  std::vector<double> values;
  for (int i = 0; i < 20000; ++i) values.push_back(std::fmod(i * 7919.0, 1000.0));
  const auto edges = classBreaks(values, ClassificationMethod::NaturalBreaks, 5);
  ASSERT_EQ(edges.size(), 6U);
  EXPECT_TRUE(std::is_sorted(edges.begin(), edges.end()));
}

TEST(Classification, DegenerateInputs) {
  EXPECT_TRUE(classBreaks({}, ClassificationMethod::Quantile, 5).empty());
  EXPECT_EQ(classBreaks({4, 4, 4}, ClassificationMethod::EqualInterval, 5), (std::vector<double>{4, 4}));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(classBreaks({nan, 1, 3}, ClassificationMethod::EqualInterval, 2), (std::vector<double>{1, 2, 3}));
}

VectorData sampleData() {
  VectorData d;
  d.fields = {{QStringLiteral("kind"), Field::Type::String}, {QStringLiteral("area"), Field::Type::Real}};
  const char* kinds[] = {"社区公园", "口袋公园", "社区公园", "综合公园"};
  for (int i = 0; i < 4; ++i) {
    d.attributes.push_back({QString::fromUtf8(kinds[i]), 1000.0 * (i + 1)});
    d.geometries.push_back(Geometry::point({0, 0}));
  }
  return d;
}

TEST(Style, CategoriesOnePerDistinctValue) {
  VectorStyle style;
  style.field = QStringLiteral("kind");
  buildCategories(style, sampleData());
  ASSERT_EQ(style.classes.size(), 3U);
  EXPECT_EQ(style.symbolFor(QStringLiteral("口袋公园")).fill, style.classes[0].symbol.fill);
  EXPECT_NE(style.classes[0].symbol.fill, style.classes[1].symbol.fill);
}

TEST(Style, GraduatedUsesTheRamp) {
  VectorStyle style;
  style.field = QStringLiteral("area");
  style.classCount = 3;
  style.rampName = QStringLiteral("Reds");
  buildGraduated(style, sampleData());
  ASSERT_EQ(style.classes.size(), 3U);
  EXPECT_EQ(style.symbolFor(1000.0).fill, ColorRamp::byName(QStringLiteral("Reds")).at(0));
  EXPECT_EQ(style.symbolFor(4000.0).fill, ColorRamp::byName(QStringLiteral("Reds")).at(1));
}

TEST(Style, JsonRoundTrip) {
  VectorStyle style;
  style.field = QStringLiteral("kind");
  style.labelField = QStringLiteral("kind");
  style.opacity = 0.5;
  buildCategories(style, sampleData());
  const VectorStyle back = VectorStyle::fromJson(style.toJson());
  EXPECT_EQ(back.kind, VectorStyle::Kind::Categorized);
  EXPECT_EQ(back.classes.size(), style.classes.size());
  EXPECT_EQ(back.classes[1].symbol.fill, style.classes[1].symbol.fill);
  EXPECT_EQ(back.labelField, style.labelField);
  EXPECT_DOUBLE_EQ(back.opacity, 0.5);
}

}  // namespace
}  // namespace xiuhua::gis
