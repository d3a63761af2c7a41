#pragma once

// Internal: runs work over [0, n) on worker threads, each with its own GEOS context (the
// thread_local one of geos_context.h). Items are handed out in small chunks so that threads stay
// busy when items differ in cost.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace xiuhua::gis::detail {

inline int workerCount(int requested) {
  if (requested > 0) return requested;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

// makeWorker(threadIndex) is called once on each worker thread and returns the function that
// processes one item there; what it captures (GEOS geometries, prepared geometries) lives and dies on
// that thread. Stops handing out items once cancel is set. Items are handed out `chunk` at a time
// (make it 1 when each item is already a batch); progress(done) is called from the workers after
// each chunk.
template <typename MakeWorker>
void parallelFor(std::size_t n, int threads, MakeWorker makeWorker, const std::atomic<bool>* cancel = nullptr,
                 const std::function<void(std::size_t)>& progress = {}, std::size_t chunk = 64) {
  const std::size_t kChunk = std::max<std::size_t>(1, chunk);
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  auto run = [&](int threadIndex) {
    auto work = makeWorker(threadIndex);
    for (;;) {
      if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) return;
      const std::size_t begin = next.fetch_add(kChunk);
      if (begin >= n) return;
      const std::size_t end = std::min(n, begin + kChunk);
      for (std::size_t i = begin; i < end; ++i) work(i);
      const std::size_t total = done.fetch_add(end - begin) + (end - begin);
      if (progress) progress(total);
    }
  };
  const int count = std::max(1, std::min(workerCount(threads), static_cast<int>((n + kChunk - 1) / kChunk)));
  std::vector<std::thread> pool;
  pool.reserve(static_cast<std::size_t>(count - 1));
  for (int t = 1; t < count; ++t) pool.emplace_back(run, t);
  run(0);
  for (std::thread& t : pool) t.join();
}

}  // namespace xiuhua::gis::detail
