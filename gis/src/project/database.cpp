#include "xiuhua/gis/database.h"

#include "atomic_file.h"
#include "xiuhua/gis/file_access.h"
#include "sqlite_db.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace xiuhua::gis {

struct Database::Impl {
  detail::SqliteDb db;
};

Database::Database(std::unique_ptr<Impl> impl, QString path, bool readOnly)
    : mImpl(std::move(impl)), mPath(std::move(path)), mReadOnly(readOnly) {}
Database::~Database() = default;

bool Database::isWritable(const QString& path) {
  const QFileInfo file(path);
  // The folder SQLite writes -wal and -shm into: the real file's, when path is a link.
  const QFileInfo real(file.exists() ? file.canonicalFilePath() : file.absoluteFilePath());
  return file.isWritable() && !isProtectedFile(path) && QFileInfo(real.absolutePath()).isWritable();
}

QString Database::readOnlyMessage(const QString& path) {
  return QCoreApplication::translate("Database",
                                     "%1 is read-only (the file or its folder cannot be written, the file is marked read-only, "
                                     "or it is installed in a system folder such as /usr/share): nothing was changed. Save the "
                                     "project under another name to change it.")
      .arg(path);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path) {
  if (!QFileInfo(path).isFile()) {
    return Error{ErrorCode::FileNotFound, QCoreApplication::translate("Database", "%1: the file does not exist.").arg(path)};
  }
  if (!isWritable(path)) return openReadOnly(path);
  QString error;
  auto impl = std::make_unique<Impl>();
  impl->db = detail::openSqlite(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, error);
  if (!impl->db || !detail::execSql(impl->db.get(), "PRAGMA journal_mode=WAL;", error)) {
    return Error{ErrorCode::IoFailed, QCoreApplication::translate("Database", "%1: cannot open the database for writing (%2).").arg(path, error)};
  }
  return std::unique_ptr<Database>(new Database(std::move(impl), path, false));
}

Result<std::unique_ptr<Database>> Database::openReadOnly(const QString& path) {
  if (!QFileInfo(path).isFile()) {
    return Error{ErrorCode::FileNotFound, QCoreApplication::translate("Database", "%1: the file does not exist.").arg(path)};
  }
  QString error;
  auto impl = std::make_unique<Impl>();
  impl->db = detail::openSqliteReadOnly(path, error);
  if (!impl->db) {
    return Error{ErrorCode::IoFailed, QCoreApplication::translate("Database", "%1: cannot open the database for reading (%2).").arg(path, error)};
  }
  return std::unique_ptr<Database>(new Database(std::move(impl), path, true));
}

Error Database::failure(const QString& sqliteMessage) const {
  if (mReadOnly && (sqlite3_errcode(mImpl->db.get()) & 0xff) == SQLITE_READONLY) return Error{ErrorCode::IoFailed, readOnlyMessage(mPath)};
  return Error{ErrorCode::IoFailed, QStringLiteral("%1: %2").arg(mPath, sqliteMessage)};
}

Status Database::exec(const QString& sql) {
  QString error;
  const QByteArray text = sql.toUtf8();
  // Read-only, a write could land in a TEMP table (ensureSchema) and seem to succeed: refused.
  if (mReadOnly && !detail::onlyReads(mImpl->db.get(), text, error)) {
    return error.isEmpty() ? Error{ErrorCode::IoFailed, readOnlyMessage(mPath)} : failure(error);
  }
  if (!detail::execSql(mImpl->db.get(), text.constData(), error)) return failure(error);
  return {};
}

Status Database::ensureSchema(const QString& sql) {
  if (!mReadOnly) return exec(sql);
  static const QRegularExpression createTable(QStringLiteral(R"(^\s*CREATE\s+TABLE\s+IF\s+NOT\s+EXISTS\s+(\w+))"),
                                              QRegularExpression::CaseInsensitiveOption);
  for (const QString& statement : sql.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
    const QRegularExpressionMatch m = createTable.match(statement);
    if (!m.hasMatch()) continue;  // indexes: nothing to find faster in an empty table
    auto present = query(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?"), {m.captured(1)});
    if (!present.ok()) return present.error();
    if (present->front().front().toInt() > 0) continue;
    QString temporary = statement;
    temporary.replace(m.capturedStart(0), m.capturedLength(0), QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS ") + m.captured(1));
    if (Status s = createTemporary(temporary); !s) return s;
  }
  return {};
}

Status Database::createTemporary(const QString& sql) {
  static const QRegularExpression temporary(QStringLiteral(R"(^\s*CREATE\s+TEMP(ORARY)?\s)"), QRegularExpression::CaseInsensitiveOption);
  for (const QString& statement : sql.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
    if (statement.trimmed().isEmpty()) continue;
    if (!temporary.match(statement).hasMatch()) {
      return Error{ErrorCode::InvalidArgument, QStringLiteral("%1: not a CREATE TEMP statement: %2").arg(mPath, statement.trimmed())};
    }
    QString error;
    if (!detail::execSql(mImpl->db.get(), statement.toUtf8().constData(), error)) return failure(error);
  }
  return {};
}

Result<std::vector<Database::Row>> Database::query(const QString& sql, const std::vector<QVariant>& params) {
  QString error;
  const QByteArray text = sql.toUtf8();
  detail::SqliteStmt st = detail::prepareSql(mImpl->db.get(), text.constData(), error);
  if (!st) return failure(error);
  if (mReadOnly && sqlite3_stmt_readonly(st.get()) == 0) return Error{ErrorCode::IoFailed, readOnlyMessage(mPath)};
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    const QVariant& v = params[i];
    if (!v.isValid() || v.isNull()) {
      sqlite3_bind_null(st.get(), index);
    } else if (v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Bool) {
      sqlite3_bind_int64(st.get(), index, v.toLongLong());
    } else if (v.typeId() == QMetaType::Double) {
      sqlite3_bind_double(st.get(), index, v.toDouble());
    } else {
      detail::bindText(st.get(), index, v.toString());
    }
  }
  std::vector<Row> rows;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
    Row row;
    const int n = sqlite3_column_count(st.get());
    for (int c = 0; c < n; ++c) {
      switch (sqlite3_column_type(st.get(), c)) {
        case SQLITE_INTEGER: row.emplace_back(static_cast<qlonglong>(sqlite3_column_int64(st.get(), c))); break;
        case SQLITE_FLOAT: row.emplace_back(sqlite3_column_double(st.get(), c)); break;
        case SQLITE_NULL: row.emplace_back(); break;
        default: row.emplace_back(detail::columnText(st.get(), c));
      }
    }
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) return failure(QString::fromUtf8(sqlite3_errmsg(mImpl->db.get())));
  return rows;
}

Status Database::requireWritable() const {
  if (mReadOnly) return Error{ErrorCode::IoFailed, readOnlyMessage(mPath)};
  return {};
}

Status Database::beginWrite() {
  if (Status s = requireWritable(); !s) return s;
  return exec(QStringLiteral("BEGIN IMMEDIATE;"));
}
Status Database::commit() { return exec(QStringLiteral("COMMIT;")); }
void Database::rollback() { (void)exec(QStringLiteral("ROLLBACK;")); }
qint64 Database::lastInsertId() const { return sqlite3_last_insert_rowid(mImpl->db.get()); }

Status Database::copyTo(const QString& path) {
  if (isProtectedFile(path)) return Error{ErrorCode::IoFailed, readOnlyMessage(path)};
  const QFileInfo target(path);
  const QString temp = detail::temporaryBeside(target, target.suffix());
  // Not through query(): VACUUM counts as a write there, but INTO writes only the new file, so a
  // read-only project can be copied too.
  QString error;
  detail::SqliteStmt st = detail::prepareSql(mImpl->db.get(), "VACUUM INTO ?", error);
  if (st) {
    detail::bindText(st.get(), 1, temp);
    if (sqlite3_step(st.get()) != SQLITE_DONE) error = QString::fromUtf8(sqlite3_errmsg(mImpl->db.get()));
  }
  const QString reason = detail::replaceWith(temp, target, error);
  if (!reason.isEmpty()) {
    return Error{ErrorCode::IoFailed, QCoreApplication::translate("Database", "%1: cannot copy the project there (%2).").arg(path, reason)};
  }
  return {};
}

}  // namespace xiuhua::gis
