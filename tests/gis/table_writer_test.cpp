// TableWriter: tables written through GDAL and read back through GDAL (XLSX worksheets, CSV).
#include "support/temp_dir.h"
#include "xiuhua/gis/table_writer.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace xiuhua::gis {
namespace {

GDALDatasetUniquePtr openTable(const QString& path) {
  GDALAllRegister();
  // Every row under the header is data: force the first row to be read as the header (a sheet of
  // text only would otherwise be taken as headerless).
  const bool csv = path.endsWith(QLatin1String(".csv"));
  const char* const options[] = {csv ? "HEADERS=YES" : "HEADERS=FORCE", nullptr};
  return GDALDatasetUniquePtr(GDALDataset::FromHandle(GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, options, nullptr)));
}

QStringList fieldNames(OGRLayer& layer) {
  QStringList names;
  for (int i = 0; i < layer.GetLayerDefn()->GetFieldCount(); ++i) names << QString::fromUtf8(layer.GetLayerDefn()->GetFieldDefn(i)->GetNameRef());
  return names;
}

TEST(TableWriter, TwoSheetsWithChineseNamesAndNumbersReadBackThroughGdal) {
  test::TempDir dir;
  const QString path = dir.path(QStringLiteral("指标表.xlsx"));
  const std::vector<TableSheet> sheets{
      {QStringLiteral("指标汇总"), {QStringLiteral("编码"), QStringLiteral("指标"), QStringLiteral("最新值")},
       {{QStringLiteral("JD14-13"), QStringLiteral("公园绿地服务半径覆盖率"), QStringLiteral("66.70543064715692")},
        {QStringLiteral("JD14-01"), QStringLiteral("美丽街区"), QString()}},
       {QStringLiteral("最新值")}},
      {QStringLiteral("JD14-13 街镇"), {QStringLiteral("排名"), QStringLiteral("街镇"), QStringLiteral("数值")},
       {{QStringLiteral("1"), QStringLiteral("新成路街道"), QStringLiteral("91.25")},
        {QStringLiteral("2"), QStringLiteral("菊园新区"), QStringLiteral("-0.5")}},
       {QStringLiteral("排名"), QStringLiteral("数值")}}};
  const Status written = TableWriter::writeSheets(path, sheets);
  ASSERT_TRUE(written.ok()) << written.error().message.toStdString();

  GDALDatasetUniquePtr ds = openTable(path);
  ASSERT_TRUE(ds);
  ASSERT_EQ(ds->GetLayerCount(), 2);
  OGRLayer* summary = ds->GetLayer(0);
  OGRLayer* ranks = ds->GetLayer(1);
  EXPECT_EQ(QString::fromUtf8(summary->GetName()), QStringLiteral("指标汇总"));
  EXPECT_EQ(QString::fromUtf8(ranks->GetName()), QStringLiteral("JD14-13 街镇"));
  EXPECT_EQ(fieldNames(*summary), (QStringList{QStringLiteral("编码"), QStringLiteral("指标"), QStringLiteral("最新值")}));
  EXPECT_EQ(fieldNames(*ranks), (QStringList{QStringLiteral("排名"), QStringLiteral("街镇"), QStringLiteral("数值")}));
  // Numbers are numbers (the driver types a column by its cells), text is text, empty stays empty.
  EXPECT_EQ(summary->GetLayerDefn()->GetFieldDefn(2)->GetType(), OFTReal);
  EXPECT_EQ(summary->GetLayerDefn()->GetFieldDefn(1)->GetType(), OFTString);
  EXPECT_EQ(summary->GetFeatureCount(), 2);
  summary->ResetReading();
  OGRFeatureUniquePtr first(summary->GetNextFeature());
  ASSERT_TRUE(first);
  EXPECT_EQ(QString::fromUtf8(first->GetFieldAsString(0)), QStringLiteral("JD14-13"));
  EXPECT_EQ(QString::fromUtf8(first->GetFieldAsString(1)), QStringLiteral("公园绿地服务半径覆盖率"));
  EXPECT_NEAR(first->GetFieldAsDouble(2), 66.70543064715692, 1e-12);
  OGRFeatureUniquePtr second(summary->GetNextFeature());
  ASSERT_TRUE(second);
  EXPECT_FALSE(second->IsFieldSetAndNotNull(2));
  ranks->ResetReading();
  std::vector<std::pair<double, double>> read;
  for (auto&& f : *ranks) read.emplace_back(f->GetFieldAsDouble(0), f->GetFieldAsDouble(2));
  EXPECT_EQ(read, (std::vector<std::pair<double, double>>{{1, 91.25}, {2, -0.5}}));
  // Nothing beside it: the temporary file was renamed.
  EXPECT_EQ(QDir(QFileInfo(path).path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("指标表.xlsx")});
}

TEST(TableWriter, SheetNamesAreMadeValidForExcel) {
  const QStringList names = TableWriter::validSheetNames(
      {QStringLiteral("a/b:c[d]*?\\e"), QStringLiteral("'引号'"), QString(), QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
       QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789"), QStringLiteral("指标汇总"), QStringLiteral("指标汇总")});
  EXPECT_EQ(names, (QStringList{QStringLiteral("a_b_c_d____e"), QStringLiteral("引号"), QStringLiteral("Sheet"),
                                QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ01234"), QStringLiteral("abcdefghijklmnopqrstuvwxyz0 (2)"),
                                QStringLiteral("指标汇总"), QStringLiteral("指标汇总 (2)")}));
  for (const QString& name : names) EXPECT_LE(name.size(), 31);

  // Written and read back: the workbook has the valid names.
  test::TempDir dir;
  const QString path = dir.path(QStringLiteral("names.xlsx"));
  std::vector<TableSheet> sheets;
  for (const char* name : {"a/b", "a_b", "x"}) sheets.push_back({QString::fromUtf8(name), {QStringLiteral("v")}, {{QStringLiteral("1")}}, {}});
  ASSERT_TRUE(TableWriter::writeSheets(path, sheets).ok());
  GDALDatasetUniquePtr ds = openTable(path);
  ASSERT_TRUE(ds);
  QStringList read;
  for (OGRLayer* layer : ds->GetLayers()) read << QString::fromUtf8(layer->GetName());
  EXPECT_EQ(read, (QStringList{QStringLiteral("a_b"), QStringLiteral("a_b (2)"), QStringLiteral("x")}));
}

TEST(TableWriter, CsvHoldsOneTableAndRefusesTwo) {
  test::TempDir dir;
  const QString path = dir.path(QStringLiteral("汇总.csv"));
  const TableSheet sheet{QStringLiteral("汇总"), {QStringLiteral("编码"), QStringLiteral("数值")},
                         {{QStringLiteral("JD14-13"), QStringLiteral("66.7")}}, {QStringLiteral("数值")}};
  const Status refused = TableWriter::writeSheets(path, {sheet, sheet});
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.error().message.contains(path)) << refused.error().message.toStdString();
  EXPECT_TRUE(QDir(QFileInfo(path).path()).entryList(QDir::Files | QDir::Hidden).isEmpty());

  ASSERT_TRUE(TableWriter::write(path, sheet.columns, sheet.rows, sheet.numericColumns).ok());
  GDALDatasetUniquePtr ds = openTable(path);
  ASSERT_TRUE(ds);
  OGRLayer* layer = ds->GetLayer(0);
  EXPECT_EQ(fieldNames(*layer), sheet.columns);
  OGRFeatureUniquePtr f(layer->GetNextFeature());
  ASSERT_TRUE(f);
  EXPECT_EQ(QString::fromUtf8(f->GetFieldAsString(0)), QStringLiteral("JD14-13"));
  EXPECT_DOUBLE_EQ(f->GetFieldAsDouble(1), 66.7);
  // UTF-8 with a byte order mark, so that Excel on Windows does not read the Chinese as GBK.
  QFile raw(path);
  ASSERT_TRUE(raw.open(QIODevice::ReadOnly));
  EXPECT_TRUE(raw.readAll().startsWith("\xEF\xBB\xBF" "编码"));
}

TEST(TableWriter, AFolderThatDoesNotExistIsNamedAndNothingIsLeft) {
  test::TempDir dir;
  const QString path = dir.path(QStringLiteral("没有的文件夹/表.xlsx"));
  const Status s = TableWriter::writeSheets(path, {TableSheet{QStringLiteral("a"), {QStringLiteral("v")}, {}, {}}});
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.error().message.contains(QStringLiteral("表.xlsx"))) << s.error().message.toStdString();
  EXPECT_FALSE(QFileInfo::exists(path));
}

}  // namespace
}  // namespace xiuhua::gis
