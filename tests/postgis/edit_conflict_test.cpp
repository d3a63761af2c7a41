// Editing a shared PostGIS table: a save is one transaction, each changed row checked against the
// version read; another user's change is a conflict (nothing written, nothing overwritten), settled
// by keeping theirs, taking mine or merging; a refusal by row-level security is told apart from a
// concurrent change.
#include "support/pg_test_server.h"
#include "xiuhua/gis/edit/edit_buffer.h"
#include "xiuhua/gis/edit/edit_conflict.h"
#include "xiuhua/gis/vector_reader.h"

#include <gtest/gtest.h>

using namespace xiuhua::gis;
using xiuhua::test::PgTestSchema;
using xiuhua::test::PgTestServer;

namespace {


std::shared_ptr<const VectorData> readStreets(const PgTestSchema& schema) {
  ReadOptions options;
  options.layerName = schema.layer(QStringLiteral("街道"));
  auto data = VectorReader::read(schema.source(), options);
  EXPECT_TRUE(data.ok()) << (data.ok() ? "" : data.error().message.toStdString());
  return data.ok() ? data.value() : nullptr;
}

std::unique_ptr<EditBuffer> startEditing(const std::shared_ptr<const VectorData>& data) {
  auto buffer = EditBuffer::start(data, false);
  EXPECT_TRUE(buffer.ok()) << (buffer.ok() ? "" : buffer.error().message.toStdString());
  if (buffer.ok()) buffer.value()->discard();  // no journal of an earlier run
  return buffer.ok() ? std::move(buffer).value() : nullptr;
}

// Sets field `field` of feature fid to value.
void setField(EditBuffer& buffer, qint64 fid, const QString& field, const QVariant& value) {
  std::optional<EditedFeature> f = buffer.feature(fid);
  ASSERT_TRUE(f.has_value());
  f->attributes[static_cast<std::size_t>(buffer.base().fieldIndex(field))] = value;
  ASSERT_TRUE(buffer.setOverride(fid, FeatureOverride{true, f}).ok());
}

QString nameOf(const PgTestSchema& schema, qint64 id) {
  auto c = PgTestServer::user();
  auto r = c->query(QStringLiteral("SELECT 名称 FROM %1.街道 WHERE id = $1").arg(schema.name()), {QString::number(id)});
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message.toStdString());
  return r.ok() && r->size() == 1 ? r->text(0, 0) : QStringLiteral("(no row)");
}

// Features 1 and 2 edited ("mine", "mine too"); meanwhile another user sets 1 to "theirs".
std::unique_ptr<EditBuffer> editBothWhileAnotherChangesTheFirst(const PgTestSchema& schema) {
  schema.createStreets();
  auto buffer = startEditing(readStreets(schema));
  if (!buffer) return nullptr;
  setField(*buffer, 1, QStringLiteral("名称"), QStringLiteral("mine"));
  setField(*buffer, 2, QStringLiteral("名称"), QStringLiteral("mine too"));
  schema.sql(QStringLiteral("UPDATE 街道 SET 名称 = 'theirs' WHERE id = 1"));  // another user, committed meanwhile
  return buffer;
}

}  // namespace

TEST(Conflict, ASaveWritesChangesDeletionsAndAdditionsInOneTransaction) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.createStreets();
  auto data = readStreets(schema);
  ASSERT_TRUE(data);
  EXPECT_TRUE(data->readOnlyReason.isEmpty()) << data->readOnlyReason.toStdString();
  ASSERT_EQ(data->versions.size(), 3u);
  auto buffer = startEditing(data);
  ASSERT_TRUE(buffer);
  setField(*buffer, 1, QStringLiteral("名称"), QStringLiteral("新成路街道（改）"));
  ASSERT_TRUE(buffer->setOverride(3, FeatureOverride{true, std::nullopt}).ok());
  EditedFeature added{buffer->newFid(), buffer->feature(2)->geometry, {QStringLiteral("新街道"), QVariant::fromValue<qlonglong>(5)}};
  ASSERT_TRUE(buffer->setOverride(added.fid, FeatureOverride{true, added}).ok());
  auto saved = buffer->save();
  ASSERT_TRUE(saved.ok()) << saved.error().message.toStdString();
  ASSERT_EQ(saved->size(), 1u);
  EXPECT_GE(saved->begin()->second, 100);
  EXPECT_EQ(nameOf(schema, 1), QStringLiteral("新成路街道（改）"));
  EXPECT_EQ(nameOf(schema, 3), QStringLiteral("(no row)"));
  EXPECT_EQ(nameOf(schema, saved->begin()->second), QStringLiteral("新街道"));
  auto again = readStreets(schema);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->featureCount(), 3u);
}

TEST(Conflict, AnotherUsersChangeStopsTheSaveAndNothingIsWritten) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  auto buffer = editBothWhileAnotherChangesTheFirst(schema);
  ASSERT_TRUE(buffer);
  auto saved = buffer->save();
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().code, ErrorCode::EditConflict);
  ASSERT_EQ(buffer->conflicts().size(), 1u);
  const EditConflict& c = buffer->conflicts().front();
  EXPECT_EQ(c.fid, 1);
  EXPECT_EQ(c.kind, EditConflict::Kind::ChangedByOther);
  EXPECT_EQ(c.code(), QStringLiteral("changed"));
  ASSERT_TRUE(c.mine && c.theirs);
  const auto name = static_cast<std::size_t>(buffer->base().fieldIndex(QStringLiteral("名称")));
  EXPECT_EQ(c.mine->attributes[name].toString(), QStringLiteral("mine"));
  EXPECT_EQ(c.theirs->attributes[name].toString(), QStringLiteral("theirs"));
  EXPECT_FALSE(c.theirs->geometry.isEmpty());
  // Nothing of the save landed: theirs stays, my other edit waits.
  EXPECT_EQ(nameOf(schema, 1), QStringLiteral("theirs"));
  EXPECT_EQ(nameOf(schema, 2), QStringLiteral("真新街道"));
  EXPECT_TRUE(buffer->isModified());
}

TEST(Conflict, TakeMineWritesMineOverTheirsAtTheNextSave) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  auto buffer = editBothWhileAnotherChangesTheFirst(schema);
  ASSERT_TRUE(buffer);
  ASSERT_FALSE(buffer->save().ok());
  ASSERT_TRUE(buffer->resolve(1, ConflictResolution::TakeMine).ok());
  auto saved = buffer->save();
  ASSERT_TRUE(saved.ok()) << saved.error().message.toStdString();
  EXPECT_EQ(nameOf(schema, 1), QStringLiteral("mine"));
  EXPECT_EQ(nameOf(schema, 2), QStringLiteral("mine too"));
}

TEST(Conflict, KeepTheirsDropsMyEditOfThatFeatureOnly) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  auto buffer = editBothWhileAnotherChangesTheFirst(schema);
  ASSERT_TRUE(buffer);
  ASSERT_FALSE(buffer->save().ok());
  ASSERT_TRUE(buffer->resolve(1, ConflictResolution::KeepTheirs).ok());
  ASSERT_TRUE(buffer->save().ok());
  EXPECT_EQ(nameOf(schema, 1), QStringLiteral("theirs"));
  EXPECT_EQ(nameOf(schema, 2), QStringLiteral("mine too"));
}

TEST(Conflict, AMergeTakesFieldsFromBoth) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.createStreets();
  auto buffer = startEditing(readStreets(schema));
  ASSERT_TRUE(buffer);
  setField(*buffer, 1, QStringLiteral("人口"), QVariant::fromValue<qlonglong>(99999));
  schema.sql(QStringLiteral("UPDATE 街道 SET 名称 = 'theirs' WHERE id = 1"));
  ASSERT_FALSE(buffer->save().ok());
  ASSERT_EQ(buffer->conflicts().size(), 1u);
  const EditConflict c = buffer->conflicts().front();
  AttributeRow merged = c.theirs->attributes;  // their name, my population
  merged[static_cast<std::size_t>(buffer->base().fieldIndex(QStringLiteral("人口")))] = QVariant::fromValue<qlonglong>(99999);
  ASSERT_TRUE(buffer->resolve(1, ConflictResolution::Merge, merged).ok());
  ASSERT_TRUE(buffer->save().ok());
  auto r = PgTestServer::user()->query(QStringLiteral("SELECT 名称, 人口 FROM %1.街道 WHERE id = 1").arg(schema.name()));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text(0, 0), QStringLiteral("theirs"));
  EXPECT_EQ(r->text(0, 1), QStringLiteral("99999"));
}

TEST(Conflict, ARowDeletedByAnotherUserIsReportedAndMineCanComeBack) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.createStreets();
  auto buffer = startEditing(readStreets(schema));
  ASSERT_TRUE(buffer);
  setField(*buffer, 3, QStringLiteral("名称"), QStringLiteral("mine"));
  schema.sql(QStringLiteral("DELETE FROM 街道 WHERE id = 3"));
  ASSERT_FALSE(buffer->save().ok());
  ASSERT_EQ(buffer->conflicts().size(), 1u);
  EXPECT_EQ(buffer->conflicts().front().kind, EditConflict::Kind::DeletedByOther);
  EXPECT_FALSE(buffer->conflicts().front().theirs.has_value());
  ASSERT_TRUE(buffer->resolve(3, ConflictResolution::TakeMine).ok());
  auto saved = buffer->save();
  ASSERT_TRUE(saved.ok()) << saved.error().message.toStdString();
  ASSERT_EQ(saved->size(), 1u);  // back as a new row
  EXPECT_EQ(nameOf(schema, saved->begin()->second), QStringLiteral("mine"));
}

TEST(Conflict, AnEditRestoredFromTheJournalIsCheckedAgainstTheVersionItWasMadeOn) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.createStreets();
  {
    auto buffer = startEditing(readStreets(schema));
    ASSERT_TRUE(buffer);
    setField(*buffer, 1, QStringLiteral("名称"), QStringLiteral("mine, before the crash"));
  }  // the session ends without saving: its journal stays
  schema.sql(QStringLiteral("UPDATE 街道 SET 名称 = 'theirs' WHERE id = 1"));
  auto data = readStreets(schema);
  ASSERT_TRUE(data);
  ASSERT_TRUE(EditBuffer::hasJournal(data->path, data->layerName));
  auto restored = EditBuffer::start(data, true);
  ASSERT_TRUE(restored.ok()) << restored.error().message.toStdString();
  ASSERT_TRUE(restored.value()->restoredFromJournal());
  auto saved = restored.value()->save();
  ASSERT_FALSE(saved.ok()) << "the restored edit overwrote another user's change";
  ASSERT_EQ(restored.value()->conflicts().size(), 1u);
  EXPECT_EQ(nameOf(schema, 1), QStringLiteral("theirs"));
  restored.value()->discard();
}

TEST(RowLevelSecurity, ARefusedEditIsReportedAsRefusedNotAsAConcurrentChange) {
  PgTestSchema schema;
  if (schema.name().isEmpty()) return;
  schema.createStreets();
  // A 街镇 user may change only the rows of 新成路街道 (the owner too: FORCE).
  schema.sql(QStringLiteral("ALTER TABLE 街道 ENABLE ROW LEVEL SECURITY; ALTER TABLE 街道 FORCE ROW LEVEL SECURITY;"
                            "CREATE POLICY see_all ON 街道 FOR SELECT USING (true);"
                            "CREATE POLICY own_rows ON 街道 FOR UPDATE USING (名称 LIKE '新成路%') WITH CHECK (名称 LIKE '新成路%');"
                            "CREATE POLICY own_deletes ON 街道 FOR DELETE USING (名称 LIKE '新成路%');"
                            "CREATE POLICY own_inserts ON 街道 FOR INSERT WITH CHECK (名称 LIKE '新成路%');"));
  auto buffer = startEditing(readStreets(schema));
  ASSERT_TRUE(buffer);
  setField(*buffer, 2, QStringLiteral("人口"), QVariant::fromValue<qlonglong>(1));  // 真新街道: not theirs to change
  auto saved = buffer->save();
  ASSERT_FALSE(saved.ok());
  ASSERT_EQ(buffer->conflicts().size(), 1u);
  EXPECT_EQ(buffer->conflicts().front().kind, EditConflict::Kind::Refused);
  EXPECT_TRUE(buffer->conflicts().front().message.contains(QLatin1String("row-level security")))
      << buffer->conflicts().front().message.toStdString();
  EXPECT_FALSE(buffer->resolve(2, ConflictResolution::TakeMine).ok());  // taking mine would be refused again
  ASSERT_TRUE(buffer->resolve(2, ConflictResolution::KeepTheirs).ok());

  // A change the policy's WITH CHECK refuses (the row would leave the user's 街镇) is refused too.
  setField(*buffer, 1, QStringLiteral("名称"), QStringLiteral("真新街道"));
  saved = buffer->save();
  ASSERT_FALSE(saved.ok());
  ASSERT_EQ(buffer->conflicts().size(), 1u);
  EXPECT_EQ(buffer->conflicts().front().kind, EditConflict::Kind::Refused);
  // And an allowed one lands.
  ASSERT_TRUE(buffer->resolve(1, ConflictResolution::KeepTheirs).ok());
  setField(*buffer, 1, QStringLiteral("人口"), QVariant::fromValue<qlonglong>(98765));
  ASSERT_TRUE(buffer->save().ok());
  auto r = PgTestServer::user()->query(QStringLiteral("SELECT 人口 FROM %1.街道 WHERE id = 1").arg(schema.name()));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text(0, 0), QStringLiteral("98765"));
}
