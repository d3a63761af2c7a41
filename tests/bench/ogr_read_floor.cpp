// The I/O floor of the spatial-metric benchmarks: reads every feature (geometry and attributes) of
// the given sources with OGR and nothing else. Usage: ogr_read_floor SRC... where SRC is a path
// or "path|layername=NAME". Prints {"features": N, "seconds": S}.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <chrono>
#include <cstdio>
#include <string>

int main(int argc, char* argv[]) {
  GDALAllRegister();
  const auto start = std::chrono::steady_clock::now();
  long long features = 0;
  for (int i = 1; i < argc; ++i) {
    std::string path = argv[i];
    std::string layerName;
    if (const auto bar = path.find("|layername="); bar != std::string::npos) {
      layerName = path.substr(bar + 11);
      path.resize(bar);
    }
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) {
      std::fprintf(stderr, "ogr_read_floor: cannot open %s\n", path.c_str());
      return 1;
    }
    OGRLayer* layer = layerName.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layerName.c_str());
    if (layer == nullptr) {
      std::fprintf(stderr, "ogr_read_floor: no layer %s in %s\n", layerName.c_str(), path.c_str());
      return 1;
    }
    for (auto&& feature : layer) {
      if (feature->GetGeometryRef() != nullptr) ++features;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("{\"features\": %lld, \"seconds\": %.6f}\n", features, seconds);
  return 0;
}
