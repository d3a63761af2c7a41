#include "xiuhua/gis/table_writer.h"

#include "atomic_file.h"
#include "gdal_env.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>


namespace xiuhua::gis {

Status TableWriter::write(const QString& path, const QStringList& columns, const std::vector<QStringList>& rows,
                          const QStringList& numericColumns) {
  detail::ensureGdalRegistered();
  const QFileInfo target(path);
  const bool xlsx = target.suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0;
  const bool csv = target.suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
  auto fail = [&](const QString& why) {
    return Error{ErrorCode::IoFailed, QCoreApplication::translate("TableWriter", "%1: cannot write the table (%2).").arg(path, why)};
  };
  if (!xlsx && !csv) return fail(QCoreApplication::translate("TableWriter", "use a .csv or .xlsx file name"));
  // The same suffix, so that GDAL picks the driver; hidden, beside the target for an atomic rename.
  const QString temp = detail::temporaryBeside(target, target.suffix());
  detail::GdalErrorCollector errors;
  {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(xlsx ? "XLSX" : "CSV");
    GDALDatasetUniquePtr ds(driver != nullptr ? driver->Create(temp.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    if (!ds) return fail(errors.lastError());
    OGRLayer* layer = ds->CreateLayer(xlsx ? "values" : target.completeBaseName().toUtf8().constData(), nullptr, wkbNone, nullptr);
    if (layer == nullptr) {
      QFile::remove(temp);
      return fail(errors.lastError());
    }
    for (const QString& column : columns) {
      OGRFieldDefn field(column.toUtf8().constData(), numericColumns.contains(column) ? OFTReal : OFTString);
      layer->CreateField(&field);
    }
    for (const QStringList& row : rows) {
      OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
      for (int i = 0; i < columns.size(); ++i) {
        const QString cell = row.value(i);
        if (cell.isEmpty()) continue;
        if (numericColumns.contains(columns[i])) {
          feature->SetField(i, cell.toDouble());
        } else {
          feature->SetField(i, cell.toUtf8().constData());
        }
      }
      if (layer->CreateFeature(feature.get()) != OGRERR_NONE) {
        ds.reset();
        QFile::remove(temp);
        return fail(errors.lastError());
      }
    }
  }
  if (const QString reason = detail::replaceWith(temp, target, errors.lastError()); !reason.isEmpty()) return fail(reason);
  return {};
}

}  // namespace xiuhua::gis
