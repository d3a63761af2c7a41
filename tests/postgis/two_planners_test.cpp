// Two Xiuhua processes edit one PostGIS table, both reading before either saves (a barrier): every
// edit that does not collide lands, the collision is reported to the one who saves second, and no
// edit is lost — theirs stays or mine is written over it, as that planner chooses.
#include "support/pg_test_server.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

using xiuhua::test::PgTestSchema;
using xiuhua::test::PgTestServer;

namespace {

const char* kGrid = R"sql(
CREATE TABLE 网格 (id integer PRIMARY KEY, 负责人 text, 备注 text, geom geometry(Polygon, 4549));
INSERT INTO 网格 SELECT i, '原', '', ST_MakeEnvelope(500000 + i * 100, 3470000, 500100 + i * 100, 3470100, 4549) FROM generate_series(1, 6) i;
)sql";

QString cell(const PgTestSchema& schema, int id, const QString& column) {
  auto r = PgTestServer::user()->query(QStringLiteral("SELECT %1 FROM %2.网格 WHERE id = $1").arg(column, schema.name()), {QString::number(id)});
  EXPECT_TRUE(r.ok());
  return r.ok() && r->size() == 1 ? r->text(0, 0) : QString();
}

struct Planner {
  std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
  QString ready;
  QJsonObject result;
};

Planner start(const PgTestSchema& schema, const QTemporaryDir& dir, const QString& name, const QString& go, const QString& onConflict,
              const QStringList& edits) {
  Planner p;
  p.ready = dir.filePath(name + QStringLiteral(".ready"));
  p.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
  p.process->start(QStringLiteral(PG_EDIT_CHILD),
                   QStringList{schema.source(), schema.layer(QStringLiteral("网格")), p.ready, go, onConflict} + edits);
  return p;
}

}  // namespace

TEST(Conflict, TwoProcessesEditingOneTableLoseNoEdit) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.sql(QString::fromUtf8(kGrid));
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString goA = dir.filePath(QStringLiteral("a.go"));
  const QString goB = dir.filePath(QStringLiteral("b.go"));
  // A and B both change cell 3 (the collision); A also changes 1 and 2, B changes 5 and 6.
  Planner a = start(schema, dir, QStringLiteral("a"), goA, QStringLiteral("theirs"),
                    {QStringLiteral("1=负责人=甲"), QStringLiteral("2=负责人=甲"), QStringLiteral("3=负责人=甲")});
  Planner b = start(schema, dir, QStringLiteral("b"), goB, QStringLiteral("mine"),
                    {QStringLiteral("3=备注=乙看过"), QStringLiteral("3=负责人=乙"), QStringLiteral("5=负责人=乙"), QStringLiteral("6=负责人=乙")});
  // Both have read and edited before either saves.
  for (int waited = 0; !(QFile::exists(a.ready) && QFile::exists(b.ready)); waited += 20) {
    ASSERT_LT(waited, 60000) << "the planners did not get ready";
    ASSERT_NE(a.process->state(), QProcess::NotRunning) << a.process->readAllStandardOutput().toStdString();
    ASSERT_NE(b.process->state(), QProcess::NotRunning) << b.process->readAllStandardOutput().toStdString();
    QThread::msleep(20);
  }
  // A saves first, then B (who meets A's change of cell 3 and takes hers over it).
  QFile(goA).open(QIODevice::WriteOnly);
  ASSERT_TRUE(a.process->waitForFinished(60000));
  QFile(goB).open(QIODevice::WriteOnly);
  ASSERT_TRUE(b.process->waitForFinished(60000));
  const QJsonObject ra = QJsonDocument::fromJson(a.process->readAllStandardOutput()).object();
  const QJsonObject rb = QJsonDocument::fromJson(b.process->readAllStandardOutput()).object();
  ASSERT_EQ(a.process->exitCode(), 0) << QJsonDocument(ra).toJson().toStdString();
  ASSERT_EQ(b.process->exitCode(), 0) << QJsonDocument(rb).toJson().toStdString();
  EXPECT_TRUE(ra.value(QStringLiteral("saved")).toBool());
  EXPECT_FALSE(rb.value(QStringLiteral("saved")).toBool());
  const QJsonArray conflicts = rb.value(QStringLiteral("conflicts")).toArray();
  ASSERT_EQ(conflicts.size(), 1);
  EXPECT_EQ(conflicts[0].toObject().value(QStringLiteral("fid")).toInteger(), 3);
  EXPECT_EQ(conflicts[0].toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("changed"));
  EXPECT_TRUE(rb.value(QStringLiteral("saved_after_settling")).toBool());
  // Every edit that did not collide landed; on cell 3, B took hers over A's (her choice, told).
  EXPECT_EQ(cell(schema, 1, QStringLiteral("负责人")), QStringLiteral("甲"));
  EXPECT_EQ(cell(schema, 2, QStringLiteral("负责人")), QStringLiteral("甲"));
  EXPECT_EQ(cell(schema, 5, QStringLiteral("负责人")), QStringLiteral("乙"));
  EXPECT_EQ(cell(schema, 6, QStringLiteral("负责人")), QStringLiteral("乙"));
  EXPECT_EQ(cell(schema, 3, QStringLiteral("负责人")), QStringLiteral("乙"));
  EXPECT_EQ(cell(schema, 3, QStringLiteral("备注")), QStringLiteral("乙看过"));
  EXPECT_EQ(cell(schema, 4, QStringLiteral("负责人")), QStringLiteral("原"));
}

TEST(Conflict, TwoProcessesWhereTheSecondKeepsTheirs) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.sql(QString::fromUtf8(kGrid));
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString go = dir.filePath(QStringLiteral("go"));
  Planner a = start(schema, dir, QStringLiteral("a"), go + QStringLiteral(".a"), QStringLiteral("theirs"), {QStringLiteral("4=负责人=甲")});
  Planner b = start(schema, dir, QStringLiteral("b"), go + QStringLiteral(".b"), QStringLiteral("theirs"),
                    {QStringLiteral("4=负责人=乙"), QStringLiteral("1=备注=乙")});
  for (int waited = 0; !(QFile::exists(a.ready) && QFile::exists(b.ready)); waited += 20) {
    ASSERT_LT(waited, 60000);
    QThread::msleep(20);
  }
  QFile(go + QStringLiteral(".a")).open(QIODevice::WriteOnly);
  ASSERT_TRUE(a.process->waitForFinished(60000));
  QFile(go + QStringLiteral(".b")).open(QIODevice::WriteOnly);
  ASSERT_TRUE(b.process->waitForFinished(60000));
  ASSERT_EQ(a.process->exitCode(), 0);
  ASSERT_EQ(b.process->exitCode(), 0);
  EXPECT_EQ(cell(schema, 4, QStringLiteral("负责人")), QStringLiteral("甲"));  // theirs kept
  EXPECT_EQ(cell(schema, 1, QStringLiteral("备注")), QStringLiteral("乙"));    // B's other edit landed
}
