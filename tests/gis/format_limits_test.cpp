// Shapefile limits explained before they bite: 10-byte field names, 254-byte text in the file's own
// encoding (GBK or UTF-8), characters the encoding lacks, 2 GB files; a GeoPackage has none of them.
#include "support/temp_dir.h"
#include "xiuhua/gis/edit/edit_buffer.h"
#include "xiuhua/gis/edit/feature_edit_command.h"
#include "xiuhua/gis/edit/format_limits.h"
#include "xiuhua/gis/vector_reader.h"
#include "xiuhua/gis/vector_writer.h"

#include "edit/layer_save.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>

namespace xiuhua::gis {
namespace {

// A point shapefile with a text field "name" and an integer "year", written by GDAL in the given
// encoding (ENCODING layer creation option: a .cpg and the dBASE language id).
QString makeShapefile(const test::TempDir& dir, const QString& baseName, const char* encoding) {
  GDALAllRegister();
  const QString path = dir.path(baseName + QStringLiteral(".shp"));
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
  if (driver == nullptr) return {};
  GDALDatasetUniquePtr ds(driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) return {};
  const QByteArray option = QByteArray("ENCODING=") + encoding;
  const char* options[] = {option.constData(), nullptr};
  OGRLayer* layer = ds->CreateLayer(baseName.toUtf8().constData(), nullptr, wkbPoint, const_cast<char**>(options));
  OGRFieldDefn name("name", OFTString);
  OGRFieldDefn year("year", OFTInteger);
  layer->CreateField(&name);
  layer->CreateField(&year);
  for (int i = 0; i < 2; ++i) {
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    f->SetField(0, "井盖");
    f->SetField(1, 2020 + i);
    OGRPoint p(600000 + 10 * i, 3460000);
    f->SetGeometry(&p);
    EXPECT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
  }
  return path;
}

std::shared_ptr<const VectorData> read(const QString& path) { return VectorReader::read(path).value(); }

QString repeated(const QString& s, int n) { return s.repeated(n); }

TEST(FormatLimits, AGbkShapefileIsWarnedOfItsNameTextAndSizeLimits) {
  test::TempDir dir;
  const auto layer = read(makeShapefile(dir, QStringLiteral("井盖"), "CP936"));
  const QStringList warnings = formatLimitWarnings(*layer);
  ASSERT_EQ(warnings.size(), 3);
  for (const QString& w : warnings) {
    EXPECT_TRUE(w.contains(QStringLiteral("井盖"))) << w.toStdString();
    EXPECT_TRUE(w.contains(QStringLiteral("GeoPackage"))) << w.toStdString();
  }
  // Names: 10 bytes, in GBK 5 Chinese characters (2 bytes each).
  EXPECT_TRUE(warnings[0].contains(QStringLiteral("10 bytes"))) << warnings[0].toStdString();
  EXPECT_TRUE(warnings[0].contains(QStringLiteral("GBK that is 5 Chinese"))) << warnings[0].toStdString();
  // Text: 254 bytes, in GBK 127 Chinese characters.
  EXPECT_TRUE(warnings[1].contains(QStringLiteral("254 bytes"))) << warnings[1].toStdString();
  EXPECT_TRUE(warnings[1].contains(QStringLiteral("GBK"))) << warnings[1].toStdString();
  EXPECT_TRUE(warnings[1].contains(QStringLiteral("127 Chinese"))) << warnings[1].toStdString();
  // Size: a few hundred bytes, far from 2 GB.
  EXPECT_TRUE(warnings[2].contains(QStringLiteral("2 GB"))) << warnings[2].toStdString();
  EXPECT_TRUE(warnings[2].contains(QStringLiteral("under 0.1%"))) << warnings[2].toStdString();
}

TEST(FormatLimits, AUtf8ShapefileCutsChineseNamesAfterThreeCharacters) {
  test::TempDir dir;
  const auto layer = read(makeShapefile(dir, QStringLiteral("utf8"), "UTF-8"));
  ASSERT_EQ(layer->encoding.name.toUpper(), QStringLiteral("UTF-8"));
  const QStringList warnings = formatLimitWarnings(*layer);
  ASSERT_EQ(warnings.size(), 3);
  // 3 bytes a character: a name of 4 characters (12 bytes) is cut.
  EXPECT_TRUE(warnings[0].contains(QStringLiteral("UTF-8 that is 3 Chinese"))) << warnings[0].toStdString();
  EXPECT_TRUE(warnings[0].contains(QStringLiteral("4 or more"))) << warnings[0].toStdString();
  EXPECT_TRUE(warnings[1].contains(QStringLiteral("84 Chinese"))) << warnings[1].toStdString();  // 254 / 3
}

TEST(FormatLimits, TheSizeWarningSaysHowCloseTheLayerIsToTwoGigabytes) {
  test::TempDir dir;
  const QString path = makeShapefile(dir, QStringLiteral("big"), "UTF-8");
  const auto layer = read(path);
  // A sparse .dbf of 1 GiB (no disk used): half the limit.
  QFile dbf(dir.path(QStringLiteral("big.dbf")));
  ASSERT_TRUE(dbf.open(QIODevice::ReadWrite));
  ASSERT_TRUE(dbf.resize(qint64{1} << 30));
  dbf.close();
  const QStringList warnings = formatLimitWarnings(*layer);
  ASSERT_EQ(warnings.size(), 3);
  EXPECT_TRUE(warnings[2].contains(QStringLiteral("big.dbf, is 1024.0 MB (50.0%"))) << warnings[2].toStdString();
}

TEST(FormatLimits, TextIsCheckedAgainstTwoHundredFiftyFourBytesInTheFilesEncoding) {
  test::TempDir dir;
  const auto gbk = read(makeShapefile(dir, QStringLiteral("gbk"), "CP936"));
  const auto utf8 = read(makeShapefile(dir, QStringLiteral("utf8"), "UTF-8"));
  const QString han = QStringLiteral("中");
  // GBK: 2 bytes a character. 127 = 254 bytes fit; one more ASCII letter is 255.
  EXPECT_EQ(checkValueFitsFormat(*gbk, 0, repeated(han, 127)), std::nullopt);
  const auto over = checkValueFitsFormat(*gbk, 0, repeated(han, 127) + QStringLiteral("a"));
  ASSERT_TRUE(over.has_value());
  EXPECT_TRUE(over->contains(QStringLiteral("“name”"))) << over->toStdString();
  EXPECT_TRUE(over->contains(QStringLiteral("255"))) << over->toStdString();
  EXPECT_TRUE(over->contains(QStringLiteral("gbk.shp"))) << over->toStdString();
  // UTF-8: 3 bytes a character. 84 + "ab" = 254 bytes fit; 84 + "abc" = 255 do not.
  EXPECT_EQ(checkValueFitsFormat(*utf8, 0, repeated(han, 84) + QStringLiteral("ab")), std::nullopt);
  EXPECT_TRUE(checkValueFitsFormat(*utf8, 0, repeated(han, 84) + QStringLiteral("abc")).has_value());
  // The same 127 characters that fit in GBK are 381 bytes in UTF-8.
  EXPECT_TRUE(checkValueFitsFormat(*utf8, 0, repeated(han, 127)).has_value());
  // ASCII: one byte each in both.
  EXPECT_EQ(checkValueFitsFormat(*gbk, 0, repeated(QStringLiteral("x"), 254)), std::nullopt);
  EXPECT_TRUE(checkValueFitsFormat(*gbk, 0, repeated(QStringLiteral("x"), 255)).has_value());
  // Numbers, nulls, other fields and bad indexes are not text limits.
  EXPECT_EQ(checkValueFitsFormat(*gbk, 1, 2025), std::nullopt);
  EXPECT_EQ(checkValueFitsFormat(*gbk, 0, QVariant()), std::nullopt);
  EXPECT_EQ(checkValueFitsFormat(*gbk, 7, repeated(han, 300)), std::nullopt);
}

TEST(FormatLimits, ACharacterGbkLacksIsNamed) {
  test::TempDir dir;
  const auto gbk = read(makeShapefile(dir, QStringLiteral("gbk"), "CP936"));
  const auto utf8 = read(makeShapefile(dir, QStringLiteral("utf8"), "UTF-8"));
  // 𠮷 (U+20BB7, CJK extension B) is in GB18030 and Unicode but not in GBK.
  const QString name = QStringLiteral("吉祥路𠮷野家");
  const auto problem = checkValueFitsFormat(*gbk, 0, name);
  ASSERT_TRUE(problem.has_value());
  EXPECT_TRUE(problem->contains(QStringLiteral("“𠮷”"))) << problem->toStdString();
  EXPECT_TRUE(problem->contains(QStringLiteral("“name”"))) << problem->toStdString();
  EXPECT_TRUE(problem->contains(QStringLiteral("GBK"))) << problem->toStdString();
  EXPECT_EQ(checkValueFitsFormat(*gbk, 0, QStringLiteral("吉祥路")), std::nullopt);
  EXPECT_EQ(checkValueFitsFormat(*utf8, 0, name), std::nullopt);
  // A file that declares GB18030 itself can hold it (4 bytes).
  const QString declared = makeShapefile(dir, QStringLiteral("gb18030"), "CP936");
  QFile cpg(dir.path(QStringLiteral("gb18030.cpg")));
  ASSERT_TRUE(cpg.open(QIODevice::WriteOnly | QIODevice::Truncate));
  cpg.write("GB18030");
  cpg.close();
  EXPECT_EQ(checkValueFitsFormat(*read(declared), 0, name), std::nullopt);
}

// A shapefile's fields have their own widths (C(10), N(4)); a save writes the layer anew and GDAL
// widens new fields to what they hold, so a longer text or a wider number is saved whole (only the
// 254-byte DBF limit applies).
TEST(FormatLimits, ValuesWiderThanTheirShapefileFieldAreSavedWhole) {
  test::TempDir dir;
  GDALAllRegister();
  const QString path = dir.path(QStringLiteral("widths.shp"));
  {
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("ESRI Shapefile")->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    const char* options[] = {"ENCODING=UTF-8", nullptr};
    OGRLayer* layer = ds->CreateLayer("widths", nullptr, wkbPoint, const_cast<char**>(options));
    OGRFieldDefn code("code", OFTString);
    code.SetWidth(10);
    OGRFieldDefn year("year", OFTInteger);
    year.SetWidth(4);
    ASSERT_EQ(layer->CreateField(&code), OGRERR_NONE);
    ASSERT_EQ(layer->CreateField(&year), OGRERR_NONE);
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    f->SetField(0, "JD01");
    f->SetField(1, 2020);
    OGRPoint p(600000, 3460000);
    f->SetGeometry(&p);
    ASSERT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
  }
  const auto data = read(path);
  const QString longer = QStringLiteral("嘉定新城核心区-01");  // 24 bytes in UTF-8, over C(10)
  EXPECT_FALSE(checkValueFitsFormat(*data, 0, longer).has_value());
  auto buffer = EditBuffer::start(data).value();
  FeatureEditCommand::changeAttribute(buffer.get(), data->fids[0], 0, longer, QStringLiteral("code"))->redo();
  FeatureEditCommand::changeAttribute(buffer.get(), data->fids[0], 1, 123456, QStringLiteral("year"))->redo();
  ASSERT_TRUE(buffer->save().ok());
  buffer.reset();
  const auto saved = read(path);
  EXPECT_EQ(saved->attributes[0][0].toString(), longer);
  EXPECT_EQ(saved->attributes[0][1].toLongLong(), 123456);
}

TEST(FormatLimits, AGeoPackageHasNoSuchLimits) {
  test::TempDir dir;
  LayerToWrite layer;
  layer.name = QStringLiteral("井盖");
  layer.crs = Crs::fromEpsg(4549);
  layer.fields = {{QStringLiteral("很长很长的中文字段名称"), Field::Type::String}};
  layer.geometries.push_back(Geometry::point({600000, 3460000}));
  layer.attributes.push_back({QStringLiteral("井盖")});
  const QString path = dir.path(QStringLiteral("井盖.gpkg"));
  ASSERT_TRUE(VectorWriter::writeGeoPackage(path, {layer}).ok());
  const auto data = read(path);
  EXPECT_TRUE(formatLimitWarnings(*data).isEmpty());
  EXPECT_EQ(checkValueFitsFormat(*data, 0, QStringLiteral("中").repeated(1000) + QStringLiteral("𠮷")), std::nullopt);
}

// The 254-byte answer checked against GDAL itself: a value of exactly 254 GBK bytes is saved and
// read back whole.
TEST(FormatLimits, TwoHundredFiftyFourGbkBytesSurviveASave) {
  test::TempDir dir;
  const QString path = makeShapefile(dir, QStringLiteral("gbk"), "CP936");
  const auto data = read(path);
  const QString longest = QStringLiteral("中").repeated(126) + QStringLiteral("ab");
  ASSERT_EQ(checkValueFitsFormat(*data, 0, longest), std::nullopt);
  auto buffer = EditBuffer::start(data).value();
  FeatureEditCommand::changeAttribute(buffer.get(), 0, 0, longest, QStringLiteral("rename"))->redo();
  ASSERT_TRUE(buffer->save().ok());
  EXPECT_EQ(read(path)->attributes[0][0].toString(), longest);
}

// The save refuses, naming the file, when a rewritten .dbf would pass 2 GB: the test grows the
// written temporary .dbf (sparse) at the stage between writing and swapping.
TEST(FormatLimits, AShapefileSaveOverTwoGigabytesIsRefusedAndTheFileKept) {
  test::TempDir dir;
  const QString path = makeShapefile(dir, QStringLiteral("井盖"), "CP936");
  QFile original(dir.path(QStringLiteral("井盖.dbf")));
  ASSERT_TRUE(original.open(QIODevice::ReadOnly));
  const QByteArray dbf = original.readAll();
  original.close();
  auto buffer = EditBuffer::start(read(path)).value();
  FeatureEditCommand::changeAttribute(buffer.get(), 0, 1, 2030, QStringLiteral("year"))->redo();
  bool grown = false;
  detail::setSaveHook([&](const char* stage) {
    if (qstrcmp(stage, "new-files-written") != 0) return;
    const QStringList folders = QDir(dir.path(QString())).entryList({QStringLiteral(".井盖.shp.saving-*")}, QDir::Dirs | QDir::Hidden);
    if (folders.size() != 1) return;
    QFile written(QDir(dir.path(folders[0])).filePath(QStringLiteral("井盖.dbf")));
    grown = written.open(QIODevice::ReadWrite) && written.resize(kShapefileMaxFileBytes + 1);
  });
  const auto refused = buffer->save();
  detail::setSaveHook({});
  ASSERT_TRUE(grown);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.error().message.contains(QStringLiteral("井盖.dbf"))) << refused.error().message.toStdString();
  EXPECT_TRUE(refused.error().message.contains(QStringLiteral("GeoPackage"))) << refused.error().message.toStdString();
  EXPECT_TRUE(buffer->isModified());
  ASSERT_TRUE(original.open(QIODevice::ReadOnly));
  EXPECT_EQ(original.readAll(), dbf);
  // Nothing left behind.
  EXPECT_TRUE(QDir(dir.path(QString())).entryList({QStringLiteral(".井盖.shp.saving-*")}, QDir::Dirs | QDir::Hidden).isEmpty());
}

}  // namespace
}  // namespace xiuhua::gis
