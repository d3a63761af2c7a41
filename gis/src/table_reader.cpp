#include "xiuhua/gis/table_reader.h"

#include "gdal_env.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace xiuhua::gis {

Result<TextTable> TableReader::read(const QString& path, const QString& sheet) {
  detail::ensureGdalRegistered();
  const QFileInfo info(path);
  if (!info.exists()) {
    return Error{ErrorCode::FileNotFound, QCoreApplication::translate("TableReader", "%1: the file does not exist.").arg(path)};
  }
  const bool csv = info.suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
  if (csv) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
      return Error{ErrorCode::IoFailed, QCoreApplication::translate("TableReader", "%1: the file cannot be read.").arg(path)};
    }
    // The head the check reads ends at a line's end (else it may cut a character in two).
    QByteArray head = file.read(4096);
    if (!file.atEnd()) {
      const qsizetype lineEnd = head.lastIndexOf('\n');
      if (lineEnd > 0) head.truncate(lineEnd + 1);
      else while (!head.isEmpty() && static_cast<unsigned char>(head.back()) >= 0x80 && head.size() > 4092) head.chop(1);
    }
    if (!head.isEmpty() && QString::fromUtf8(head).contains(QChar::ReplacementCharacter) && !head.startsWith("\xEF\xBB\xBF")) {
      return Error{ErrorCode::CorruptFile,
                   QCoreApplication::translate("TableReader", "%1: the file is not UTF-8 text; save it as \"CSV UTF-8\".").arg(path)};
    }
  }
  CPLStringList options;
  if (csv) {
    options.SetNameValue("HEADERS", "YES");
    options.SetNameValue("AUTODETECT_TYPE", "NO");
    options.SetNameValue("KEEP_GEOM_COLUMNS", "YES");
    options.SetNameValue("EMPTY_STRING_AS_NULL", "NO");
  } else {
    options.SetNameValue("HEADERS", "FORCE");
    options.SetNameValue("FIELD_TYPES", "STRING");
  }
  detail::GdalErrorCollector errors;
  const QByteArray utf8 = path.toUtf8();
  GDALDatasetUniquePtr ds(GDALDataset::Open(utf8.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                            options.List(), nullptr));
  if (!ds) {
    return Error{ErrorCode::CorruptFile,
                 QCoreApplication::translate("TableReader", "%1: not a table GDAL can read (CSV, XLSX, ODS). GDAL says: %2")
                     .arg(path, errors.lastError().isEmpty() ? errors.lastWarning() : errors.lastError())};
  }
  OGRLayer* layer = sheet.isEmpty() ? ds->GetLayer(0) : ds->GetLayerByName(sheet.toUtf8().constData());
  if (layer == nullptr) {
    return Error{ErrorCode::EmptySource, QCoreApplication::translate("TableReader", "%1: there is no sheet \"%2\".").arg(path, sheet)};
  }
  TextTable table;
  table.path = info.absoluteFilePath();
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) table.columns << QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef()).trimmed();
  for (auto&& feature : *layer) {
    QStringList row;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
      row << (feature->IsFieldSetAndNotNull(i) ? QString::fromUtf8(feature->GetFieldAsString(i)).trimmed() : QString());
    }
    table.rows.push_back(row);
    // GDAL numbers data rows from 1 in both drivers; the header is line (row) 1.
    table.lines.push_back(static_cast<int>(feature->GetFID()) + 1);
  }
  if (!errors.lastError().isEmpty()) {
    return Error{ErrorCode::CorruptFile,
                 QCoreApplication::translate("TableReader", "%1: the table cannot be read completely. GDAL says: %2").arg(path, errors.lastError())};
  }
  return table;
}

}  // namespace xiuhua::gis
