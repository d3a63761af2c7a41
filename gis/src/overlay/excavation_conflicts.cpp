#include "xiuhua/gis/overlay/excavation_conflicts.h"

#include "geos_context.h"
#include "local_geometries.h"
#include "parallel.h"
#include "translate.h"
#include "xiuhua/gis/spatial_index.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace xiuhua::gis {
namespace {

QString tr(const char* text) { return detail::translate("ExcavationConflicts", text); }

constexpr int kBufferSegments = 8;  // per quarter circle

double lengthOf(const GEOSGeometry* g) {
  double l = 0;
  if (g != nullptr) GEOSLength_r(detail::geosContext(), g, &l);
  return l;
}

QRectF grown(const QRectF& r, double by) { return r.adjusted(-by, -by, by, by); }

QRectF envelopeOf(const GEOSGeometry* g) {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  GEOSContextHandle_t ctx = detail::geosContext();
  if (GEOSGeom_getXMin_r(ctx, g, &x0) == 0 || GEOSGeom_getYMin_r(ctx, g, &y0) == 0 || GEOSGeom_getXMax_r(ctx, g, &x1) == 0 ||
      GEOSGeom_getYMax_r(ctx, g, &y1) == 0) {
    return {};
  }
  return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

// What the check works on, shared read-only by the worker threads.
struct Inputs {
  const std::vector<WorksProject>& projects;
  const std::vector<RoadSection>& roads;
  const ExcavationRules& rules;
  std::vector<Geometry> footprints;  // per project (empty for one that does not dig)
  std::vector<Geometry> sectionLines;
  std::unique_ptr<SpatialIndex> sectionIndex;
  std::unique_ptr<SpatialIndex> projectIndex;  // digging projects' boxes grown by the tolerance
};

Status checkInputs(const std::vector<WorksProject>& projects, const ExcavationRules& rules) {
  if (!(rules.toleranceMetres >= 0) || !(rules.minSharedMetres >= 0) || rules.gapMonths < 0 || rules.noDigYears < 0) {
    return Error{ErrorCode::InvalidArgument, tr("The excavation rules need a tolerance, a shared length, months and years of 0 or more.")};
  }
  for (const WorksProject& p : projects) {
    if (!p.excavation) continue;
    if (!p.start.isValid() || !p.end.isValid()) {
      return Error{ErrorCode::InvalidArgument, tr("Project %1 digs the road but has no planned start or end date.").arg(p.id)};
    }
    if (p.end < p.start) {
      return Error{ErrorCode::InvalidArgument,
                   tr("Project %1 ends (%2) before it starts (%3).").arg(p.id, p.end.toString(Qt::ISODate), p.start.toString(Qt::ISODate))};
    }
  }
  return {};
}

std::unique_ptr<Inputs> prepare(const std::vector<WorksProject>& projects, const std::vector<RoadSection>& roads, const ExcavationRules& rules) {
  auto in = std::unique_ptr<Inputs>(new Inputs{projects, roads, rules, {}, {}, nullptr, nullptr});
  std::vector<QRectF> projectBoxes;
  for (const WorksProject& p : projects) {
    in->footprints.push_back(p.excavation ? p.footprint : Geometry());
    const QRectF box = p.excavation && !p.footprint.isEmpty() ? grown(p.footprint.boundingBox(), rules.toleranceMetres) : QRectF();
    projectBoxes.push_back(box.isNull() ? QRectF(QPointF(qQNaN(), qQNaN()), QSizeF(0, 0)) : box);
  }
  std::vector<QRectF> sectionBoxes;
  for (const RoadSection& s : roads) {
    in->sectionLines.push_back(s.line);
    sectionBoxes.push_back(s.line.isEmpty() ? QRectF(QPointF(qQNaN(), qQNaN()), QSizeF(0, 0)) : s.line.boundingBox());
  }
  in->sectionIndex = std::make_unique<SpatialIndex>(sectionBoxes);
  in->projectIndex = std::make_unique<SpatialIndex>(projectBoxes);
  return in;
}

// One worker thread's GEOS copies: the road sections, and each project's footprint grown by the
// tolerance (made on first use).
class Worker {
 public:
  explicit Worker(const Inputs& in) : mIn(in), mSections(in.sectionLines), mBuffers(in.projects.size()) {}

  const GEOSGeometry* buffer(std::size_t project) {
    if (!mBuffers[project]) {
      detail::GeosGeomPtr g = detail::toGeos(mIn.footprints[project]);
      if (g) mBuffers[project].reset(GEOSBuffer_r(detail::geosContext(), g.get(), mIn.rules.toleranceMetres, kBufferSegments));
    }
    return mBuffers[project].get();
  }

  // The conflicts of project p: with every other digging project (others = all) or only with
  // those after it in the list (the full check, which meets each pair once).
  void check(int p, bool allOthers, ExcavationCheck& out) {
    const WorksProject& project = mIn.projects[static_cast<std::size_t>(p)];
    const GEOSGeometry* own = buffer(static_cast<std::size_t>(p));
    if (!project.excavation || own == nullptr) return;
    GEOSContextHandle_t ctx = detail::geosContext();
    // The road within tolerance of the project, by road; and the renewed sections it meets.
    struct OnRoad {
      std::vector<detail::GeosGeomPtr> pieces;
      QRectF box;
      double renewedMetres = 0;
      QDate renewed;
    };
    std::map<QString, OnRoad> roads;
    const QRectF near = grown(project.footprint.boundingBox(), mIn.rules.toleranceMetres);
    for (int s : mIn.sectionIndex->query(near)) {
      ++out.sectionsEvaluated;
      const GEOSGeometry* line = mSections.get(static_cast<std::size_t>(s));
      if (line == nullptr) continue;
      detail::GeosGeomPtr piece(GEOSIntersection_r(ctx, line, own));
      const double length = lengthOf(piece.get());
      if (!(length > 0)) continue;
      const RoadSection& section = mIn.roads[static_cast<std::size_t>(s)];
      OnRoad& road = roads[section.roadId];
      road.box |= grown(envelopeOf(piece.get()), mIn.rules.toleranceMetres);
      road.pieces.push_back(std::move(piece));
      if (section.renewed.isValid() && section.renewed <= project.start && project.start < section.renewed.addYears(mIn.rules.noDigYears)) {
        road.renewedMetres += length;
        road.renewed = std::max(road.renewed, section.renewed);
      }
    }
    for (auto& [roadId, road] : roads) {
      if (road.renewed.isValid()) {
        ExcavationConflict c;
        c.rule = ExcavationConflict::Rule::NoDigPeriod;
        c.first = p;
        c.roadId = roadId;
        c.sharedMetres = road.renewedMetres;
        c.renewed = road.renewed;
        c.gapDays = static_cast<int>(road.renewed.daysTo(project.start));
        out.conflicts.push_back(c);
      }
      // The project's stretch of this road as one geometry (pieces of several sections).
      std::vector<GEOSGeometry*> parts;
      for (auto& piece : road.pieces) parts.push_back(piece.release());
      detail::GeosGeomPtr stretch(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size())));
      for (int q : mIn.projectIndex->query(road.box)) {
        if (q == p || (!allOthers && q < p)) continue;
        const WorksProject& other = mIn.projects[static_cast<std::size_t>(q)];
        if (!other.excavation || !windowsWithinMonths(project, other, mIn.rules.gapMonths)) continue;
        ++out.pairsEvaluated;
        const GEOSGeometry* theirs = buffer(static_cast<std::size_t>(q));
        if (theirs == nullptr) continue;
        detail::GeosGeomPtr shared(GEOSIntersection_r(ctx, stretch.get(), theirs));
        const double length = lengthOf(shared.get());
        if (length < mIn.rules.minSharedMetres || !(length > 0)) continue;
        ExcavationConflict c;
        c.first = std::min(p, q);
        c.second = std::max(p, q);
        c.roadId = roadId;
        c.sharedMetres = length;
        c.gapDays = windowGapDays(project, other);
        out.conflicts.push_back(c);
      }
    }
  }

 private:
  const Inputs& mIn;
  detail::LocalGeometries mSections;
  std::vector<detail::GeosGeomPtr> mBuffers;
};

void sortConflicts(std::vector<ExcavationConflict>& conflicts) {
  std::sort(conflicts.begin(), conflicts.end(), [](const ExcavationConflict& a, const ExcavationConflict& b) {
    return std::tie(a.roadId, a.first, a.second, a.rule) < std::tie(b.roadId, b.first, b.second, b.rule);
  });
}

}  // namespace

int windowGapDays(const WorksProject& a, const WorksProject& b) {
  if (a.end < b.start) return static_cast<int>(a.end.daysTo(b.start));
  if (b.end < a.start) return static_cast<int>(b.end.daysTo(a.start));
  const QDate overlapStart = std::max(a.start, b.start);
  const QDate overlapEnd = std::min(a.end, b.end);
  return -static_cast<int>(overlapStart.daysTo(overlapEnd) + 1);
}

bool windowsWithinMonths(const WorksProject& a, const WorksProject& b, int months) {
  if (!(a.end < b.start) && !(b.end < a.start)) return true;  // they overlap
  const WorksProject& earlier = a.end < b.start ? a : b;
  const WorksProject& later = a.end < b.start ? b : a;
  return later.start < earlier.end.addMonths(months);
}

Result<ExcavationCheck> findExcavationConflicts(const std::vector<WorksProject>& projects, const std::vector<RoadSection>& roads,
                                                const ExcavationRules& rules, const OverlayOptions& options) {
  if (Status s = checkInputs(projects, rules); !s) return s.error();
  const std::unique_ptr<Inputs> in = prepare(projects, roads, rules);
  const int threads = detail::workerCount(options.threads);
  std::vector<ExcavationCheck> perThread(static_cast<std::size_t>(threads));
  detail::parallelFor(
      projects.size(), threads,
      [&](int thread) {
        auto worker = std::make_shared<Worker>(*in);  // lives and dies on this thread
        ExcavationCheck* mine = &perThread[static_cast<std::size_t>(thread)];
        return [worker, mine](std::size_t i) { worker->check(static_cast<int>(i), false, *mine); };
      },
      options.cancel, options.progress ? std::function<void(std::size_t)>([&](std::size_t done) { options.progress(done, projects.size()); })
                                       : std::function<void(std::size_t)>(),
      16);
  ExcavationCheck all;
  for (ExcavationCheck& part : perThread) {
    all.conflicts.insert(all.conflicts.end(), part.conflicts.begin(), part.conflicts.end());
    all.sectionsEvaluated += part.sectionsEvaluated;
    all.pairsEvaluated += part.pairsEvaluated;
  }
  if (options.cancel != nullptr && options.cancel->load()) return Error{ErrorCode::Cancelled, tr("The conflict check was cancelled.")};
  sortConflicts(all.conflicts);
  return all;
}

Result<ExcavationCheck> findExcavationConflictsOf(int project, const std::vector<WorksProject>& projects,
                                                  const std::vector<RoadSection>& roads, const ExcavationRules& rules) {
  if (project < 0 || static_cast<std::size_t>(project) >= projects.size()) {
    return Error{ErrorCode::InvalidArgument, tr("No project %1 in the list.").arg(project)};
  }
  if (Status s = checkInputs(projects, rules); !s) return s.error();
  const std::unique_ptr<Inputs> in = prepare(projects, roads, rules);
  ExcavationCheck out;
  Worker(*in).check(project, true, out);
  sortConflicts(out.conflicts);
  return out;
}

}  // namespace xiuhua::gis
