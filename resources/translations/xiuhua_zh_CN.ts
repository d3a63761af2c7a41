<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Crs</name>
    <message>
        <source>Cannot transform: a coordinate system is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROJ cannot transform from %1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GCJ-02 (Amap/Tencent offset WGS84)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BD-09 (Baidu offset GCJ-02)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coordinate system definition is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROJ cannot parse the coordinate system &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a coordinate reference system.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Encoding</name>
    <message>
        <source>.cpg file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DBF language driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set by user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format (UTF-8)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectFile</name>
    <message>
        <source>%1: cannot save the project (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the project file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a readable Xiuhua project (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported format version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot replace the project file: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectedLayer</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RasterReader</name>
    <message>
        <source>%1: the file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a raster GDAL can read. GDAL says: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot reproject the raster: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the raster cannot be read; it may be truncated. GDAL says: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VectorReader</name>
    <message>
        <source>%1: the file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file is empty (0 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the shapefile&apos;s index file (.shx) is missing; copy it next to the .shp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a vector format GDAL can read (unknown format).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file cannot be read; it may be corrupt or truncated. GDAL says: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no detail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the source has no vector layers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: there is no layer named &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the attribute file (.dbf) is missing; the layer has no attributes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the .prj file cannot be parsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: loading was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the features cannot be read; the file may be truncated. GDAL says: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: some features could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the layer is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xiuhua::app::AttributeTableWidget</name>
    <message>
        <source>Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 features</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xiuhua::app::CrsSelector</name>
    <message>
        <source>As in the source (no declaration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CGCS2000 / 3° Gauss–Krüger CM 120°E (EPSG:4549)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CGCS2000 / 3° Gauss–Krüger CM 123°E (EPSG:4550)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CGCS2000 geographic (EPSG:4490)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WGS 84 geographic (EPSG:4326)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WGS 84 / UTM zone 51N (EPSG:32651)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web Mercator (EPSG:3857)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GCJ-02 (Amap, Tencent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BD-09 (Baidu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom PROJ string, WKT or EPSG code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. +proj=tmerc +lat_0=31.2364 +lon_0=121.4648 +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs (上海2000 local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a definition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xiuhua::app::IdentifyPanel</name>
    <message>
        <source>Feature / field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n features</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Feature %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xiuhua::app::LayerPropertiesDialog</name>
    <message>
        <source>Point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer properties — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declare the coordinate system the layer&apos;s coordinates are in. Use this when the source has none, or a wrong one (an Amap or Tencent export is GCJ-02 even though GeoJSON says WGS 84).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (.cpg, DBF language id, detection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinate system and encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer in source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ None — declare one on the next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (declared by the user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map coordinate system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geometry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extent (layer CRS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n invalid geometries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair invalid geometries (GEOS MakeValid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n geometries repaired in memory; the source file is unchanged.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raster grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 cells, cell size %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min %1, max %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extent (map CRS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour ramp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xiuhua::app::LayerTreeModel</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This layer has no coordinate system. Open its properties to declare one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xiuhua::app::MainWindow</name>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identify results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Xiuhua 绣花</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the layer has no coordinate system (%2). It is drawn as if it were in the map&apos;s coordinate system, which may misplace it. Declare its coordinate system to place it correctly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set coordinate system…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute table — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map coordinate system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIS data (*.shp *.gpkg *.geojson *.json *.kml *.csv *.xlsx *.gdb *.tif *.tiff);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xiuhua projects (*.xhp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add layer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map &amp;coordinate system…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to &amp;layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attribute table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Xiuhua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open attribute table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Properties…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Xiuhua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Xiuhua 绣花 %1&lt;/h3&gt;&lt;p&gt;Desktop GIS for urban-management refinement (城市管理精细化).&lt;/p&gt;&lt;p&gt;Qt %2 · GDAL %3 · GEOS %4 · PROJ %5 · SQLite %6&lt;/p&gt;&lt;p&gt;Demo data: district boundaries 「边界数据：高德开放平台 DataV.GeoAtlas」, for demonstration only; official 规划资源 data replaces them in production. All 街镇, 网格 and facility layers of the demo project are SYNTHETIC.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xiuhua::app::MapDocument</name>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such layer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xiuhua::app::MapStatusBar</name>
    <message>
        <source>Map scale; type a value such as 1:25000 and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map coordinate system — click to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lon %1°  Lat %2°</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xiuhua::app::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>xiuhua::app::StyleEditor</name>
    <message>
        <source>Single symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graduated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no labels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equal interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantile (equal count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Natural breaks (Jenks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outline colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour ramp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes and colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
