// xiuhua-cli on a project it may not change (the demo as installed, files without a write bit):
// what reads works, what writes is refused with the file named, and not a byte changes.
#include "cli/cli_runner.h"
#include "support/demo_copy.h"
#include "support/folder_snapshot.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>

namespace {

using xiuhua::test::cli;
using xiuhua::test::snapshotOf;
using xiuhua::test::CliRun;

void setWritable(const QString& folder, bool writable) {
  QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
  const QFile::Permissions read = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
  while (it.hasNext()) QFile::setPermissions(it.next(), writable ? read | QFile::WriteOwner : read);
}

TEST(CliReadOnlyProject, ReadsAndReportsButRefusesToWriteAndChangesNothing) {
  xiuhua::test::TempDir dir;
  const QString project = xiuhua::test::copyDemoProject(dir.path(QString()), QStringLiteral("只读 演示"));
  ASSERT_FALSE(project.isEmpty());
  // Computed while writable (values, result layers), then made read-only.
  const CliRun computed = cli({QStringLiteral("compute"), QStringLiteral("--project"), project, QStringLiteral("--year"),
                               QStringLiteral("2024"), QStringLiteral("--indicator"), QStringLiteral("JD14-13")});
  ASSERT_EQ(computed.exitCode, 0) << computed.err.toStdString();
  const QString folder = QFileInfo(project).absolutePath();
  for (const QString& side : QDir(folder).entryList({QStringLiteral("*-wal"), QStringLiteral("*-shm")}, QDir::Files)) {
    ADD_FAILURE() << "a side file stayed after the CLI exited: " << side.toStdString();
  }
  setWritable(folder, false);
  const QMap<QString, QByteArray> before = snapshotOf(folder);

  const CliRun info = cli({QStringLiteral("project-info"), QStringLiteral("--project"), project});
  EXPECT_EQ(info.exitCode, 0) << info.err.toStdString();
  EXPECT_TRUE(info.out.contains(QStringLiteral("jiading.gpkg"))) << info.out.toStdString();

  const CliRun compute = cli({QStringLiteral("compute"), QStringLiteral("--project"), project, QStringLiteral("--year"), QStringLiteral("2024")});
  EXPECT_EQ(compute.exitCode, 1);
  EXPECT_TRUE(compute.err.contains(project)) << compute.err.toStdString();
  EXPECT_TRUE(compute.err.contains(QStringLiteral("read-only"))) << compute.err.toStdString();
  EXPECT_EQ(compute.err.count(QLatin1Char('\n')), 1) << compute.err.toStdString();  // said once, not per indicator

  const CliRun set = cli({QStringLiteral("indicators"), QStringLiteral("set"), QStringLiteral("--project"), project, QStringLiteral("--code"),
                          QStringLiteral("JD14-04"), QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--value"), QStringLiteral("96")});
  EXPECT_NE(set.exitCode, 0);
  EXPECT_TRUE(set.err.contains(QStringLiteral("read-only"))) << set.err.toStdString();

  // The report reads everything it needs, the computed map included.
  const QString pdf = dir.path(QStringLiteral("报告.pdf"));
  const CliRun report = cli({QStringLiteral("report"), QStringLiteral("--project"), project, QStringLiteral("--year"), QStringLiteral("2024"),
                             QStringLiteral("--out"), pdf});
  ASSERT_EQ(report.exitCode, 0) << report.err.toStdString();
  EXPECT_TRUE(report.err.isEmpty()) << report.err.toStdString();  // no warning: the result layers were read
  QProcess text;
  text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
  ASSERT_TRUE(text.waitForFinished(60000));
  const QString words = QString::fromUtf8(text.readAllStandardOutput());
  EXPECT_TRUE(words.contains(QStringLiteral("绿地公园500米服务半径覆盖率")));
  EXPECT_TRUE(words.contains(QStringLiteral("Computation #1 for 2024"))) << "the appendix lists the computation";
  EXPECT_TRUE(words.contains(QStringLiteral("map of the 2024 computation"))) << "the computed map, from the result layers";

  EXPECT_EQ(snapshotOf(folder), before);  // not a byte, not a side file
  setWritable(folder, true);
}

}  // namespace
