#include "xiuhua/gis/spatial_index.h"

#include <gtest/gtest.h>

#include <random>
#include <thread>

namespace xiuhua::gis {
namespace {

std::vector<QRectF> randomBoxes(int n) {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> pos(0, 1000);
  std::uniform_real_distribution<double> size(0, 20);
  std::vector<QRectF> boxes;
  for (int i = 0; i < n; ++i) boxes.emplace_back(pos(rng), pos(rng), size(rng), size(rng));
  boxes.emplace_back(QPointF(500, 500), QSizeF(0, 0));  // a point
  return boxes;
}

std::vector<int> bruteForce(const std::vector<QRectF>& boxes, const QRectF& q) {
  std::vector<int> out;
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const QRectF& b = boxes[i];
    if (b.left() <= q.right() && b.right() >= q.left() && b.top() <= q.bottom() && b.bottom() >= q.top()) {
      out.push_back(static_cast<int>(i));
    }
  }
  return out;
}

TEST(SpatialIndex, MatchesBruteForce) {
  const auto boxes = randomBoxes(5000);
  const SpatialIndex index(boxes);
  for (const QRectF& q : {QRectF(0, 0, 100, 100), QRectF(490, 490, 20, 20), QRectF(-10, -10, 5, 5),
                          QRectF(0, 0, 1000, 1000)}) {
    EXPECT_EQ(index.query(q), bruteForce(boxes, q));
  }
}

TEST(SpatialIndex, ConcurrentQueriesAgree) {
  const auto boxes = randomBoxes(20000);
  const SpatialIndex index(boxes);
  const QRectF q(200, 200, 50, 50);
  const auto expected = bruteForce(boxes, q);
  std::vector<std::vector<int>> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results) threads.emplace_back([&] { r = index.query(q); });
  for (auto& t : threads) t.join();
  for (const auto& r : results) EXPECT_EQ(r, expected);
}

}  // namespace
}  // namespace xiuhua::gis
