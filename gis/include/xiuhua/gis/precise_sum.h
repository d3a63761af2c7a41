#pragma once

#include <cmath>

namespace xiuhua::gis {

// Neumaier-compensated sum: the totals of hundreds of thousands of areas keep their digits.
class PreciseSum {
 public:
  void add(double v) {
    const double t = mSum + v;
    mCompensation += std::abs(mSum) >= std::abs(v) ? (mSum - t) + v : (v - t) + mSum;
    mSum = t;
  }
  double value() const { return mSum + mCompensation; }

 private:
  double mSum = 0;
  double mCompensation = 0;
};

}  // namespace xiuhua::gis
