// A second planner, for the two-process editing tests: reads a PostGIS layer, makes its edits,
// says it is ready (a file), waits for the go (another file: a barrier, not luck of timing), saves,
// and on conflicts settles them all one way and saves again. Prints what happened as JSON.
//   pg_edit_child SOURCE LAYER READY GO mine|theirs FID=FIELD=VALUE …
#include "xiuhua/gis/edit/edit_buffer.h"
#include "xiuhua/gis/edit/edit_conflict.h"
#include "xiuhua/gis/vector_reader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <cstdio>

using namespace xiuhua::gis;

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const QStringList args = app.arguments();
  if (args.size() < 6) {
    std::fprintf(stderr, "usage: pg_edit_child SOURCE LAYER READY GO mine|theirs FID=FIELD=VALUE ...\n");
    return 2;
  }
  auto fail = [](const QString& why) {
    std::printf("%s\n", QJsonDocument(QJsonObject{{QStringLiteral("error"), why}}).toJson(QJsonDocument::Compact).constData());
    return 1;
  };
  ReadOptions options;
  options.layerName = args[2];
  auto data = VectorReader::read(args[1], options);
  if (!data.ok()) return fail(data.error().message);
  auto buffer = EditBuffer::start(data.value(), false);
  if (!buffer.ok()) return fail(buffer.error().message);
  EditBuffer& b = *buffer.value();
  for (qsizetype i = 6; i < args.size(); ++i) {
    const QStringList edit = args[i].split(QLatin1Char('='));
    const qint64 fid = edit.value(0).toLongLong();
    std::optional<EditedFeature> f = b.feature(fid);
    const int field = b.base().fieldIndex(edit.value(1));
    if (!f || field < 0) return fail(QStringLiteral("no feature %1 or field %2").arg(fid).arg(edit.value(1)));
    f->attributes[static_cast<std::size_t>(field)] = edit.value(2);
    if (Status s = b.setOverride(fid, FeatureOverride{true, f}); !s) return fail(s.error().message);
  }
  QFile ready(args[3]);
  if (!ready.open(QIODevice::WriteOnly)) return fail(QStringLiteral("cannot write %1").arg(args[3]));
  ready.close();
  for (int waited = 0; !QFileInfo::exists(args[4]); waited += 10) {
    if (waited > 60000) return fail(QStringLiteral("no go within 60 s"));
    QThread::msleep(10);
  }
  QJsonObject out;
  auto first = b.save();
  out.insert(QStringLiteral("saved"), first.ok());
  QJsonArray conflicts;
  for (const EditConflict& c : b.conflicts()) conflicts.append(QJsonObject{{QStringLiteral("fid"), c.fid}, {QStringLiteral("kind"), c.code()}});
  out.insert(QStringLiteral("conflicts"), conflicts);
  if (!first.ok() && first.error().code != ErrorCode::EditConflict) return fail(first.error().message);
  if (!first.ok()) {
    const auto how = args[5] == QLatin1String("mine") ? ConflictResolution::TakeMine : ConflictResolution::KeepTheirs;
    const std::vector<EditConflict> all = b.conflicts();
    for (const EditConflict& c : all) {
      if (Status s = b.resolve(c.fid, how); !s) return fail(s.error().message);
    }
    auto second = b.save();
    if (!second.ok()) return fail(second.error().message);
    out.insert(QStringLiteral("saved_after_settling"), true);
  }
  std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
  return 0;
}
