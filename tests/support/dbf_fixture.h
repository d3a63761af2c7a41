#pragma once

// Shapefiles whose text is given as raw bytes, in whatever encoding the test wants, with the .cpg
// text and dBase language id it wants: what utilities and other countries' offices write.
#include "support/temp_dir.h"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <iconv.h>
#include <ogrsf_frmts.h>

#include <QFile>
#include <QList>
#include <QString>

namespace xiuhua::test {

// The text in an encoding, by glibc's iconv (independent of the ICU converters Xiuhua decodes with);
// empty when iconv cannot write it so (the tests compare the text, so that shows).
inline QByteArray iconvEncode(const QString& text, const char* encoding) {
  iconv_t cd = iconv_open(encoding, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return {};
  QByteArray in = text.toUtf8();
  QByteArray out(in.size() * 4 + 16, '\0');
  char* inPtr = in.data();
  char* outPtr = out.data();
  size_t inLeft = static_cast<size_t>(in.size());
  size_t outLeft = static_cast<size_t>(out.size());
  const size_t r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
  iconv_close(cd);
  if (r == static_cast<size_t>(-1)) return {};
  out.truncate(out.size() - static_cast<qsizetype>(outLeft));
  return out;
}

// dir/base.shp with one point per value and a text field "name" holding the bytes as given; a .cpg
// with cpgText when it is not null; the dBase language id byte set to ldid. Returns the .shp path,
// or an empty string when GDAL could not write it.
inline QString writeRawShapefile(const TempDir& dir, const QString& base, const QList<QByteArray>& values,
                                 const QByteArray& cpgText = {}, unsigned char ldid = 0) {
  GDALAllRegister();
  const QString path = dir.path(base + QStringLiteral(".shp"));
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
  {
    GDALDatasetUniquePtr ds(driver != nullptr ? driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    if (!ds) return {};
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    const char* options[] = {"ENCODING=", nullptr};  // bytes as they are
    OGRLayer* layer = ds->CreateLayer(base.toUtf8().constData(), &srs, wkbPoint, const_cast<char**>(options));
    if (layer == nullptr) return {};
    OGRFieldDefn name("name", OFTString);
    name.SetWidth(120);
    layer->CreateField(&name);
    for (qsizetype i = 0; i < values.size(); ++i) {
      OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
      f->SetField(0, values[i].constData());
      OGRPoint p(121.2 + 0.001 * static_cast<double>(i), 31.3);
      f->SetGeometry(&p);
      if (layer->CreateFeature(f.get()) != OGRERR_NONE) return {};
    }
  }
  QFile::remove(dir.path(base + QStringLiteral(".cpg")));
  if (!cpgText.isNull()) dir.write(base + QStringLiteral(".cpg"), cpgText);
  QFile dbf(dir.path(base + QStringLiteral(".dbf")));
  if (dbf.open(QIODevice::ReadWrite) && dbf.seek(29)) dbf.write(reinterpret_cast<const char*>(&ldid), 1);
  return path;
}

// A zip of the shapefile's files (made with GDAL's own zip writer), as departments send them.
inline QString zipShapefile(const TempDir& dir, const QString& base, const QString& zipName) {
  const QString zip = dir.path(zipName);
  void* handle = CPLCreateZip(zip.toUtf8().constData(), nullptr);
  for (const char* suffix : {"shp", "shx", "dbf", "prj", "cpg"}) {
    QFile f(dir.path(base + QLatin1Char('.') + QLatin1String(suffix)));
    if (!f.open(QIODevice::ReadOnly)) continue;
    const QByteArray bytes = f.readAll();
    const QByteArray inside = (base + QLatin1Char('.') + QLatin1String(suffix)).toUtf8();
    CPLCreateFileInZip(handle, inside.constData(), nullptr);
    CPLWriteFileInZip(handle, bytes.constData(), static_cast<int>(bytes.size()));
    CPLCloseFileInZip(handle);
  }
  CPLCloseZip(handle);
  return zip;
}

}  // namespace xiuhua::test
