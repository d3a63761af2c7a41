#include "cli/cli_commands.h"

#include "cli/cli_args.h"
#include "cli/layer_json.h"
#include "xiuhua/indicators/catalog.h"
#include "xiuhua/indicators/metrics/computation_store.h"
#include "xiuhua/indicators/value_store.h"
#include "document/layer_loader.h"
#include "xiuhua/gis/bounds.h"
#include "xiuhua/gis/coordinate_transform.h"
#include "xiuhua/gis/project.h"
#include "xiuhua/gis/render_job.h"
#include "xiuhua/gis/source_ref.h"
#include "xiuhua/gis/vector_reader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace xiuhua::cli {
namespace {

void printJson(QTextStream& out, const QJsonValue& value) {
  out << (value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
             .toJson(QJsonDocument::Indented);
}

// Loads every layer of a project synchronously (the CLI has no event loop to wait in).
struct LoadedProject {
  gis::Project project;
  std::vector<app::LoadedLayer> layers;  // same order as project.layers
};

gis::Result<LoadedProject> loadProject(const QString& path) {
  auto project = gis::ProjectFile::load(path);
  if (!project.ok()) return project.error();
  LoadedProject loaded{std::move(project).value(), {}};
  for (const gis::LayerSpec& spec : loaded.project.layers) {
    loaded.layers.push_back(app::loadLayer(spec, loaded.project.mapCrs, nullptr));
  }
  return loaded;
}

}  // namespace

int runInfo(const QStringList& args, QTextStream& out, QTextStream& err) {
  if (args.isEmpty()) {
    err << "usage: xiuhua-cli info FILE [--layer NAME] [--encoding ENC]\n";
    return 2;
  }
  const QString path = args.front();
  if (gis::isDatabaseSource(path) && !option(args, QStringLiteral("--layer")).isEmpty()) {
    // One table of a database: read it alone (listing the whole database first would be slow).
    gis::ReadOptions options;
    options.layerName = option(args, QStringLiteral("--layer"));
    auto data = gis::VectorReader::read(path, options);
    if (!data.ok()) {
      err << "xiuhua-cli: " << data.error().message << "\n";
      return 1;
    }
    printJson(out, QJsonArray{describeVector(*data.value())});
    return 0;
  }
  auto layers = gis::VectorReader::listLayers(path);
  if (!layers.ok()) {
    err << "xiuhua-cli: " << layers.error().message << "\n";
    return 1;
  }
  QJsonArray result;
  const QString only = option(args, QStringLiteral("--layer"));
  for (const gis::SourceLayerInfo& info : layers.value()) {
    if (!only.isEmpty() && info.name != only) continue;
    gis::ReadOptions options;
    options.layerName = info.name;
    options.encodingOverride = option(args, QStringLiteral("--encoding"));
    auto data = gis::VectorReader::read(path, options);
    if (!data.ok()) {
      err << "xiuhua-cli: " << data.error().message << "\n";
      return 1;
    }
    result.append(describeVector(*data.value()));
  }
  printJson(out, result);
  return 0;
}

namespace {

// One layer of a project spec (see data/demo/jiading-demo.project.json), paths relative to base.
gis::LayerSpec layerFromSpec(const QJsonObject& l, const QDir& base, int n) {
  gis::LayerSpec layer;
  layer.id = l.value(QStringLiteral("id")).toString(QStringLiteral("layer%1").arg(n));
  layer.name = l.value(QStringLiteral("name")).toString();
  layer.source = gis::absoluteSourcePath(l.value(QStringLiteral("source")).toString(), base);
  layer.sourceLayer = l.value(QStringLiteral("sourceLayer")).toString();
  layer.kind = l.value(QStringLiteral("kind")).toString() == QLatin1String("raster") ? gis::LayerSpec::Kind::Raster
                                                                                     : gis::LayerSpec::Kind::Vector;
  layer.declaredCrs = l.value(QStringLiteral("declaredCrs")).toString();
  layer.group = l.value(QStringLiteral("group")).toString();
  layer.visible = l.value(QStringLiteral("visible")).toBool(true);
  layer.streaming = gis::streamingFromName(l.value(QStringLiteral("streaming")).toString());
  layer.fieldConstraints = l.value(QStringLiteral("fieldConstraints")).toObject();
  layer.vectorStyle = gis::VectorStyle::fromJson(l.value(QStringLiteral("style")).toObject());
  layer.rasterStyle = gis::RasterStyle::fromJson(l.value(QStringLiteral("rasterStyle")).toObject());
  return layer;
}

// Checks each layer opens, fills in classes for classified styles without explicit classes,
// and sets the initial view to the extent of the layer named by zoomLayer.
gis::Status completeProject(gis::Project& project, const QString& zoomLayer) {
  for (gis::LayerSpec& layer : project.layers) {
    const app::LoadedLayer loaded = app::loadLayer(layer, project.mapCrs, nullptr);
    if (!loaded.error.isEmpty()) return gis::Error{gis::ErrorCode::InvalidArgument, loaded.error};
    if (loaded.data && layer.vectorStyle.classes.empty()) {
      if (layer.vectorStyle.kind == gis::VectorStyle::Kind::Categorized) gis::buildCategories(layer.vectorStyle, *loaded.data);
      if (layer.vectorStyle.kind == gis::VectorStyle::Kind::Graduated) gis::buildGraduated(layer.vectorStyle, *loaded.data);
    }
    if (layer.id == zoomLayer && (loaded.projected || loaded.streamed)) {
      const QRectF e = loaded.projected ? loaded.projected->extent() : loaded.streamed->extent();
      project.extent = e.adjusted(-0.03 * e.width(), -0.03 * e.height(), 0.03 * e.width(), 0.03 * e.height());
    }
  }
  return {};
}

}  // namespace

namespace {

// A binding of an indicator whose target is set for an area (its scope, e.g. 嘉定新城) gets that
// area from the spec's "scopes" ({name: {"layer", "where"}}) as "scope_layer" and "scope_where".
gis::Status addScope(const indicators::Catalog& catalog, const QJsonObject& scopes, const QString& code, QJsonObject& parameters) {
  const indicators::Indicator* indicator = catalog.find(code);
  if (indicator == nullptr || indicator->scope.isEmpty() || parameters.contains(QStringLiteral("scope_layer"))) return {};
  const QJsonObject scope = scopes.value(indicator->scope).toObject();
  if (scope.value(QStringLiteral("layer")).toString().isEmpty()) {
    return gis::Error{gis::ErrorCode::ProjectInvalid,
                      QCoreApplication::translate("Cli", "%1 is set for %2 only: \"scopes\" must give %2 as {\"layer\": id, \"where\": filter}")
                          .arg(code, indicator->scope)};
  }
  parameters.insert(QStringLiteral("scope_layer"), scope.value(QStringLiteral("layer")).toString());
  parameters.insert(QStringLiteral("scope_where"), scope.value(QStringLiteral("where")).toString());
  return {};
}

// The spec's optional "catalog" ({"file", "plan"}, the file relative to the spec) is imported and
// its "metrics" ({code: {"metric", parameters…}}) become the project's metric bindings.
gis::Status addIndicatorSetup(const QJsonObject& spec, const QDir& specDir, const QString& projectPath) {
  const QJsonObject catalogSpec = spec.value(QStringLiteral("catalog")).toObject();
  const QJsonObject metrics = spec.value(QStringLiteral("metrics")).toObject();
  if (catalogSpec.isEmpty() && metrics.isEmpty()) return {};
  indicators::Catalog catalog;
  if (!catalogSpec.isEmpty()) {
    auto read = indicators::CatalogReader::read(specDir.absoluteFilePath(catalogSpec.value(QStringLiteral("file")).toString()));
    if (!read.ok()) return read.error();
    catalog = std::move(read).value();
    auto store = indicators::ValueStore::open(projectPath);
    if (!store.ok()) return store.error();
    if (gis::Status s = (*store)->importCatalog(catalog, catalogSpec.value(QStringLiteral("plan")).toString()); !s) return s;
  }
  auto computations = indicators::ComputationStore::open(projectPath);
  if (!computations.ok()) return computations.error();
  for (auto it = metrics.begin(); it != metrics.end(); ++it) {
    QJsonObject parameters = it.value().toObject();
    const QString metric = parameters.take(QStringLiteral("metric")).toString();
    parameters.remove(QStringLiteral("comment"));
    if (gis::Status s = addScope(catalog, spec.value(QStringLiteral("scopes")).toObject(), it.key(), parameters); !s) return s;
    if (gis::Status s = (*computations)->setBinding({it.key(), metric, parameters}); !s) return s;
  }
  return {};
}

}  // namespace

int runProjectCreate(const QStringList& args, QTextStream& out, QTextStream& err) {
  const QString specPath = option(args, QStringLiteral("--spec"));
  const QString outPath = option(args, QStringLiteral("--out"));
  if (specPath.isEmpty() || outPath.isEmpty()) {
    err << "usage: xiuhua-cli project-create --spec SPEC.json --out PROJECT.xhp\n";
    return 2;
  }
  QFile file(specPath);
  if (!file.open(QIODevice::ReadOnly)) {
    err << "xiuhua-cli: " << specPath << ": cannot read the file\n";
    return 1;
  }
  QJsonParseError parseError{};
  const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
  if (!doc.isObject()) {
    err << "xiuhua-cli: " << specPath << ": invalid JSON at offset " << parseError.offset << ": "
        << parseError.errorString() << "\n";
    return 1;
  }
  const QJsonObject spec = doc.object();
  gis::Project project;
  project.title = spec.value(QStringLiteral("title")).toString();
  auto crs = gis::Crs::fromUserInput(spec.value(QStringLiteral("mapCrs")).toString(QStringLiteral("EPSG:4549")));
  if (!crs.ok()) {
    err << "xiuhua-cli: " << specPath << ": " << crs.error().message << "\n";
    return 1;
  }
  project.mapCrs = crs.value();
  int n = 0;
  for (const QJsonValue& v : spec.value(QStringLiteral("layers")).toArray()) {
    project.layers.push_back(layerFromSpec(v.toObject(), QFileInfo(specPath).absoluteDir(), ++n));
  }
  if (gis::Status s = completeProject(project, spec.value(QStringLiteral("zoomToLayer")).toString()); !s) {
    err << "xiuhua-cli: " << s.error().message << "\n";
    return 1;
  }
  if (gis::Status s = gis::ProjectFile::save(project, outPath); !s) {
    err << "xiuhua-cli: " << s.error().message << "\n";
    return 1;
  }
  if (gis::Status s = addIndicatorSetup(spec, QFileInfo(specPath).absoluteDir(), outPath); !s) {
    err << "xiuhua-cli: " << specPath << ": " << s.error().message << "\n";
    QFile::remove(outPath);  // a half-set-up project is not left behind
    return 1;
  }
  out << "wrote " << outPath << " with " << project.layers.size() << " layers\n";
  return 0;
}

int runProjectInfo(const QStringList& args, QTextStream& out, QTextStream& err) {
  const QString path = option(args, QStringLiteral("--project"));
  if (path.isEmpty()) {
    err << "usage: xiuhua-cli project-info --project PROJECT.xhp\n";
    return 2;
  }
  auto loaded = loadProject(path);
  if (!loaded.ok()) {
    err << "xiuhua-cli: " << loaded.error().message << "\n";
    return 1;
  }
  QJsonArray layers;
  int failures = 0;
  for (std::size_t i = 0; i < loaded->project.layers.size(); ++i) {
    const gis::LayerSpec& spec = loaded->project.layers[i];
    const app::LoadedLayer& l = loaded->layers[i];
    QJsonObject o{{QStringLiteral("name"), spec.name},
                  {QStringLiteral("source"), spec.source},
                  {QStringLiteral("group"), spec.group},
                  {QStringLiteral("declaredCrs"), spec.declaredCrs},
                  {QStringLiteral("error"), l.error}};
    if (l.data) o.insert(QStringLiteral("data"), describeVector(*l.data));
    if (l.projected || l.streamed) {
      const QRectF e = l.projected ? l.projected->extent() : l.streamed->extent();
      o.insert(QStringLiteral("mapExtent"), QJsonArray{e.left(), e.top(), e.right(), e.bottom()});
    }
    if (l.streamed) {
      o.insert(QStringLiteral("streamed"), QJsonObject{{QStringLiteral("estimatedRows"), l.streamed->estimatedCount().value_or(0)},
                                                       {QStringLiteral("fields"), QJsonArray::fromStringList(l.streamed->fieldNames())}});
    }
    if (l.raster) {
      o.insert(QStringLiteral("raster"), QJsonObject{{QStringLiteral("width"), l.raster->sourceWidth},
                                                     {QStringLiteral("height"), l.raster->sourceHeight},
                                                     {QStringLiteral("min"), l.raster->minimum},
                                                     {QStringLiteral("max"), l.raster->maximum}});
    }
    failures += l.error.isEmpty() ? 0 : 1;
    layers.append(o);
  }
  printJson(out, QJsonObject{{QStringLiteral("title"), loaded->project.title},
                             {QStringLiteral("mapCrs"), loaded->project.mapCrs.definition()},
                             {QStringLiteral("mapCrsName"), loaded->project.mapCrs.name()},
                             {QStringLiteral("layers"), layers}});
  return failures == 0 ? 0 : 1;
}

int runRender(const QStringList& args, QTextStream& out, QTextStream& err) {
  const QString path = option(args, QStringLiteral("--project"));
  const QString outPath = option(args, QStringLiteral("--out"));
  if (path.isEmpty() || outPath.isEmpty()) {
    err << "usage: xiuhua-cli render --project PROJECT.xhp --out MAP.png [--width W] [--height H]\n";
    return 2;
  }
  auto loaded = loadProject(path);
  if (!loaded.ok()) {
    err << "xiuhua-cli: " << loaded.error().message << "\n";
    return 1;
  }
  gis::RenderSnapshot snapshot;
  gis::Bounds extent;
  for (auto i = static_cast<int>(loaded->layers.size()) - 1; i >= 0; --i) {
    const app::LoadedLayer& l = loaded->layers[static_cast<std::size_t>(i)];
    const gis::LayerSpec& spec = loaded->project.layers[static_cast<std::size_t>(i)];
    if (!l.error.isEmpty()) err << "xiuhua-cli: warning: " << l.error << "\n";
    if (!spec.visible || (!l.projected && !l.raster && !l.streamed)) continue;
    extent.add(l.projected ? l.projected->extent() : l.streamed ? l.streamed->extent() : l.raster->extent);
    snapshot.layers.push_back({l.projected, l.raster, spec.vectorStyle, spec.rasterStyle, nullptr, l.streamed});
  }
  const QSize size(option(args, QStringLiteral("--width"), QStringLiteral("1200")).toInt(),
                   option(args, QStringLiteral("--height"), QStringLiteral("900")).toInt());
  snapshot.viewport = gis::MapViewport::fitting(loaded->project.extent.isEmpty() ? extent.rect() : loaded->project.extent, size);
  const std::atomic<bool> never(false);
  gis::RenderStats stats;
  const QImage image = gis::renderMap(snapshot, never, &stats);
  for (const QString& problem : stats.problems) err << "xiuhua-cli: " << problem << "\n";
  if (!stats.problems.isEmpty()) return 1;
  if (!image.save(outPath, "PNG")) {
    err << "xiuhua-cli: " << outPath << ": cannot write the image\n";
    return 1;
  }
  out << "wrote " << outPath << "\n";
  return 0;
}

int runConvertCoordinates(const QStringList& args, QTextStream& out, QTextStream& err) {
  const QString from = option(args, QStringLiteral("--from"));
  const QString to = option(args, QStringLiteral("--to"));
  if (from.isEmpty() || to.isEmpty() || args.size() < 6) {
    err << "usage: xiuhua-cli transform --from CRS --to CRS X Y\n";
    return 2;
  }
  auto source = gis::Crs::fromUserInput(from);
  auto target = gis::Crs::fromUserInput(to);
  if (!source.ok() || !target.ok()) {
    err << "xiuhua-cli: " << (source.ok() ? target.error().message : source.error().message) << "\n";
    return 1;
  }
  auto transform = gis::CoordinateTransform::create(source.value(), target.value());
  if (!transform.ok()) {
    err << "xiuhua-cli: " << transform.error().message << "\n";
    return 1;
  }
  const QPointF p = (*transform)->transform(QPointF(args[args.size() - 2].toDouble(), args.back().toDouble()));
  out << QString::number(p.x(), 'f', 8) << " " << QString::number(p.y(), 'f', 8) << "\n";
  return 0;
}

}  // namespace xiuhua::cli
