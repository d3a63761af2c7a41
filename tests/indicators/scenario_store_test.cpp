// Saved what-if scenarios: kept in the project file with their own copy of the proposed
// facilities, listed with their values, re-evaluated the same after reopening, discarded without
// a trace — and the base layers never touched.
#include "support/temp_dir.h"
#include "xiuhua/gis/project.h"
#include "xiuhua/gis/vector_reader.h"
#include "xiuhua/gis/vector_writer.h"
#include "xiuhua/indicators/metrics/scenario_store.h"

#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QFile>

namespace xiuhua::indicators {
namespace {

gis::Geometry square(double x, double y, double size) {
  return gis::Geometry(gis::Geometry::Type::Polygon,
                       {gis::Geometry::Part{gis::Geometry::Ring{{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}}}});
}

QByteArray hashOf(const QString& path) {
  QFile f(path);
  EXPECT_TRUE(f.open(QIODevice::ReadOnly));
  return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

struct Fixture {
  test::TempDir dir;
  QString project;
  QString data;
  CoverageParams coverage;

  Fixture() {
    gis::Project p;
    p.mapCrs = gis::Crs::fromEpsg(4549);
    project = dir.path(QStringLiteral("情景 项目.xhp"));
    EXPECT_TRUE(gis::ProjectFile::save(p, project).ok());
    // Homes on a 10 × 10 grid of 100 m plots; two parks; two proposed parks in a layer of their own.
    gis::LayerToWrite homes{QStringLiteral("homes"), gis::Crs::fromEpsg(4549), gis::Geometry::Type::Polygon, {}, {}, {}};
    for (int i = 0; i < 10; ++i) {
      for (int j = 0; j < 10; ++j) homes.geometries.push_back(square(600000 + 300.0 * i, 3460000 + 300.0 * j, 100));
    }
    gis::LayerToWrite parks{QStringLiteral("parks"), gis::Crs::fromEpsg(4549), gis::Geometry::Type::Polygon,
                            {{QStringLiteral("name"), gis::Field::Type::String}}, {}, {}};
    parks.geometries = {square(600300, 3460300, 80), square(602100, 3462100, 80)};
    parks.attributes = {{QStringLiteral("甲")}, {QStringLiteral("乙")}};
    gis::LayerToWrite planned = parks;
    planned.name = QStringLiteral("planned");
    planned.geometries = {square(601200, 3461200, 80), square(600300, 3462400, 80)};
    data = dir.path(QStringLiteral("底图.gpkg"));
    EXPECT_TRUE(gis::VectorWriter::writeGeoPackage(data, {homes, parks, planned}).ok());
    coverage.facilities = gis::SourceRef::parse(data + QStringLiteral("|layername=parks"));
    coverage.radius = 500;
    coverage.target = gis::SourceRef::parse(data + QStringLiteral("|layername=homes"));
  }

  WhatIfResult whatIf(const QString& removeWhere) const {
    WhatIfParams params;
    params.coverage = coverage;
    params.add = gis::SourceRef::parse(data + QStringLiteral("|layername=planned"));
    params.removeWhere = removeWhere;
    MetricRun run;
    run.resultLayers = true;
    return computeWhatIf(params, run).value();
  }
};

TEST(ScenarioStore, SavedScenariosSurviveReopeningAndReevaluateTheSame) {
  Fixture f;
  const QByteArray before = hashOf(f.data);
  const WhatIfResult both = f.whatIf(QStringLiteral("name = '乙'"));
  ASSERT_EQ(both.added, 2);
  ASSERT_EQ(both.removed, 1);
  qint64 id = 0;
  {
    auto store = ScenarioStore::open(f.project).value();
    id = store->save(QStringLiteral(" 两处新公园，关闭乙 "), QStringLiteral("JD14-13"), 2025, both).value();
    const WhatIfResult addOnly = f.whatIf({});
    ASSERT_TRUE(store->save(QStringLiteral("只新增"), QStringLiteral("JD14-13"), 2025, addOnly).ok());
    // Names are unique per indicator and year; the same name in another year is fine.
    const auto again = store->save(QStringLiteral("只新增"), QStringLiteral("JD14-13"), 2025, addOnly);
    ASSERT_FALSE(again.ok());
    EXPECT_TRUE(again.error().message.contains(QStringLiteral("只新增")));
    EXPECT_TRUE(store->save(QStringLiteral("只新增"), QStringLiteral("JD14-13"), 2026, addOnly).ok());
    EXPECT_FALSE(store->save(QStringLiteral("  "), QStringLiteral("JD14-13"), 2025, addOnly).ok());
  }
  // The proposed parks are the project's own now: the layer they came from can go.
  auto store = ScenarioStore::open(f.project).value();
  const std::vector<Scenario> saved = store->list(QStringLiteral("JD14-13"), 2025).value();
  ASSERT_EQ(saved.size(), 2U);
  const Scenario& s = saved[0];
  EXPECT_EQ(s.id, id);
  EXPECT_EQ(s.name, QStringLiteral("两处新公园，关闭乙"));
  EXPECT_EQ(s.proposed, 2);
  ASSERT_EQ(s.removed.size(), 1U);
  EXPECT_EQ(s.removed[0], 2);  // 乙's fid
  EXPECT_NEAR(*s.scenarioValue(), *both.scenario.value, 1e-12);
  EXPECT_NEAR(*s.baseValue(), *both.base.value, 1e-12);
  EXPECT_FALSE(s.promoted.isValid());

  EXPECT_EQ(hashOf(f.data), before);  // saving never touched the base layers
  // Re-evaluated from the project alone (the layer the proposals came from is gone), the scenario
  // gives what it gave when saved.
  ASSERT_TRUE(gis::VectorWriter::dropLayer(f.data, QStringLiteral("planned")).ok());
  auto again = computeWhatIf(store->whatIfParams(s, f.coverage));
  ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
  EXPECT_NEAR(*again->scenario.value, *both.scenario.value, 1e-9);
  EXPECT_EQ(again->added, 2);
  EXPECT_EQ(again->removed, 1);

  // Promotion is recorded (and can be taken back); discarding removes the record and its layer.
  const QDateTime when = QDateTime::currentDateTimeUtc();
  ASSERT_TRUE(store->setPromoted(id, when).ok());
  EXPECT_TRUE(store->get(id)->promoted.isValid());
  ASSERT_TRUE(store->setPromoted(id, QDateTime()).ok());
  EXPECT_FALSE(store->get(id)->promoted.isValid());
  const QString layer = s.proposedLayer;
  auto layers = [&] {
    QStringList names;
    const QList<gis::SourceLayerInfo> listed = gis::VectorReader::listLayers(f.project).value();
    for (const auto& l : listed) names << l.name;
    return names;
  };
  EXPECT_TRUE(layers().contains(layer));
  ASSERT_TRUE(store->discard(id).ok());
  EXPECT_FALSE(layers().contains(layer));
  EXPECT_EQ(store->list(QStringLiteral("JD14-13"), 2025)->size(), 1U);
  EXPECT_FALSE(store->get(id).ok());
  EXPECT_TRUE(gis::ProjectFile::load(f.project).ok());  // still a project
}

}  // namespace
}  // namespace xiuhua::indicators

namespace xiuhua::indicators {
namespace {

TEST(ScenarioStore, PromotedFacilitiesGetTheYearTheFilterAsksFor) {
  MetricBinding binding{QStringLiteral("JD14-13"), QStringLiteral("service_coverage"),
                        QJsonObject{{QStringLiteral("facility_where"), QStringLiteral("open_year <= {year} AND \"开放年份\" = {year} AND area_m2 > 0")}}};
  const auto attributes = promotionAttributes(binding, 2025);
  ASSERT_EQ(attributes.size(), 2U);
  EXPECT_EQ(attributes.at(QStringLiteral("open_year")).toInt(), 2025);
  EXPECT_EQ(attributes.at(QStringLiteral("开放年份")).toInt(), 2025);
  binding.parameters = QJsonObject{{QStringLiteral("facility_where"), QStringLiteral("open_year < {year}")}};
  EXPECT_TRUE(promotionAttributes(binding, 2025).empty());  // a facility opened this year would still not count
}

}  // namespace
}  // namespace xiuhua::indicators
