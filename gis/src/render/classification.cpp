#include "xiuhua/gis/classification.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace xiuhua::gis {
namespace {

std::vector<double> jenks(const std::vector<double>& sorted, int k) {
  const int n = static_cast<int>(sorted.size());
  // lower[i][j]: best start index of class j for the first i values; var[i][j]: its cost.
  std::vector<std::vector<int>> lower(n + 1, std::vector<int>(k + 1, 1));
  std::vector<std::vector<double>> cost(
      n + 1, std::vector<double>(k + 1, std::numeric_limits<double>::infinity()));
  for (int j = 1; j <= k; ++j) cost[1][j] = 0;
  for (int i = 2; i <= n; ++i) {
    double sum = 0;
    double sumSq = 0;
    double variance = 0;
    for (int m = 1; m <= i; ++m) {
      const int start = i - m + 1;
      const double v = sorted[start - 1];
      sum += v;
      sumSq += v * v;
      variance = sumSq - (sum * sum) / m;
      if (start > 1) {
        for (int j = 2; j <= k; ++j) {
          const double c = variance + cost[start - 1][j - 1];
          if (c <= cost[i][j]) {
            lower[i][j] = start;
            cost[i][j] = c;
          }
        }
      }
    }
    lower[i][1] = 1;
    cost[i][1] = variance;
  }
  std::vector<double> edges(k + 1);
  edges[k] = sorted.back();
  edges[0] = sorted.front();
  int end = n;
  for (int j = k; j >= 2; --j) {
    const int start = lower[end][j] - 1;
    edges[j - 1] = sorted[std::max(start - 1, 0)];
    end = start;
  }
  return edges;
}

}  // namespace

std::vector<double> classBreaks(std::vector<double> values, ClassificationMethod method,
                                int classCount) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }),
               values.end());
  if (values.empty() || classCount < 1) return {};
  std::sort(values.begin(), values.end());
  const double lo = values.front();
  const double hi = values.back();
  std::vector<double> distinct = values;
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  const int k = std::min<int>(classCount, static_cast<int>(distinct.size()));
  if (k <= 1) return {lo, hi};
  std::vector<double> edges;
  switch (method) {
    case ClassificationMethod::EqualInterval:
      for (int i = 0; i <= k; ++i) edges.push_back(lo + (hi - lo) * i / k);
      break;
    case ClassificationMethod::Quantile:
      for (int i = 0; i <= k; ++i) {
        const double pos = static_cast<double>(i) / k * (values.size() - 1);
        const auto below = static_cast<std::size_t>(std::floor(pos));
        const std::size_t above = std::min(below + 1, values.size() - 1);
        edges.push_back(values[below] + (values[above] - values[below]) * (pos - below));
      }
      break;
    case ClassificationMethod::NaturalBreaks: {
      constexpr std::size_t kMaxSample = 3000;
      std::vector<double> sample;
      if (values.size() > kMaxSample) {
        for (std::size_t i = 0; i < kMaxSample; ++i) {
          sample.push_back(values[i * (values.size() - 1) / (kMaxSample - 1)]);
        }
      } else {
        sample = values;
      }
      edges = jenks(sample, k);
      break;
    }
  }
  edges.front() = lo;
  edges.back() = hi;
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  return edges;
}

}  // namespace xiuhua::gis
