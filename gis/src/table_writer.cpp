#include "xiuhua/gis/table_writer.h"

#include "atomic_file.h"
#include "gdal_env.h"
#include "translate.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <set>

namespace xiuhua::gis {

namespace {

constexpr int kMaxSheetName = 31;  // Excel's limit, in characters

QString tr(const char* text) { return detail::translate("TableWriter", text); }

// A name cut to at most `length` characters without splitting a surrogate pair.
QString leftChars(const QString& name, int length) {
  if (name.size() <= length) return name;
  QString cut = name.left(length);
  if (cut.back().isHighSurrogate()) cut.chop(1);
  return cut;
}

// Writes the sheets' layers into an open dataset; returns GDAL's complaint, or an empty string.
QString writeLayers(GDALDataset& ds, const std::vector<TableSheet>& sheets, const QStringList& names,
                    const detail::GdalErrorCollector& errors) {
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    const TableSheet& sheet = sheets[s];
    // A CSV starts with the UTF-8 byte order mark: without it Excel on Windows reads Chinese as GBK
    // (mojibake); GDAL, LibreOffice and Python's utf-8-sig read it as it is.
    const char* const csvOptions[] = {"WRITE_BOM=YES", nullptr};
    const bool csv = QString::fromUtf8(ds.GetDriverName()) == QLatin1String("CSV");
    OGRLayer* layer = ds.CreateLayer(names[static_cast<qsizetype>(s)].toUtf8().constData(), nullptr, wkbNone,
                                     csv ? const_cast<char**>(csvOptions) : nullptr);
    if (layer == nullptr) return errors.lastError().isEmpty() ? tr("cannot add the sheet %1").arg(sheet.name) : errors.lastError();
    std::vector<bool> numeric;
    for (const QString& column : sheet.columns) {
      numeric.push_back(sheet.numericColumns.contains(column));
      OGRFieldDefn field(column.toUtf8().constData(), numeric.back() ? OFTReal : OFTString);
      if (layer->CreateField(&field) != OGRERR_NONE) return errors.lastError();
    }
    for (const QStringList& row : sheet.rows) {
      OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
      for (int i = 0; i < sheet.columns.size(); ++i) {
        const QString cell = row.value(i);
        if (cell.isEmpty()) continue;
        if (numeric[static_cast<std::size_t>(i)]) {
          feature->SetField(i, cell.toDouble());
        } else {
          feature->SetField(i, cell.toUtf8().constData());
        }
      }
      if (layer->CreateFeature(feature.get()) != OGRERR_NONE) {
        return errors.lastError().isEmpty() ? tr("cannot add a row to %1").arg(sheet.name) : errors.lastError();
      }
    }
  }
  return {};
}

}  // namespace

QStringList TableWriter::validSheetNames(const QStringList& names) {
  QStringList out;
  std::set<QString> taken;  // lower case
  for (const QString& name : names) {
    QString valid = name.trimmed();
    for (QChar& c : valid) {
      if (QStringLiteral("[]:*?/\\").contains(c) || c.category() == QChar::Other_Control) c = QLatin1Char('_');
    }
    while (valid.startsWith(QLatin1Char('\''))) valid.remove(0, 1);
    valid = leftChars(valid, kMaxSheetName);
    while (valid.endsWith(QLatin1Char('\''))) valid.chop(1);
    if (valid.trimmed().isEmpty()) valid = QStringLiteral("Sheet");
    QString unique = valid;
    for (int n = 2; taken.contains(unique.toLower()); ++n) {
      const QString suffix = QStringLiteral(" (%1)").arg(n);
      unique = leftChars(valid, kMaxSheetName - static_cast<int>(suffix.size())) + suffix;
    }
    taken.insert(unique.toLower());
    out << unique;
  }
  return out;
}

Status TableWriter::write(const QString& path, const QStringList& columns, const std::vector<QStringList>& rows,
                          const QStringList& numericColumns) {
  const bool csv = QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
  // A CSV layer takes the file's name; a worksheet keeps the name it always had.
  return writeSheets(path, {TableSheet{csv ? QFileInfo(path).completeBaseName() : QStringLiteral("values"), columns, rows, numericColumns}});
}

Status TableWriter::writeSheets(const QString& path, const std::vector<TableSheet>& sheets) {
  detail::ensureGdalRegistered();
  const QFileInfo target(path);
  const bool xlsx = target.suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0;
  const bool csv = target.suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
  auto fail = [&](const QString& why) {
    return Error{ErrorCode::IoFailed, tr("%1: cannot write the table (%2).").arg(path, why)};
  };
  if (!xlsx && !csv) return fail(tr("use a .csv or .xlsx file name"));
  if (sheets.empty()) return fail(tr("there is no table to write"));
  if (csv && sheets.size() > 1) return fail(tr("a CSV file holds one table, not %1").arg(sheets.size()));
  if (!target.absoluteDir().exists()) return fail(tr("the folder %1 does not exist").arg(target.absolutePath()));
  QStringList names;
  for (const TableSheet& sheet : sheets) names << sheet.name;
  names = xlsx ? validSheetNames(names) : QStringList{target.completeBaseName()};
  // The same suffix, so that GDAL picks the driver; hidden, beside the target for an atomic rename.
  const QString temp = detail::temporaryBeside(target, target.suffix());
  detail::GdalErrorCollector errors;
  QString problem;
  {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(xlsx ? "XLSX" : "CSV");
    GDALDatasetUniquePtr ds(driver != nullptr ? driver->Create(temp.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    if (!ds) {
      QFile::remove(temp);
      return fail(errors.lastError().isEmpty() ? tr("the folder cannot be written") : errors.lastError());
    }
    problem = writeLayers(*ds, sheets, names, errors);
  }  // closing writes an XLSX file's contents: its errors (below) count too
  if (!problem.isEmpty()) {
    QFile::remove(temp);
    return fail(problem);
  }
  if (const QString reason = detail::replaceWith(temp, target, errors.lastError()); !reason.isEmpty()) return fail(reason);
  return {};
}

}  // namespace xiuhua::gis
