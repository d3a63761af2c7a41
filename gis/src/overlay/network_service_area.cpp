#include "xiuhua/gis/overlay/network_service_area.h"

#include "geos_context.h"
#include "overlay/local_geometries.h"
#include "overlay/parallel.h"
#include "xiuhua/gis/spatial_index.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <QCoreApplication>
#include <QLineF>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace xiuhua::gis {

namespace {

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                         boost::property<boost::edge_weight_t, double, boost::property<boost::edge_index_t, int>>>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct WalkEnd {};  // thrown by the visitor once the walk is longer than the distance

// Stops Dijkstra at the first vertex farther than the distance, and records the vertices reached.
class CutOff : public boost::default_dijkstra_visitor {
 public:
  CutOff(double distance, const std::vector<double>& dist, std::vector<Vertex>& reached)
      : mDistance(distance), mDist(&dist), mReached(&reached) {}
  void examine_vertex(Vertex u, const BoostGraph&) {
    if ((*mDist)[u] > mDistance) throw WalkEnd();
    mReached->push_back(u);
  }

 private:
  double mDistance;
  const std::vector<double>* mDist;
  std::vector<Vertex>* mReached;
};

// A piece of a straight edge: from `from` towards `to`, `length` metres (clamped to the edge).
Geometry::Ring piece(QPointF from, QPointF to, double begin, double end) {
  const double length = QLineF(from, to).length();
  if (length <= 0) return {};
  const QPointF d = (to - from) / length;
  return {from + d * std::clamp(begin, 0.0, length), from + d * std::clamp(end, 0.0, length)};
}

}  // namespace

struct NetworkServiceAreas::Graph {
  std::vector<QPointF> nodes;
  struct Edge {
    int u = 0;
    int v = 0;
    double length = 0;
  };
  std::vector<Edge> edges;
  BoostGraph graph;
  std::unique_ptr<SpatialIndex> edgeIndex;
};

NetworkServiceAreas::NetworkServiceAreas(std::unique_ptr<Graph> graph, Options options)
    : mGraph(std::move(graph)), mOptions(options) {}
NetworkServiceAreas::NetworkServiceAreas(NetworkServiceAreas&&) noexcept = default;
NetworkServiceAreas& NetworkServiceAreas::operator=(NetworkServiceAreas&&) noexcept = default;
NetworkServiceAreas::~NetworkServiceAreas() = default;

std::size_t NetworkServiceAreas::nodeCount() const { return mGraph->nodes.size(); }
std::size_t NetworkServiceAreas::edgeCount() const { return mGraph->edges.size(); }

Result<NetworkServiceAreas> NetworkServiceAreas::build(const std::vector<Geometry>& lines, const Options& options) {
  std::vector<Geometry> usable;
  for (const Geometry& g : lines) {
    if (g.type() == Geometry::Type::Line && !g.isEmpty()) usable.push_back(g);
  }
  if (usable.empty()) {
    return Error{ErrorCode::EmptySource, QCoreApplication::translate("Overlay", "The network has no lines to walk along.")};
  }
  // Noded by GEOS: every crossing and touch becomes a shared vertex.
  const detail::GeosGeomPtr all = detail::unaryUnion(usable);  // a union of lines is noded
  if (!all) {
    return Error{ErrorCode::GeometryInvalid,
                 QCoreApplication::translate("Overlay", "GEOS could not node the network (%1).").arg(QString::fromStdString(detail::geosLastMessage()))};
  }
  const Geometry noded = detail::fromGeos(all.get());
  auto graph = std::make_unique<Graph>();
  std::map<std::pair<double, double>, int> nodeOf;
  auto node = [&](QPointF p) {
    const auto [it, added] = nodeOf.emplace(std::make_pair(p.x(), p.y()), static_cast<int>(graph->nodes.size()));
    if (added) graph->nodes.push_back(p);
    return it->second;
  };
  std::vector<QRectF> boxes;
  for (const Geometry::Part& part : noded.parts()) {
    const Geometry::Ring& line = part.front();
    for (std::size_t i = 1; i < line.size(); ++i) {
      const double length = QLineF(line[i - 1], line[i]).length();
      if (length <= 0) continue;
      graph->edges.push_back({node(line[i - 1]), node(line[i]), length});
      boxes.push_back(QRectF(line[i - 1], line[i]).normalized());
    }
  }
  graph->graph = BoostGraph(graph->nodes.size());
  for (std::size_t e = 0; e < graph->edges.size(); ++e) {
    const Graph::Edge& edge = graph->edges[e];
    boost::add_edge(static_cast<Vertex>(edge.u), static_cast<Vertex>(edge.v),
                    BoostGraph::edge_property_type(edge.length, BoostGraph::edge_property_type::next_type(static_cast<int>(e))), graph->graph);
  }
  graph->edgeIndex = std::make_unique<SpatialIndex>(boxes);
  return NetworkServiceAreas(std::move(graph), options);
}

NetworkServiceAreas::Area NetworkServiceAreas::serviceArea(const Geometry& facility, double distance) const {
  Area area;
  const Graph& g = *mGraph;
  GEOSContextHandle_t ctx = detail::geosContext();
  const detail::GeosGeomPtr f = detail::toGeos(facility);
  if (!f || !(distance > 0)) return area;
  const QRectF box = facility.boundingBox().adjusted(-mOptions.maxSnap, -mOptions.maxSnap, mOptions.maxSnap, mOptions.maxSnap);
  std::vector<double> dist(g.nodes.size(), kInfinity);
  std::vector<Vertex> sources;
  std::vector<Geometry::Part> walked;
  // Accesses: every edge within the snap distance, entered at its point nearest the facility.
  for (int e : g.edgeIndex->query(box)) {
    const Graph::Edge& edge = g.edges[static_cast<std::size_t>(e)];
    const QPointF a = g.nodes[static_cast<std::size_t>(edge.u)];
    const QPointF b = g.nodes[static_cast<std::size_t>(edge.v)];
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, 2, 2);
    GEOSCoordSeq_setXY_r(ctx, seq, 0, a.x(), a.y());
    GEOSCoordSeq_setXY_r(ctx, seq, 1, b.x(), b.y());
    const detail::GeosGeomPtr segment(GEOSGeom_createLineString_r(ctx, seq));
    double snap = 0;
    if (!segment || GEOSDistance_r(ctx, f.get(), segment.get(), &snap) != 1 || snap > mOptions.maxSnap || snap > distance) continue;
    GEOSCoordSequence* nearest = GEOSNearestPoints_r(ctx, f.get(), segment.get());
    if (nearest == nullptr) continue;
    double fx = 0, fy = 0, px = 0, py = 0;
    GEOSCoordSeq_getXY_r(ctx, nearest, 0, &fx, &fy);
    GEOSCoordSeq_getXY_r(ctx, nearest, 1, &px, &py);
    GEOSCoordSeq_destroy_r(ctx, nearest);
    const QPointF p(px, py);
    const double t = QLineF(a, p).length();
    const double rest = distance - snap;
    if (snap > 0) walked.push_back({Geometry::Ring{QPointF(fx, fy), p}});
    walked.push_back({piece(a, b, t - rest, t + rest)});
    for (const auto& [vertex, along] : {std::make_pair(edge.u, t), std::make_pair(edge.v, edge.length - t)}) {
      // An end within the snap distance is entered directly (never longer than via the entry).
      const QPointF end = g.nodes[static_cast<std::size_t>(vertex)];
      const detail::GeosGeomPtr endPoint(GEOSGeom_createPointFromXY_r(ctx, end.x(), end.y()));
      double direct = kInfinity;
      if (endPoint && GEOSDistance_r(ctx, f.get(), endPoint.get(), &direct) == 1 && direct > mOptions.maxSnap) direct = kInfinity;
      const double d = std::min(snap + along, direct);
      if (d < dist[static_cast<std::size_t>(vertex)]) {
        if (std::isinf(dist[static_cast<std::size_t>(vertex)])) sources.push_back(static_cast<Vertex>(vertex));
        dist[static_cast<std::size_t>(vertex)] = d;
      }
    }
  }
  if (walked.empty()) return area;  // no edge near enough
  area.reached = true;
  // Dijkstra from the accesses (their distances set), stopped beyond the distance.
  std::vector<Vertex> reached;
  std::vector<Vertex> predecessor(g.nodes.size());
  for (std::size_t i = 0; i < predecessor.size(); ++i) predecessor[i] = static_cast<Vertex>(i);
  try {
    boost::dijkstra_shortest_paths_no_init(
        g.graph, sources.begin(), sources.end(), predecessor.data(), dist.data(), boost::get(boost::edge_weight, g.graph),
        boost::get(boost::vertex_index, g.graph), std::less<double>(), boost::closed_plus<double>(kInfinity), 0.0,
        CutOff(distance, dist, reached));
  } catch (const WalkEnd&) {
    // The rest is farther than the distance.
  }
  // Every edge of a reached vertex: whole when the two ends together cover it, else the part
  // each end reaches.
  std::set<int> done;
  for (Vertex u : reached) {
    for (auto [it, end] = boost::out_edges(u, g.graph); it != end; ++it) {
      const int e = boost::get(boost::edge_index, g.graph, *it);
      if (!done.insert(e).second) continue;
      const Graph::Edge& edge = g.edges[static_cast<std::size_t>(e)];
      const QPointF a = g.nodes[static_cast<std::size_t>(edge.u)];
      const QPointF b = g.nodes[static_cast<std::size_t>(edge.v)];
      const double fromA = std::max(0.0, distance - dist[static_cast<std::size_t>(edge.u)]);
      const double fromB = std::max(0.0, distance - dist[static_cast<std::size_t>(edge.v)]);
      if (fromA + fromB >= edge.length) {
        walked.push_back({Geometry::Ring{a, b}});
        continue;
      }
      if (fromA > 0) walked.push_back({piece(a, b, 0, fromA)});
      if (fromB > 0) walked.push_back({piece(b, a, 0, fromB)});
    }
  }
  walked.erase(std::remove_if(walked.begin(), walked.end(), [](const Geometry::Part& p) { return p.front().size() < 2; }), walked.end());
  const detail::GeosGeomPtr lines = detail::unaryUnion({Geometry(Geometry::Type::Line, walked)});
  if (!lines) return area;
  area.walked = detail::fromGeos(lines.get());
  const detail::GeosGeomPtr buffered(GEOSBuffer_r(ctx, lines.get(), mOptions.width, mOptions.quadSegments));
  const detail::GeosGeomPtr withFacility(buffered ? GEOSUnion_r(ctx, buffered.get(), f.get()) : nullptr);
  if (withFacility) {
    area.polygon = detail::fromGeos(withFacility.get());
    if (area.polygon.type() != Geometry::Type::Polygon) area.polygon = Geometry();
  }
  return area;
}

std::vector<NetworkServiceAreas::Area> NetworkServiceAreas::serviceAreas(const std::vector<Geometry>& facilities,
                                                                         const std::vector<double>& distances, int threads,
                                                                         const std::atomic<bool>* cancel) const {
  std::vector<Area> out(facilities.size());
  detail::parallelFor(
      facilities.size(), threads,
      [&](int) {
        return [&](std::size_t i) { out[i] = serviceArea(facilities[i], i < distances.size() ? distances[i] : 0.0); };
      },
      cancel, {}, 4);
  return out;
}

}  // namespace xiuhua::gis
