#pragma once

#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/result.h"

#include <atomic>
#include <memory>
#include <vector>

namespace xiuhua::gis {

// Service areas by walking distance along a network (roads, footpaths) instead of a straight-line
// radius. The network's lines are noded where they cross or touch (GEOS), so it is planar: a
// crossing is a junction. Each facility reaches the network where an edge passes within maxSnap of
// it (its boundary, for a polygon: every such edge is an access, entered at the point nearest the
// facility, the snap distance counting towards the walk; an edge's end within maxSnap is entered
// directly); from there Dijkstra (Boost.Graph) walks
// the network up to the facility's distance. The service area is the part of the network walked,
// cut exactly at the distance inside edges, buffered by `width` on both sides (the land a street
// serves), and the facility itself.
class NetworkServiceAreas {
 public:
  struct Options {
    double maxSnap = 100;  // metres from a facility to the network
    double width = 50;     // metres on either side of a walked street
    int quadSegments = 8;
  };
  // A facility's area: the walked lines and their buffer (empty when it reaches no edge).
  struct Area {
    Geometry walked;   // lines
    Geometry polygon;  // buffered by width, with the facility
    bool reached = false;
  };

  // lines: the network in a metric CRS. Fails when it has no line.
  static Result<NetworkServiceAreas> build(const std::vector<Geometry>& lines, const Options& options);
  NetworkServiceAreas(NetworkServiceAreas&&) noexcept;
  NetworkServiceAreas& operator=(NetworkServiceAreas&&) noexcept;
  ~NetworkServiceAreas();

  std::size_t nodeCount() const;
  std::size_t edgeCount() const;
  // One facility at a time (any thread may call this concurrently: the graph is read-only).
  Area serviceArea(const Geometry& facility, double distance) const;
  // All of them, on worker threads; once cancel is set, the rest stay empty.
  std::vector<Area> serviceAreas(const std::vector<Geometry>& facilities, const std::vector<double>& distances, int threads = 0,
                                 const std::atomic<bool>* cancel = nullptr) const;

 private:
  struct Graph;
  NetworkServiceAreas(std::unique_ptr<Graph> graph, Options options);
  std::unique_ptr<Graph> mGraph;
  Options mOptions;
};

}  // namespace xiuhua::gis
