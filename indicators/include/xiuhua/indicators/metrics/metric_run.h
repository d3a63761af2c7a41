#pragma once

#include "xiuhua/gis/crs.h"
#include "xiuhua/gis/source_ref.h"

#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace xiuhua::indicators {

// The sub-units a metric is broken down by (街镇, 网格): a polygon layer and its name field.
struct ZoneRequest {
  gis::SourceRef source;
  QString nameField;
  QString where;
  bool dissolve = false;  // one zone: the union of the features (an area such as 嘉定新城 in parts)
};

// Where a metric is computed: here (the inputs read, the overlay on this machine's threads), or as
// SQL in the PostGIS server that holds every input (only result rows come back).
enum class Engine { Local, Postgis };

// How a metric runs: the metric CRS (nullopt: chosen from the data), threads, cancellation and
// progress (0..1, called from worker threads).
struct MetricRun {
  Engine engine = Engine::Local;
  std::optional<gis::Crs> crs;
  int threads = 0;
  const std::atomic<bool>* cancel = nullptr;
  std::function<void(double)> progress;
  bool fingerprints = false;  // record each input file's SHA-256 (what a stored result keeps)
  bool resultLayers = false;  // fill MetricResult::layers, for maps
};

}  // namespace xiuhua::indicators
