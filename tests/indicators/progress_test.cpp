#include "xiuhua/indicators/progress.h"

#include <gtest/gtest.h>

namespace xiuhua::indicators {
namespace {

Indicator coverage() {  // 公园绿地500米服务半径覆盖率: 80% in 2020 → 90% in 2025
  Indicator i;
  i.code = QStringLiteral("C");
  i.unit = QStringLiteral("%");
  i.direction = Direction::Higher;
  i.baselineYear = 2020;
  i.baselineValue = 80;
  i.targetYear = 2025;
  i.targetValue = 90;
  return i;
}

Indicator pm25() {  // lower is better: 40 in 2020 → 30 in 2025
  Indicator i = coverage();
  i.direction = Direction::Lower;
  i.baselineValue = 40;
  i.targetValue = 30;
  return i;
}

TEST(Progress, HigherIsBetterOnThePath) {
  const Progress p = computeProgress(coverage(), 2023, 86.0);
  EXPECT_DOUBLE_EQ(*p.percent, 60.0);
  EXPECT_DOUBLE_EQ(*p.expectedValue, 86.0);
  EXPECT_DOUBLE_EQ(*p.expectedPercent, 60.0);
  EXPECT_EQ(p.status, Status::OnTrack);
}

TEST(Progress, LowerIsBetterUsesTheSameFormula) {
  const Progress p = computeProgress(pm25(), 2023, 36.0);  // 4 of the 10 to go: 40%
  EXPECT_DOUBLE_EQ(*p.percent, 40.0);
  EXPECT_DOUBLE_EQ(*p.expectedValue, 34.0);
  EXPECT_EQ(p.status, Status::Behind);  // 20 points behind the expected 60%
  EXPECT_EQ(computeProgress(pm25(), 2023, 41.0).status, Status::SeverelyBehind);  // worse than baseline
  EXPECT_EQ(computeProgress(pm25(), 2022, 29.5).status, Status::Achieved);
}

TEST(Progress, ThresholdsDecideBehindAndSeverelyBehind) {
  EXPECT_EQ(computeProgress(coverage(), 2024, 87.0).status, Status::OnTrack);         // 70 vs 80: gap 10
  EXPECT_EQ(computeProgress(coverage(), 2024, 86.9).status, Status::Behind);          // gap 11
  EXPECT_EQ(computeProgress(coverage(), 2024, 85.6).status, Status::Behind);          // 56 vs 80: gap 24
  EXPECT_EQ(computeProgress(coverage(), 2024, 85.4).status, Status::SeverelyBehind);  // 54 vs 80: gap 26
  StatusThresholds strict;
  strict.behindGap = 5;
  strict.severeGap = 20;
  EXPECT_EQ(computeProgress(coverage(), 2024, 85.9, strict).status, Status::SeverelyBehind);  // gap 21
  EXPECT_EQ(computeProgress(coverage(), 2024, 87.4, strict).status, Status::Behind);          // gap 6
  EXPECT_EQ(computeProgress(coverage(), 2024, 87.5, strict).status, Status::OnTrack);         // gap 5: not more
}

TEST(Progress, IndicatorWarningThresholdMarksBehind) {
  Indicator i = coverage();
  i.warningThreshold = 70;
  EXPECT_EQ(computeProgress(i, 2022, 86.0).status, Status::Behind);  // 60% < 70%, though ahead of path
  EXPECT_EQ(computeProgress(coverage(), 2022, 86.0).status, Status::OnTrack);
}

TEST(Progress, ExactTargetAndNoData) {
  Indicator i = coverage();
  i.direction = Direction::Exact;
  i.targetValue = 100;
  EXPECT_EQ(computeProgress(i, 2025, 100.2).status, Status::Achieved);  // within 0.5%
  EXPECT_NE(computeProgress(i, 2025, 99.0).status, Status::Achieved);
  EXPECT_EQ(computeProgress(coverage(), 2023, std::nullopt).status, Status::NoData);
}

TEST(Progress, QualitativeTargetsAreAssessedByHand) {
  Indicator i = pm25();
  i.targetValue.reset();
  i.targetText = QStringLiteral("完成市级下达目标");
  const Progress p = computeProgress(i, 2023, 35.0);
  EXPECT_EQ(p.status, Status::Manual);
  EXPECT_FALSE(p.percent.has_value());
}

TEST(Progress, CountsWithoutBaselineStartFromZero) {
  Indicator i;
  i.direction = Direction::Higher;
  i.targetYear = 2025;
  i.targetValue = 15;  // 美丽街区 15个
  const Progress p = computeProgress(i, 2023, 9.0);
  EXPECT_DOUBLE_EQ(*p.percent, 60.0);
  EXPECT_DOUBLE_EQ(*p.expectedValue, 9.0);  // 3 of 5 years from 2020
  EXPECT_EQ(p.status, Status::OnTrack);
}

TEST(Progress, LowerWithoutBaselineOnlyKnowsMetOrNot) {
  Indicator i = pm25();
  i.baselineValue.reset();
  i.baselineYear.reset();
  EXPECT_EQ(computeProgress(i, 2023, 29.0).status, Status::Achieved);
  EXPECT_EQ(computeProgress(i, 2023, 31.0).status, Status::Behind);
  EXPECT_EQ(computeProgress(i, 2025, 31.0).status, Status::SeverelyBehind);
  EXPECT_FALSE(computeProgress(i, 2023, 31.0).percent.has_value());
}

}  // namespace
}  // namespace xiuhua::indicators
