// A project's computations stay valid wherever the project is copied with its data: the record
// names its inputs by paths relative to the project and their SHA-256, not by where they were and
// when they were last touched.
#include "support/demo_copy.h"
#include "support/temp_dir.h"
#include "xiuhua/gis/project.h"
#include "xiuhua/indicators/metrics/computation_store.h"
#include "xiuhua/indicators/value_store.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>

namespace xiuhua::indicators {
namespace {

LayerResolver resolverOf(const QString& projectPath) {
  const std::vector<gis::LayerSpec> layers = gis::ProjectFile::load(projectPath).value().layers;
  return [layers](const QString& id) -> std::optional<gis::SourceRef> {
    for (const gis::LayerSpec& l : layers) {
      if (l.id == id) return gis::SourceRef{l.source, l.sourceLayer, {}, l.encoding};
    }
    return std::nullopt;
  };
}

// Copies a folder file by file: the copies get new modification times, as with cp or a download.
void copyFolder(const QString& from, const QString& to) {
  QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString file = it.next();
    const QString target = QDir(to).filePath(QDir(from).relativeFilePath(file));
    QDir().mkpath(QFileInfo(target).path());
    ASSERT_TRUE(QFile::copy(file, target));
  }
}

TEST(ComputationStore, AComputationHoldsInACopyOfTheProjectUntilItsDataChange) {
  test::TempDir dir;
  const QString project = test::copyDemoProject(dir.path(QString()), QStringLiteral("原件"));
  ASSERT_FALSE(project.isEmpty());
  auto store = ComputationStore::open(project).value();
  auto values = ValueStore::open(project).value();
  MetricBinding parks;
  const std::vector<MetricBinding> bindings = store->bindings().value();
  for (const MetricBinding& b : bindings) {
    if (b.code == QLatin1String("JD14-13")) parks = b;
  }
  ASSERT_EQ(parks.code, QStringLiteral("JD14-13"));
  const Catalog catalog = values->catalog().value();
  const Indicator* indicator = catalog.find(parks.code);
  ASSERT_NE(indicator, nullptr);
  MetricRun run;
  run.fingerprints = true;
  auto c = computeIndicator(*indicator, parks, 2024, resolverOf(project), run);
  ASSERT_TRUE(c.ok()) << c.error().message.toStdString();
  auto recorded = store->recordValues(c.value());
  ASSERT_TRUE(recorded.ok()) << recorded.error().message.toStdString();
  ASSERT_TRUE(values->addValues(recorded->values).ok());
  // The record names its sources relative to the project, with their contents' SHA-256.
  const QJsonObject sources = store->computation(recorded->id)->value(QStringLiteral("binding")).toObject().value(QStringLiteral("sources")).toObject();
  const QJsonObject parksSource = sources.value(QStringLiteral("parks")).toObject();
  EXPECT_EQ(parksSource.value(QStringLiteral("source")).toString(), QStringLiteral("jiading.gpkg|layername=parks"));
  EXPECT_EQ(parksSource.value(QStringLiteral("files")).toArray().at(0).toObject().value(QStringLiteral("sha256")).toString().size(), 64);
  EXPECT_TRUE(store->unchangedSince(parks, 2024, resolverOf(project))->has_value());

  // The project and its data copied elsewhere (new paths, new times): still the same computation.
  const QString copyFolderPath = dir.path(QStringLiteral("副本"));
  copyFolder(QFileInfo(project).absolutePath(), copyFolderPath);
  const QString copy = QDir(copyFolderPath).filePath(QStringLiteral("jiading-demo.xhp"));
  auto copiedStore = ComputationStore::open(copy).value();
  EXPECT_TRUE(copiedStore->unchangedSince(parks, 2024, resolverOf(copy))->has_value());

  // A park renamed in the copy's data: its contents changed, the computation no longer holds there.
  {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(QDir(copyFolderPath).filePath(QStringLiteral("jiading.gpkg")).toUtf8().constData(),
                                              GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayerByName("parks");
    OGRFeatureUniquePtr park(layer->GetFeature(1));
    park->SetField("name", "改名的公园");
    ASSERT_EQ(layer->SetFeature(park.get()), OGRERR_NONE);
  }
  EXPECT_FALSE(copiedStore->unchangedSince(parks, 2024, resolverOf(copy))->has_value());
  EXPECT_TRUE(store->unchangedSince(parks, 2024, resolverOf(project))->has_value());  // the original is as it was
}


// The note of a value names the project's files relative to it: a demo built in one folder and
// shipped to another said "no feature of /work/…/build/demo.partial/jiading.gpkg…" in its history.
TEST(ComputationStore, AValuesNoteNamesTheProjectsFilesRelativeToIt) {
  test::TempDir dir;
  const QString project = test::copyDemoProject(dir.path(QString()), QStringLiteral("原件"));
  ASSERT_FALSE(project.isEmpty());
  auto store = ComputationStore::open(project).value();
  auto values = ValueStore::open(project).value();
  MetricBinding blocks;
  const std::vector<MetricBinding> bindings = store->bindings().value();
  for (const MetricBinding& b : bindings) {
    if (b.code == QLatin1String("JD14-01")) blocks = b;
  }
  ASSERT_EQ(blocks.code, QStringLiteral("JD14-01"));
  const Catalog catalog = values->catalog().value();
  auto c = computeIndicator(*catalog.find(blocks.code), blocks, 2020, resolverOf(project), MetricRun{});  // none built yet
  ASSERT_TRUE(c.ok()) << c.error().message.toStdString();
  auto recorded = store->recordValues(c.value());
  ASSERT_TRUE(recorded.ok()) << recorded.error().message.toStdString();
  ASSERT_FALSE(recorded->values.empty());
  const QString note = recorded->values.front().note;
  EXPECT_TRUE(note.contains(QStringLiteral("no feature of jiading.gpkg|layername=beautiful_blocks"))) << note.toStdString();
  EXPECT_FALSE(note.contains(QFileInfo(project).absolutePath())) << note.toStdString();
}

}  // namespace
}  // namespace xiuhua::indicators
