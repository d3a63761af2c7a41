// The demo as shipped (built with its history, data/CMakeLists.txt): what a new user sees from the
// command line — a value for 2025 of every indicator, the invented ones saying so, and a report
// with real content.
#include "cli/cli_runner.h"
#include "support/demo_copy.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace {

using xiuhua::test::cli;
using xiuhua::test::CliRun;


TEST(CliDemo, EveryIndicatorHasA2025ValueAndTheInventedOnesSaySo) {
  xiuhua::test::TempDir dir;
  const QString project = xiuhua::test::copyBuiltDemo(dir.path(QStringLiteral("demo")));
  ASSERT_FALSE(project.isEmpty());
  const CliRun r = cli({QStringLiteral("indicators"), QStringLiteral("status"), QStringLiteral("--project"), project, QStringLiteral("--year"),
                        QStringLiteral("2025"), QStringLiteral("--json")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("indicators")).toArray();
  ASSERT_EQ(rows.size(), 38);
  for (const QJsonValue& v : rows) {
    const QJsonObject row = v.toObject();
    const QString code = row.value(QStringLiteral("code")).toString();
    EXPECT_EQ(row.value(QStringLiteral("valueYear")).toInt(), 2025) << code.toStdString();
    EXPECT_NE(row.value(QStringLiteral("status")).toString(), QStringLiteral("no_data")) << code.toStdString();
    if (code == QLatin1String("JD14-02")) {
      EXPECT_TRUE(row.value(QStringLiteral("value_synthetic")).toBool());
    }
    if (code == QLatin1String("JD14-13")) {
      EXPECT_FALSE(row.value(QStringLiteral("value_synthetic")).toBool());  // computed from the map
    }
  }
  // The plan's own baseline is entered as the plan gives it, not marked as invented.
  const CliRun history = cli({QStringLiteral("indicators"), QStringLiteral("history"), QStringLiteral("--project"), project,
                              QStringLiteral("--code"), QStringLiteral("JD14-25")});
  ASSERT_EQ(history.exitCode, 0);
  const QJsonArray values = QJsonDocument::fromJson(history.out.toUtf8()).array();
  ASSERT_FALSE(values.isEmpty());
  const QJsonObject baseline = values.first().toObject();
  EXPECT_EQ(baseline.value(QStringLiteral("year")).toInt(), 2020);
  EXPECT_DOUBLE_EQ(baseline.value(QStringLiteral("value")).toDouble(), 16.05);
  EXPECT_EQ(baseline.value(QStringLiteral("source")).toString(), QStringLiteral("entered"));
  EXPECT_EQ(values.last().toObject().value(QStringLiteral("source")).toString(), QStringLiteral("synthetic"));
}

// Copied twice, the first copy removed: what the report reads must come from the copy it is given
// (a record naming the build's folder would read "缺失" once that is gone, as on a user's machine).
TEST(CliDemo, ItsReportHasMapsAndMarksTheInventedValues) {
  xiuhua::test::TempDir dir;
  const QString first = xiuhua::test::copyBuiltDemo(dir.path(QStringLiteral("first")));
  ASSERT_FALSE(first.isEmpty());
  const QString project = dir.path(QStringLiteral("second/jiading-demo.xhp"));
  {
    const QDir from(QFileInfo(first).absolutePath());
    QDirIterator it(from.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
      const QString file = it.next();
      const QString target = QDir(dir.path(QStringLiteral("second"))).filePath(from.relativeFilePath(file));
      QDir().mkpath(QFileInfo(target).path());
      ASSERT_TRUE(QFile::copy(file, target));
    }
    ASSERT_TRUE(QDir(from.path()).removeRecursively());
  }
  const QString pdf = dir.path(QStringLiteral("demo.pdf"));
  const CliRun r = cli({QStringLiteral("report"), QStringLiteral("--project"), project, QStringLiteral("--out"), pdf, QStringLiteral("--year"),
                        QStringLiteral("2025"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_FALSE(r.err.contains(QStringLiteral("缺失"))) << r.err.toStdString();
  QProcess text;
  text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
  text.waitForFinished(60000);
  const QString content = QString::fromUtf8(text.readAllStandardOutput()).remove(QLatin1Char('\n'));
  EXPECT_TRUE(content.contains(QStringLiteral("示例数据"))) << "the invented values say so";
  EXPECT_TRUE(content.contains(QStringLiteral("图：JD14-13"))) << "the coverage map of the computed indicator";
  EXPECT_FALSE(content.contains(QStringLiteral("无数据"))) << "every indicator has a value";
  EXPECT_FALSE(content.contains(QStringLiteral("缺失"))) << "every input of the appendix is found in this copy";
}

}  // namespace
