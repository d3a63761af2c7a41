#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace xiuhua::gis {

// How an overlay runs. All geometries are in one metric CRS (metres), prepared by the caller.
struct OverlayOptions {
  int threads = 0;  // 0: one per hardware thread
  const std::atomic<bool>* cancel = nullptr;
  // Called with (items done, items in all) from the worker threads: must be thread-safe and cheap.
  std::function<void(std::size_t, std::size_t)> progress;
};

// Area of target land and the part of it that is covered, in square metres.
struct AreaPair {
  double covered = 0;
  double total = 0;
  double ratio() const { return total > 0 ? covered / total : 0.0; }
};

}  // namespace xiuhua::gis
