// The server killed in the middle of a save: the transaction rolls back, the edits stay in the
// session and its journal, and the save after the restart writes them exactly once. Run alone
// (RUN_SERIAL): it stops the test server that the other tests share.
#include "edit/layer_save.h"
#include "support/pg_test_server.h"
#include "xiuhua/gis/edit/edit_buffer.h"
#include "xiuhua/gis/vector_reader.h"

#include <gtest/gtest.h>

#include <QProcess>

using namespace xiuhua::gis;
using xiuhua::test::PgTestSchema;
using xiuhua::test::PgTestServer;

namespace {

// pg_ctl as the server's owner (the postgres user when the tests run as root).
bool pgCtl(const QStringList& args) {
  const QString pgCtlPath = PgTestServer::env("XIUHUA_PG_BIN") + QStringLiteral("/pg_ctl");
  QStringList command{QStringLiteral("-D"), PgTestServer::env("XIUHUA_PG_DATA")};
  command += args;
  QProcess p;
  p.setWorkingDirectory(PgTestServer::env("XIUHUA_PG_DIR"));
  if (PgTestServer::env("XIUHUA_PG_RUN_AS") == QLatin1String("postgres") && ::geteuid() == 0) {
    p.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), pgCtlPath} + command);
  } else {
    p.start(pgCtlPath, command);
  }
  const bool ok = p.waitForFinished(90000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
  if (!ok) ADD_FAILURE() << "pg_ctl " << args.join(QLatin1Char(' ')).toStdString() << ": " << p.readAllStandardError().toStdString();
  return ok;
}

QString scalar(const QString& sql) {
  auto c = PgTestServer::user();
  if (!c) return {};
  auto r = c->query(sql);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message.toStdString());
  return r.ok() && r->size() == 1 ? r->text(0, 0) : QString();
}

}  // namespace

TEST(ServerKilled, MidSaveRollsBackAndTheNextSaveWritesTheEditsExactlyOnce) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.sql(QStringLiteral("CREATE TABLE 设施 (id serial PRIMARY KEY, 名称 text, geom geometry(Point, 4549));"
                            "INSERT INTO 设施 (名称, geom) VALUES ('公厕一', ST_SetSRID(ST_MakePoint(500100, 3470100), 4549)),"
                            "                                 ('公厕二', ST_SetSRID(ST_MakePoint(500200, 3470200), 4549));"));
  ReadOptions options;
  options.layerName = schema.layer(QStringLiteral("设施"));
  auto data = VectorReader::read(schema.source(), options);
  ASSERT_TRUE(data.ok()) << data.error().message.toStdString();
  auto started = EditBuffer::start(data.value(), false);
  ASSERT_TRUE(started.ok()) << started.error().message.toStdString();
  EditBuffer& buffer = *started.value();
  std::optional<EditedFeature> first = buffer.feature(1);
  ASSERT_TRUE(first);
  first->attributes[0] = QStringLiteral("公厕一（已改）");
  ASSERT_TRUE(buffer.setOverride(1, FeatureOverride{true, first}).ok());
  EditedFeature added{buffer.newFid(), buffer.feature(2)->geometry, {QStringLiteral("公厕三")}};
  ASSERT_TRUE(buffer.setOverride(added.fid, FeatureOverride{true, added}).ok());

  // The rows are written, the transaction not committed: the server dies.
  bool killed = false;
  detail::setSaveHook([&](const char* stage) {
    if (QByteArray(stage) == "pg-rows-written") killed = pgCtl({QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")});
  });
  auto saved = buffer.save();
  detail::setSaveHook({});
  ASSERT_TRUE(killed);
  ASSERT_TRUE(pgCtl({QStringLiteral("-l"), PgTestServer::env("XIUHUA_PG_DIR") + QStringLiteral("/server.log"), QStringLiteral("-w"),
                     QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")}));
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().code, ErrorCode::ConnectionFailed);
  EXPECT_TRUE(saved.error().message.contains(QLatin1String("kept"))) << saved.error().message.toStdString();
  EXPECT_TRUE(buffer.isModified());
  EXPECT_TRUE(EditBuffer::hasJournal(data.value()->path, data.value()->layerName));
  // Nothing of it reached the table.
  EXPECT_EQ(scalar(QStringLiteral("SELECT 名称 FROM %1.设施 WHERE id = 1").arg(schema.name())), QStringLiteral("公厕一"));
  EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM %1.设施").arg(schema.name())), QStringLiteral("2"));

  auto again = buffer.save();
  ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
  EXPECT_EQ(scalar(QStringLiteral("SELECT 名称 FROM %1.设施 WHERE id = 1").arg(schema.name())), QStringLiteral("公厕一（已改）"));
  EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM %1.设施 WHERE 名称 = '公厕三'").arg(schema.name())), QStringLiteral("1"));
  EXPECT_FALSE(buffer.isModified());
}
