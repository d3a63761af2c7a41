#pragma once

#include "xiuhua/gis/geometry.h"
#include "xiuhua/gis/overlay/overlay_options.h"
#include "xiuhua/gis/result.h"

#include <QDate>
#include <QString>

#include <vector>

namespace xiuhua::gis {

// 马路拉链: road works that dig up the same road again and again (Songjiang action plan, task 1;
// Jiading 2023 maintenance plan, "减少反复开挖"). All geometries in one metric CRS (metres).

// A maintenance project's works: its footprint (a line along the road or a polygon of the site)
// and its time window. Only projects that dig (掘路/开挖) take part in the rules.
struct WorksProject {
  QString id;       // as the project list names it
  Geometry footprint;
  QDate start;
  QDate end;        // inclusive; a window with end before start is refused by name
  bool excavation = false;
};

// A section of the road layer. "The same road" is roadId (the project's chosen ID or name field),
// never a guess from geometry: two carriageways with one ID are one road, two roads with different
// IDs are two however close.
struct RoadSection {
  QString roadId;
  Geometry line;
  QDate renewed;  // last overhaul (大修) or new build; invalid: none known
};

// The plans give no numbers: every default here is Xiuhua's assumption, to be shown as such and
// set per project.
struct ExcavationRules {
  double toleranceMetres = 5.0;      // a project meets the road where the road is this close to it
  double minSharedMetres = 20.0;     // two projects conflict when they share at least this much road
  int gapMonths = 6;                 // … and the gap between their windows is less than this
  int noDigYears = 3;                // no digging this long after an overhaul or new build
};

struct ExcavationConflict {
  enum class Rule { RepeatedExcavation, NoDigPeriod };
  Rule rule = Rule::RepeatedExcavation;
  int first = 0;    // index into the projects
  int second = -1;  // the other project (RepeatedExcavation), -1 for NoDigPeriod
  QString roadId;
  double sharedMetres = 0;  // road length within tolerance of both projects (of the project and the renewed sections)
  int gapDays = 0;          // days between the windows; negative: they overlap by that many days
  QDate renewed;            // NoDigPeriod: the renewal the project comes too soon after
};

struct ExcavationCheck {
  std::vector<ExcavationConflict> conflicts;  // by road, then first, then second
  // How much was looked at: a check of one project must not be the whole list in disguise.
  std::size_t sectionsEvaluated = 0;
  std::size_t pairsEvaluated = 0;
};

// Every conflict among the projects: for each digging project, the road it meets (each road's
// sections within tolerance, cut to the part within tolerance of the project); two projects on one
// road conflict when the road within tolerance of both is at least minSharedMetres long and the
// gap between their windows is less than gapMonths (exactly gapMonths is none); a project meeting
// a section renewed less than noDigYears before its start breaks the no-dig period. Threads over
// roads; a spatial index finds the sections near each project.
Result<ExcavationCheck> findExcavationConflicts(const std::vector<WorksProject>& projects, const std::vector<RoadSection>& roads,
                                                const ExcavationRules& rules, const OverlayOptions& options = {});

// The conflicts that involve one project (added, edited or moved into the annual plan): only the
// sections near it and the projects on the same roads are evaluated.
Result<ExcavationCheck> findExcavationConflictsOf(int project, const std::vector<WorksProject>& projects,
                                                  const std::vector<RoadSection>& roads, const ExcavationRules& rules);

// Days from the end of one window to the start of the other; negative when they overlap.
int windowGapDays(const WorksProject& a, const WorksProject& b);
// Whether the gap is less than `months` calendar months (exactly that many months is not).
bool windowsWithinMonths(const WorksProject& a, const WorksProject& b, int months);

}  // namespace xiuhua::gis
