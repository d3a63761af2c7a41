<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CatalogAudit</name>
    <message>
        <source>Baseline %1 %2 (%3) entered by %4: %5</source>
        <translation>基期值 %1 %2（%3 年），由 %4 录入：%5</translation>
    </message>
    <message>
        <source>The plan gives no baseline: progress shows the value and its distance to the target, without an expected path or an on-track status (无基期值). Add a baseline with its source: xiuhua-cli indicators baseline.</source>
        <translation>规划未给出基期值：进度只显示数值及与目标的差距，无预期路径，不评定是否正常推进（无基期值）。可补充基期值及其出处：xiuhua-cli indicators baseline。</translation>
    </message>
    <message>
        <source>Doubt: %1</source>
        <translation>存疑：%1</translation>
    </message>
    <message>
        <source> The plan: “%1”.</source>
        <translation> 规划原文：“%1”。</translation>
    </message>
    <message>
        <source> Probably meant: %1.</source>
        <translation> 可能应为：%1。</translation>
    </message>
    <message>
        <source> Confirmed by %1 on %2 (unit %3%4): %5</source>
        <translation> %1 于 %2 确认（单位 %3%4）：%5</translation>
    </message>
    <message>
        <source>, population %1</source>
        <translation>，%1人口</translation>
    </message>
    <message>
        <source> The status reads 待确认 until an analyst confirms it: xiuhua-cli indicators confirm.</source>
        <translation> 经分析人员确认前状态为 待确认：xiuhua-cli indicators confirm。</translation>
    </message>
    <message>
        <source>the plan period</source>
        <translation>规划期</translation>
    </message>
    <message>
        <source>An annual target (%1): each year's value is that year's increment, judged year by year and summed over %2.</source>
        <translation>年度目标（%1）：每年的数值为当年增量，逐年评定，并在 %2 内累计。</translation>
    </message>
    <message>
        <source>A count to reach every year (%1): each year is judged on its own and the years summed over %2.</source>
        <translation>每年须达到的数量（%1）：逐年评定，并在 %2 内累计。</translation>
    </message>
    <message>
        <source>A qualitative target (“%1”): its status is assessed by hand, with a reason.</source>
        <translation>定性目标（“%1”）：状态由人工评定并说明理由。</translation>
    </message>
    <message>
        <source>The plan does not mark the target 约束性 (binding) or 预期性 (expected).</source>
        <translation>规划未标注该目标为 约束性 或 预期性。</translation>
    </message>
    <message>
        <source>The target is set for %1 only: the project gives that area (a layer and a filter), its value is computed inside it, and sub-units outside it read 不适用.</source>
        <translation>该目标仅针对%1设定：由项目给出该范围（图层及筛选条件），数值在范围内计算，范围外的下级单元为 不适用。</translation>
    </message>
    <message>
        <source>A per-capita figure without its population basis (户籍 or 常住).</source>
        <translation>人均指标未注明人口口径（户籍 或 常住）。</translation>
    </message>
    <message>
        <source>Per person of the %1 population.</source>
        <translation>按%1人口计算的人均值。</translation>
    </message>
    <message>
        <source>The row does not quote the plan's words (column quote).</source>
        <translation>本行未引用规划原文（quote 列）。</translation>
    </message>
    <message>
        <source>The row does not give the plan period (column plan_period).</source>
        <translation>本行未给出规划期（plan_period 列）。</translation>
    </message>
</context>
<context>
    <name>CatalogReader</name>
    <message>
        <source>%1 "%2" is not a number</source>
        <translation>%1“%2”不是数字</translation>
    </message>
    <message>
        <source>%1 "%2" is not a year</source>
        <translation>%1“%2”不是年份</translation>
    </message>
    <message>
        <source>the code is missing</source>
        <translation>缺少编码</translation>
    </message>
    <message>
        <source>the code "%1" may only use letters, digits, '.', '_' and '-'</source>
        <translation>编码“%1”只能使用字母、数字及 '.'、'_'、'-'</translation>
    </message>
    <message>
        <source>category and name_zh are required</source>
        <translation>必须填写 category 和 name_zh</translation>
    </message>
    <message>
        <source>unknown unit "%1" (allowed: %2)</source>
        <translation>未知单位“%1”（可用：%2）</translation>
    </message>
    <message>
        <source>direction "%1" must be higher, lower or exact</source>
        <translation>direction“%1”必须为 higher、lower 或 exact</translation>
    </message>
    <message>
        <source>target_year is required</source>
        <translation>必须填写 target_year</translation>
    </message>
    <message>
        <source>a target_value or a target_text is required</source>
        <translation>必须填写 target_value 或 target_text</translation>
    </message>
    <message>
        <source>baseline_year %1 is not before target_year %2</source>
        <translation>基期年份 %1 不早于目标年份 %2</translation>
    </message>
    <message>
        <source>method "%1" must be entered or spatial:&lt;%2&gt;</source>
        <translation>method“%1”必须为 entered 或 spatial:&lt;%2&gt;</translation>
    </message>
    <message>
        <source>breakdown "%1" must be 街镇, 网格 or empty</source>
        <translation>breakdown“%1”必须为街镇、网格或留空</translation>
    </message>
    <message>
        <source>plan_ref is required (where the plan states the target)</source>
        <translation>必须填写 plan_ref（规划中载明该目标之处）</translation>
    </message>
    <message>
        <source>%1:1: the column "%2" is missing</source>
        <translation>%1:1：缺少列“%2”</translation>
    </message>
    <message>
        <source>the code "%1" is used twice</source>
        <translation>编码“%1”重复</translation>
    </message>
    <message>
        <source>%1: the catalog has no indicators</source>
        <translation>%1：目录中没有指标</translation>
    </message>
    <message>
        <source>… and %1 more problems</source>
        <translation>……另有 %1 个问题</translation>
    </message>
    <message>
        <source>plan_period "%1" is not a period such as 2021-2025</source>
        <translation>plan_period “%1” 不是规划期（例如 2021-2025）</translation>
    </message>
    <message>
        <source>target_year %1 lies outside the plan period %2–%3</source>
        <translation>target_year %1 不在规划期 %2–%3 之内</translation>
    </message>
    <message>
        <source>target_kind "%1" must be level, period_total, annual or yearly_count</source>
        <translation>target_kind “%1” 须为 level、period_total、annual 或 yearly_count</translation>
    </message>
    <message>
        <source>target_max is for an annual target's range (target_kind annual)</source>
        <translation>target_max 仅用于年度目标的区间（target_kind 为 annual）</translation>
    </message>
    <message>
        <source>target_max %1 is below target_value %2</source>
        <translation>target_max %1 小于 target_value %2</translation>
    </message>
    <message>
        <source>population_basis "%1" must be 户籍 or 常住</source>
        <translation>population_basis “%1” 须为 户籍 或 常住</translation>
    </message>
    <message>
        <source>unknown doubt_unit "%1"</source>
        <translation>未知的 doubt_unit “%1”</translation>
    </message>
    <message>
        <source>doubt_evidence and doubt_unit need a doubt saying what is doubtful</source>
        <translation>doubt_evidence 和 doubt_unit 需要有 doubt 说明存疑之处</translation>
    </message>
    <message>
        <source>nature "%1" must be 约束性, 预期性 or 未注明 (the plan marks nothing)</source>
        <translation>nature “%1” 须为 约束性、预期性 或 未注明（规划未标注）</translation>
    </message>
    <message>
        <source>baseline_value needs baseline_source: where the plan (or who) gives it</source>
        <translation>baseline_value 需要 baseline_source：规划中（或由谁）给出的出处</translation>
    </message>
    <message>
        <source>a per-capita unit needs population_basis (户籍 or 常住)</source>
        <translation>人均指标的单位需要 population_basis（户籍 或 常住）</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>%1: the computation gave no value for the district.</source>
        <translation>%1：计算没有得到全区的值。</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>说明：%1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source> (synthetic)</source>
        <translation>（示例）</translation>
    </message>
    <message>
        <source>%1 rows, %2 open items (marked !)</source>
        <translation>共 %1 行，%2 项待处理（以 ! 标出）</translation>
    </message>
    <message>
        <source>%1 confirmed: %2</source>
        <translation>%1 已确认：%2</translation>
    </message>
    <message>
        <source>note: its %1 stored values are read in %2 from now on</source>
        <translation>注意：其已存的 %1 个数值今后按 %2 读取</translation>
    </message>
    <message>
        <source>%1: baseline %2 (%3) recorded</source>
        <translation>%1：已记录基期值 %2（%3 年）</translation>
    </message>
    <message>
        <source>%1 is set for %2 only: "scopes" must give %2 as {"layer": id, "where": filter}</source>
        <translation>%1 仅针对%2设定：项目的 "scopes" 须以 {"layer": 图层 id, "where": 筛选条件} 给出%2</translation>
    </message>
</context>
<context>
    <name>CoverageMap</name>
    <message>
        <source>Coverage · %1 · %2</source>
        <translation>覆盖分析 · %1 · %2</translation>
    </message>
    <message>
        <source>≤ %1 %2 (target met)</source>
        <translation>≤ %1 %2（达标）</translation>
    </message>
    <message>
        <source>&gt; %1 %2</source>
        <translation>&gt; %1 %2</translation>
    </message>
    <message>
        <source>%1–%2 %3</source>
        <translation>%1–%2 %3</translation>
    </message>
    <message>
        <source>≥ %1 %2 (target met)</source>
        <translation>≥ %1 %2（达标）</translation>
    </message>
    <message>
        <source>&lt; %1 %2</source>
        <translation>&lt; %1 %2</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1（按%2）</translation>
    </message>
    <message>
        <source>Service area</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <source>Covered land</source>
        <translation>已覆盖用地</translation>
    </message>
    <message>
        <source>Uncovered land</source>
        <translation>未覆盖用地</translation>
    </message>
    <message>
        <source>Facilities counted</source>
        <translation>计入的设施</translation>
    </message>
    <message>
        <source>%1 m service radius</source>
        <translation>服务半径 %1 米</translation>
    </message>
    <message>
        <source>Too small for a tier</source>
        <translation>面积不足，不计入</translation>
    </message>
    <message>
        <source>Service area by straight-line radius</source>
        <translation>服务范围（直线半径）</translation>
    </message>
    <message>
        <source>Streets walked</source>
        <translation>步行可达道路</translation>
    </message>
    <message>
        <source>Service area by walking distance</source>
        <translation>服务范围（步行距离）</translation>
    </message>
</context>
<context>
    <name>Crs</name>
    <message>
        <source>Cannot transform: a coordinate system is missing.</source>
        <translation>无法转换：缺少坐标系。</translation>
    </message>
    <message>
        <source>PROJ cannot transform from %1 to %2: %3</source>
        <translation>PROJ 无法从 %1 转换到 %2：%3</translation>
    </message>
    <message>
        <source>GCJ-02 (Amap/Tencent offset WGS84)</source>
        <translation>GCJ-02（高德/腾讯，WGS84 加偏）</translation>
    </message>
    <message>
        <source>BD-09 (Baidu offset GCJ-02)</source>
        <translation>BD-09（百度，GCJ-02 二次加偏）</translation>
    </message>
    <message>
        <source>The coordinate system definition is empty.</source>
        <translation>坐标系定义为空。</translation>
    </message>
    <message>
        <source>PROJ cannot parse the coordinate system "%1": %2</source>
        <translation>PROJ 无法解析坐标系“%1”：%2</translation>
    </message>
    <message>
        <source>"%1" is not a coordinate reference system.</source>
        <translation>“%1”不是坐标参考系。</translation>
    </message>
    <message>
        <source>GDAL cannot export the coordinate system</source>
        <translation>GDAL 无法导出该坐标系</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1: the file does not exist.</source>
        <translation>%1：文件不存在。</translation>
    </message>
    <message>
        <source>%1: cannot open the database for writing (%2).</source>
        <translation>%1：无法以写入方式打开数据库（%2）。</translation>
    </message>
    <message>
        <source>%1: cannot copy the project there (%2).</source>
        <translation>%1：无法将项目复制到此处（%2）。</translation>
    </message>
    <message>
        <source>%1: cannot open the database for reading (%2).</source>
        <translation>%1：无法以只读方式打开数据库（%2）。</translation>
    </message>
    <message>
        <source>%1 is read-only (the file or its folder cannot be written, the file is marked read-only, or it is installed in a system folder such as /usr/share): nothing was changed. Save the project under another name to change it.</source>
        <translation>%1 是只读的（文件或其所在文件夹不可写、文件被标为只读，或它安装在 /usr/share 等系统文件夹中）：未做任何更改。要修改，请将项目另存为其他名称。</translation>
    </message>
</context>
<context>
    <name>DemoProject</name>
    <message>
        <source>%1: cannot copy the demo file to %2.</source>
        <translation>%1：无法将示例文件复制到 %2。</translation>
    </message>
    <message>
        <source>%1 exists but holds no copy of the demo project: choose another folder.</source>
        <translation>%1 已存在，但其中没有示例项目的副本：请选择其他文件夹。</translation>
    </message>
    <message>
        <source>%1: cannot create the folder for the demo project.</source>
        <translation>%1：无法为示例项目创建文件夹。</translation>
    </message>
    <message>
        <source>%1: cannot move the copied demo project there.</source>
        <translation>%1：无法将复制的示例项目移到该处。</translation>
    </message>
</context>
<context>
    <name>EditBuffer</name>
    <message>
        <source>There is no layer to edit.</source>
        <translation>没有可编辑的图层。</translation>
    </message>
    <message>
        <source>%1: the unsaved edits of an earlier session were made to another version of the file (it changed since); they are kept in %2 but not restored.</source>
        <translation>%1：上次会话未保存的编辑针对的是该文件的另一版本（文件已变化）；编辑保存在 %2 中，但未恢复。</translation>
    </message>
    <message>
        <source>%1 changed on disk since editing started (another program wrote it); nothing was saved. Your edits are kept: export them, or stop editing and start again.</source>
        <translation>%1 自开始编辑以来已在磁盘上被修改（另一程序写入）；未保存任何内容。您的编辑仍保留：可导出，或停止编辑后重新开始。</translation>
    </message>
    <message>
        <source>%1: the edit journal cannot be written (%2).</source>
        <translation>%1：无法写入编辑日志（%2）。</translation>
    </message>
    <message>
        <source>%1: the edit journal cannot be read.</source>
        <translation>%1：无法读取编辑日志。</translation>
    </message>
    <message>
        <source>%1: the edit journal is damaged (%2).</source>
        <translation>%1：编辑日志已损坏（%2）。</translation>
    </message>
    <message>
        <source>%1 is read-only (marked so, or installed in a system folder such as /usr/share): it cannot be edited. Copy it, or the project with its data, to a folder of your own to edit it.</source>
        <translation>%1 是只读的（被标为只读，或安装在 /usr/share 等系统文件夹中），不能编辑。请将它（或项目连同数据）复制到自己的文件夹后再编辑。</translation>
    </message>
    <message>
        <source>%1 (layer %2) opens read-only: %3</source>
        <translation>%1（图层 %2）以只读方式打开：%3</translation>
    </message>
    <message>
        <source>%1 (layer %2): the rows' versions were not read, so a save could not tell another user's change from yours; it opens read-only.</source>
        <translation>%1（图层 %2）：未能读取各行的版本，保存时无法区分他人的修改与您的修改；因此以只读方式打开。</translation>
    </message>
    <message>
        <source>%1: the unsaved edits of an earlier session (in %2) cannot be taken over.</source>
        <translation>%1：无法接管先前会话未保存的编辑（位于 %2）。</translation>
    </message>
    <message>
        <source>Feature %1 has no conflict to settle.</source>
        <translation>要素 %1 没有需要处理的冲突。</translation>
    </message>
    <message>
        <source>The server refuses your change of feature %1; only keeping the row as it is can settle it.</source>
        <translation>服务器拒绝您对要素 %1 的修改；只能保留该行现状来处理此冲突。</translation>
    </message>
    <message>
        <source>%1 (layer %2): %n feature(s) were changed by another user, or refused by the server, since you read them. Nothing was saved and nothing was overwritten: settle each (keep theirs, take yours, or merge), then save again.</source>
        <translation>%1（图层 %2）：自您读取以来，有 %n 个要素已被其他用户修改或被服务器拒绝。未保存任何内容，也未覆盖任何内容：请逐一处理（保留对方、采用我的或合并），然后再次保存。</translation>
    </message>
</context>
<context>
    <name>EditTargetCommand</name>
    <message>
        <source>Edit target of %1</source>
        <translation>修改 %1 的目标</translation>
    </message>
</context>
<context>
    <name>EditedLayerView</name>
    <message>
        <source>The edited feature cannot be put into the layer's coordinate system.</source>
        <translation>编辑的要素无法转换到图层的坐标系。</translation>
    </message>
    <message>
        <source>The point cannot be put into the layer's coordinate system.</source>
        <translation>该点无法转换到图层的坐标系。</translation>
    </message>
</context>
<context>
    <name>FieldCalculator</name>
    <message>
        <source>The expression "%1" is not valid: %2</source>
        <translation>表达式“%1”无效：%2</translation>
    </message>
    <message>
        <source>The filter "%1" is not valid: %2</source>
        <translation>筛选条件“%1”无效：%2</translation>
    </message>
    <message>
        <source>it is empty.</source>
        <translation>表达式为空。</translation>
    </message>
    <message>
        <source>The field calculator cannot start: %1</source>
        <translation>字段计算器无法启动：%1</translation>
    </message>
    <message>
        <source>The field calculator was given %1 features but %2 attribute rows and %3 geometries.</source>
        <translation>字段计算器收到 %1 个要素，但属性行 %2 条、几何 %3 个，数量不一致。</translation>
    </message>
    <message>
        <source>The field calculator cannot load feature %1: %2</source>
        <translation>字段计算器无法载入要素 %1：%2</translation>
    </message>
    <message>
        <source>Feature %1: the value "%2" of "%3" is not %4.</source>
        <translation>要素 %1：“%3”的值“%2”不是%4。</translation>
    </message>
    <message>
        <source>The expression "%1" cannot be evaluated: %2</source>
        <translation>表达式“%1”无法计算：%2</translation>
    </message>
</context>
<context>
    <name>GeometryChecks</name>
    <message>
        <source>Self-intersection</source>
        <translation>自相交</translation>
    </message>
    <message>
        <source>Ring Self-intersection</source>
        <translation>环自相交</translation>
    </message>
    <message>
        <source>Hole lies outside shell</source>
        <translation>内环位于外环之外</translation>
    </message>
    <message>
        <source>Holes are nested</source>
        <translation>内环相互嵌套</translation>
    </message>
    <message>
        <source>Interior is disconnected</source>
        <translation>内部不连通</translation>
    </message>
    <message>
        <source>Nested shells</source>
        <translation>外环相互嵌套</translation>
    </message>
    <message>
        <source>Duplicate Rings</source>
        <translation>重复的环</translation>
    </message>
    <message>
        <source>Too few distinct points in geometry component</source>
        <translation>几何部件的不同点过少</translation>
    </message>
    <message>
        <source>Invalid Coordinate</source>
        <translation>坐标无效</translation>
    </message>
    <message>
        <source>Ring is not closed</source>
        <translation>环未闭合</translation>
    </message>
</context>
<context>
    <name>Indicator</name>
    <message>
        <source>level by the target year</source>
        <translation>目标年达到的水平</translation>
    </message>
    <message>
        <source>total over the plan period</source>
        <translation>规划期累计</translation>
    </message>
    <message>
        <source>annual increment</source>
        <translation>年度增量</translation>
    </message>
    <message>
        <source>count every year</source>
        <translation>每年数量</translation>
    </message>
    <message>
        <source>%1 a year</source>
        <translation>每年 %1</translation>
    </message>
    <message>
        <source>%1 every year</source>
        <translation>每年 %1</translation>
    </message>
    <message>
        <source>%1 · in %2</source>
        <translation>%1 · 适用于%2</translation>
    </message>
</context>
<context>
    <name>IndicatorReport</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基期值</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Latest value</source>
        <translation>最新值</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>（未分类）</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Binding</source>
        <translation>约束性</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期性</translation>
    </message>
    <message>
        <source>The report font %1 is not installed (Debian package fonts-wqy-microhei); without it the report's Chinese text would not come out of the PDF as written.</source>
        <translation>报告字体 %1 未安装（Debian 软件包 fonts-wqy-microhei）；没有它，报告中的中文无法从 PDF 中按原文提取。</translation>
    </message>
    <message>
        <source>%1 cannot be written (is the folder writable?).</source>
        <translation>无法写入 %1（文件夹是否可写？）。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 共 %2 页</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <source>Reporting year: %1</source>
        <translation>报告年份：%1</translation>
    </message>
    <message>
        <source>Author: %1</source>
        <translation>编制单位：%1</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>Produced: %1</source>
        <translation>生成日期：%1</translation>
    </message>
    <message>
        <source>%1 report</source>
        <translation>%1 年度报告</translation>
    </message>
    <message>
        <source>%1 cannot be written (disk full?).</source>
        <translation>无法写入 %1（磁盘已满？）。</translation>
    </message>
    <message>
        <source>%1 cannot be replaced (is it open in another program?).</source>
        <translation>无法替换 %1（是否被其他程序打开？）。</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>目标值：%1</translation>
    </message>
    <message>
        <source>Latest value: %1</source>
        <translation>最新值：%1</translation>
    </message>
    <message>
        <source>Progress: %1</source>
        <translation>进度：%1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Nature: %1</source>
        <translation>属性：%1</translation>
    </message>
    <message>
        <source>Responsible: %1</source>
        <translation>责任单位：%1</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>The report was cancelled; %1 was not written.</source>
        <translation>报告已取消；未写入 %1。</translation>
    </message>
    <message>
        <source>%1 indicator progress, %2</source>
        <translation>%1 指标进展，%2 年</translation>
    </message>
    <message>
        <source>%1, synthetic</source>
        <translation>%1，示例数据</translation>
    </message>
    <message>
        <source>○ synthetic example values, not official</source>
        <translation>○ 为示例数据，非官方数值</translation>
    </message>
    <message>
        <source>%1 to go</source>
        <translation>尚差 %1</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>none in the plan</source>
        <translation>规划未给出</translation>
    </message>
    <message>
        <source>Target %1 a year</source>
        <translation>目标 每年 %1</translation>
    </message>
    <message>
        <source>No baseline: no expected path</source>
        <translation>无基期值：无预期路径</translation>
    </message>
    <message>
        <source>To be confirmed: no status yet</source>
        <translation>待确认：暂不评定状态</translation>
    </message>
    <message>
        <source>0 at the start (end of %1)</source>
        <translation>期初 0（%1 年末）</translation>
    </message>
</context>
<context>
    <name>LayerExport</name>
    <message>
        <source>%1: only a loaded vector layer can be exported.</source>
        <translation>%1：只能导出已加载的矢量图层。</translation>
    </message>
</context>
<context>
    <name>LayerLoader</name>
    <message numerus="yes">
        <source>%1: %n vertices could not be transformed to the map coordinate system and are not drawn; check the layer's coordinate system.</source>
        <translation>
            <numerusform>%1：有 %n 个顶点无法转换到地图坐标系，未予绘制；请检查图层的坐标系。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not enough memory to load the layer.</source>
        <translation>%1：内存不足，无法加载该图层。</translation>
    </message>
</context>
<context>
    <name>LayerState</name>
    <message>
        <source>%1 is drawn from the server per view (about %2 rows), not held whole: its attribute table and editing need the whole layer. Choose "Read the whole layer" in Layer properties to open them (it takes the memory of every row).</source>
        <translation>%1 按视图从服务器绘制（约 %2 行），未整层读入内存：属性表和编辑需要整层数据。在“图层属性”中选择“读入整个图层”即可打开（将占用每一行的内存）。</translation>
    </message>
</context>
<context>
    <name>LibraryMessages</name>
    <message>
        <source>a polygon ring is not closed; it was closed when read</source>
        <translation>多边形的环没有闭合，读取时已将其闭合</translation>
    </message>
    <message>
        <source>text cannot be converted from %1 to %2</source>
        <translation>文字无法从 %1 转换为 %2</translation>
    </message>
    <message>
        <source>some characters cannot be converted from %1 to %2</source>
        <translation>部分字符无法从 %1 转换为 %2</translation>
    </message>
    <message>
        <source>the value "%1" of field %2 is not a plain number; it would be read as %3</source>
        <translation>字段 %2 的值“%1”不是规范的数字，会被读成 %3</translation>
    </message>
    <message>
        <source>a polygon intersects itself near (%1, %2)</source>
        <translation>多边形在 (%1, %2) 附近自相交</translation>
    </message>
    <message>
        <source>a part has too few points, near (%1, %2)</source>
        <translation>有一部分的点数太少，位于 (%1, %2) 附近</translation>
    </message>
    <message>
        <source>the coordinate system is not in PROJ's database</source>
        <translation>PROJ 数据库中没有这个坐标系</translation>
    </message>
    <message>
        <source>PROJ cannot read a coordinate system: %1</source>
        <translation>PROJ 无法读取坐标系：%1</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <source>%1 km</source>
        <translation>%1 千米</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
</context>
<context>
    <name>Metrics</name>
    <message>
        <source>computation #%1</source>
        <translation>计算记录 #%1</translation>
    </message>
    <message>
        <source>%1: the folder for the result layers cannot be created.</source>
        <translation>%1：无法创建结果图层所在的文件夹。</translation>
    </message>
    <message>
        <source>Give a service radius or radius tiers.</source>
        <translation>请给出服务半径或服务半径分级。</translation>
    </message>
    <message>
        <source>The service radius must be more than 0 m.</source>
        <translation>服务半径必须大于 0 米。</translation>
    </message>
    <message>
        <source>Weight by a field or by a raster, not both.</source>
        <translation>请按字段或按栅格加权，不能同时使用。</translation>
    </message>
    <message>
        <source>%1 (exclude): the features are not polygons.</source>
        <translation>%1（扣除区域）：要素不是面。</translation>
    </message>
    <message>
        <source>(outside the sub-units)</source>
        <translation>（分区以外）</translation>
    </message>
    <message>
        <source>%1 (%2): the layer has no features.</source>
        <translation>%1（%2）：图层没有要素。</translation>
    </message>
    <message>
        <source>%1 (%2): no feature matches the filter "%3".</source>
        <translation>%1（%2）：没有要素符合筛选条件“%3”。</translation>
    </message>
    <message>
        <source>%1 (%2): the features are not polygons; areas need polygons.</source>
        <translation>%1（%2）：要素不是面；计算面积需要面要素。</translation>
    </message>
    <message>
        <source>%1 (%2): %3 features could not be overlaid (GEOS topology failure), e.g. feature %4; repair or simplify them and compute again.</source>
        <translation>%1（%2）：有 %3 个要素无法叠加计算（GEOS 拓扑错误），如要素 %4；请修复或简化后重新计算。</translation>
    </message>
    <message>
        <source>%1 (target): there is no weight field "%2".</source>
        <translation>%1（目标用地）：没有权重字段“%2”。</translation>
    </message>
    <message>
        <source>%1 (target), feature %2: the weight "%3" in field "%4" is not a number ≥ 0.</source>
        <translation>%1（目标用地），要素 %2：字段“%4”中的权重“%3”不是大于等于 0 的数。</translation>
    </message>
    <message>
        <source>%1 (weight raster) has no coordinate reference system.</source>
        <translation>%1（权重栅格）没有坐标参考系。</translation>
    </message>
    <message>
        <source>%1 (weight raster): cells cannot be transformed to %2.</source>
        <translation>%1（权重栅格）：栅格单元无法转换到 %2。</translation>
    </message>
    <message>
        <source>%1 (weight raster): no cell has a value above 0.</source>
        <translation>%1（权重栅格）：没有大于 0 的栅格单元。</translation>
    </message>
    <message>
        <source>A scenario adds facilities, takes some away, or both.</source>
        <translation>情景需要新增设施、移除设施，或两者兼有。</translation>
    </message>
    <message>
        <source>%1 (proposed): none of the %2 proposed facilities is large enough for the smallest radius tier.</source>
        <translation>%1（规划设施）：%2 处规划设施的面积都达不到最小的服务半径档位。</translation>
    </message>
    <message>
        <source>%1 (facilities): no counted facility matches "%2"; nothing to take away.</source>
        <translation>%1（设施）：没有计入的设施符合“%2”，无可移除。</translation>
    </message>
    <message>
        <source>%1 (area): the region has no area.</source>
        <translation>%1（区域）：区域面积为零。</translation>
    </message>
    <message>
        <source>%1: its metric binding names no "%2" layer.</source>
        <translation>%1：其指标计算设置未指定“%2”图层。</translation>
    </message>
    <message>
        <source>%1: the project has no layer "%2" (parameter "%3").</source>
        <translation>%1：项目中没有图层“%2”（参数“%3”）。</translation>
    </message>
    <message>
        <source>%1: unknown metric "%2".</source>
        <translation>%1：未知的指标计算方法“%2”。</translation>
    </message>
    <message>
        <source>%1 is not a coverage indicator (its metric is %2).</source>
        <translation>%1 不是覆盖率指标（其计算方法为 %2）。</translation>
    </message>
    <message>
        <source>%1: the project has no layer "%2" (parameter "per").</source>
        <translation>%1：项目中没有图层“%2”（参数“per”）。</translation>
    </message>
    <message>
        <source>No source was given for the %1.</source>
        <translation>未给出 %1 的数据源。</translation>
    </message>
    <message>
        <source>%1: %2 parts could not be transformed from %3 to %4.</source>
        <translation>%1：有 %2 个部分无法从 %3 转换到 %4。</translation>
    </message>
    <message>
        <source>No input was given.</source>
        <translation>未给出输入数据。</translation>
    </message>
    <message>
        <source>%1 is not a projected CRS: areas and lengths need one in metres (e.g. EPSG:4549).</source>
        <translation>%1 不是投影坐标系：计算面积和长度需要以米为单位的坐标系（如 EPSG:4549）。</translation>
    </message>
    <message>
        <source>The computation was cancelled.</source>
        <translation>计算已取消。</translation>
    </message>
    <message>
        <source>Radius tiers "%1": "%2" is not AREA:RADIUS with AREA ≥ 0 m² and RADIUS &gt; 0 m (e.g. "2000:300,5000:500").</source>
        <translation>服务半径分级“%1”：“%2”不是“面积:半径”格式（面积 ≥ 0 平方米，半径 &gt; 0 米，如“2000:300,5000:500”）。</translation>
    </message>
    <message>
        <source>Radius tiers "%1" list no tier (e.g. "2000:300,5000:500").</source>
        <translation>服务半径分级“%1”没有任何分级（如“2000:300,5000:500”）。</translation>
    </message>
    <message>
        <source>%1 (target): the selected target land has no area (after exclusions).</source>
        <translation>%1（目标用地）：所选目标用地（扣除后）面积为零。</translation>
    </message>
    <message>
        <source>The weights on the target land add up to 0: nothing to weight by.</source>
        <translation>目标用地上的权重合计为 0，无法加权。</translation>
    </message>
    <message>
        <source>The service radius must be positive.</source>
        <translation>服务半径必须为正数。</translation>
    </message>
    <message>
        <source>A facility of %1 m² is below the smallest radius tier; give a larger facility area or a radius.</source>
        <translation>面积 %1 平方米的设施低于最小的服务半径分级；请增大设施面积或指定服务半径。</translation>
    </message>
    <message>
        <source>Ask for at least one site.</source>
        <translation>至少需要查找一个选址。</translation>
    </message>
    <message>
        <source>The facility area must be 0 (a point) or positive, in m².</source>
        <translation>设施面积必须为 0（点状设施）或正数，单位为平方米。</translation>
    </message>
    <message>
        <source>Give candidate land, or sub-units to search anywhere inside them.</source>
        <translation>请指定候选用地，或指定街镇以在其范围内任意位置查找。</translation>
    </message>
    <message>
        <source>%1: no candidate site lies inside this land.</source>
        <translation>%1：该用地内没有候选点位。</translation>
    </message>
    <message>
        <source>A scenario needs a name.</source>
        <translation>情景需要一个名称。</translation>
    </message>
    <message>
        <source>There is a scenario "%1" for %2 in %3 already; choose another name.</source>
        <translation>%2 在 %3 年已有名为“%1”的情景；请换一个名称。</translation>
    </message>
    <message>
        <source>The scenario changes nothing that could be saved.</source>
        <translation>该情景没有可保存的变化。</translation>
    </message>
    <message>
        <source>There is no scenario #%1.</source>
        <translation>没有编号为 %1 的情景。</translation>
    </message>
    <message>
        <source>%1 (network): the features are not lines.</source>
        <translation>%1（路网）：要素不是线。</translation>
    </message>
    <message>
        <source>The snap distance must be 0 m or more and the street width more than 0 m.</source>
        <translation>吸附距离须不小于 0 米，道路两侧宽度须大于 0 米。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>%1 (facilities): none of the %2 selected facilities is large enough for the smallest radius tier: nothing is covered.</source>
        <translation>%1（设施）：选中的 %2 个设施都达不到最小的半径分级面积，因此没有覆盖任何用地。</translation>
    </message>
    <message>
        <source>given with --crs</source>
        <translation>由 --crs 指定</translation>
    </message>
    <message>
        <source>%1, given with --crs, distorts lengths over the data by up to %2 % (areas %3 %): the figures are off by as much. Leave --crs out to measure in a CRS chosen for the data.</source>
        <translation>由 --crs 指定的 %1 在这些数据范围内的长度变形最大达 %2 %（面积 %3 %），结果的误差同样大。去掉 --crs，即按数据自动选择的坐标系量算。</translation>
    </message>
    <message>
        <source>the CRS of the first input (there are no features to measure)</source>
        <translation>第一个输入的坐标系（没有可量算的要素）</translation>
    </message>
    <message>
        <source>the CRS of the first input, whose scale error over the data is %1 %</source>
        <translation>第一个输入的坐标系，其在数据范围内的比例误差为 %1 %</translation>
    </message>
    <message>
        <source>the data are too wide for one planar CRS: lengths measured in %1 may be off by up to %2 % at their edges.</source>
        <translation>数据范围太大，任何单一平面坐标系都无法保证精度：在 %1 中量算的长度在边缘处最多可能偏差 %2 %。</translation>
    </message>
    <message>
        <source>%1 (%2) is in %3, which distorts lengths over it by up to %4 % (areas %5 %): it was reprojected to %6, where lengths and areas are measured.</source>
        <translation>%1（%2）使用 %3，在其范围内长度变形最大达 %4 %（面积 %5 %）：已重投影到 %6，长度和面积在其中量算。</translation>
    </message>
    <message>
        <source>%1 (%2) has no coordinate reference system%3. Add a .prj, or give the source's own CRS as "%1|crs=EPSG:4549" (--crs sets the CRS lengths and areas are measured in, not a source's).</source>
        <translation>%1（%2）没有坐标参照系%3。请补充 .prj 文件，或以“%1|crs=EPSG:4549”的形式给出该数据源本身的坐标系（--crs 指定的是量算长度和面积所用的坐标系，而不是数据源的坐标系）。</translation>
    </message>
    <message>
        <source>none needed: features are only counted</source>
        <translation>不需要：只统计要素个数</translation>
    </message>
    <message>
        <source>polygons</source>
        <translation>面要素</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>线要素</translation>
    </message>
    <message>
        <source>points</source>
        <translation>点要素</translation>
    </message>
    <message>
        <source>%1 (%2): the features are not %3.</source>
        <translation>%1（%2）：要素不是%3。</translation>
    </message>
    <message>
        <source>%1 (%2) has no features: nothing is counted from it.</source>
        <translation>%1（%2）没有要素：未从中统计任何内容。</translation>
    </message>
    <message>
        <source>no feature of %1 (%2) matches the filter "%3": nothing is counted from it.</source>
        <translation>%1（%2）中没有要素符合筛选条件“%3”：未从中统计任何内容。</translation>
    </message>
    <message>
        <source>%1 (%2): %3 has no population in the field "%4" ("%5").</source>
        <translation>%1（%2）：%3 的字段 “%4” 中没有人口数（“%5”）。</translation>
    </message>
    <message>
        <source>A per-capita area needs the field that holds each unit's population.</source>
        <translation>人均面积需要给出各单元人口数所在的字段。</translation>
    </message>
    <message>
        <source>%1 (units): the population in "%2" adds up to 0: a per-capita area is undefined.</source>
        <translation>%1（单元）：“%2” 中的人口合计为 0，无法计算人均面积。</translation>
    </message>
    <message>
        <source>An area-weighted mean needs the field that holds each polygon's value.</source>
        <translation>面积加权平均需要给出各面要素数值所在的字段。</translation>
    </message>
    <message>
        <source>%1 (features): no polygon with a value in "%2" lies inside the area measured.</source>
        <translation>%1（要素）：没有在 “%2” 中有数值的面要素位于计算范围内。</translation>
    </message>
    <message>
        <source>%1 m² of the polygons lie outside every sub-unit.</source>
        <translation>面要素中有 %1 平方米不在任何下级单元内。</translation>
    </message>
    <message>
        <source>%1 (features): %2 polygon(s) have no value in "%3" and are left out.</source>
        <translation>%1（要素）：%2 个面要素在 “%3” 中没有数值，未计入。</translation>
    </message>
    <message>
        <source>Computed inside %1, the area the plan sets the target for.</source>
        <translation>在规划设定目标的范围（%1）内计算。</translation>
    </message>
    <message>
        <source>%1: the binding does not say which population its field "%2" holds (population_basis: 户籍 or 常住).</source>
        <translation>%1：指标绑定未说明字段 “%2” 是哪种人口（population_basis：户籍 或 常住）。</translation>
    </message>
    <message>
        <source>%1 divides by the %2 population (the catalog), but the binding's field "%3" holds the %4 population: give the field of the %2 population.</source>
        <translation>%1 按%2人口计算（指标目录），但绑定的字段 “%3” 是%4人口：请给出%2人口的字段。</translation>
    </message>
    <message>
        <source>%1 is set for %2 only, but the project gives no area for %2: add it to the project's scopes (a polygon layer and a filter).</source>
        <translation>%1 仅针对%2设定，但项目未给出%2的范围：请在项目的 scopes 中添加（面图层及筛选条件）。</translation>
    </message>
    <message>
        <source>%1 (%2): none of the features lies inside the area measured: the share of nothing is undefined.</source>
        <translation>%1（%2）：没有要素位于计算范围内，比例无法计算。</translation>
    </message>
    <message>
        <source>A count share needs a condition: which features count as meeting it.</source>
        <translation>数量比例需要给出条件：哪些要素算作达到。</translation>
    </message>
    <message>
        <source>A length share needs a condition: which lines count as meeting it.</source>
        <translation>长度比例需要给出条件：哪些线段算作达到。</translation>
    </message>
    <message>
        <source>%1 is set for %2 only, but a per-capita figure cannot yet be computed inside an area: compute it per sub-unit ("per") without the scope, or enter the value.</source>
        <translation>%1 仅针对%2设定，但人均指标暂不能在某一范围内计算：请去掉范围、按下级单元（"per"）计算，或直接录入数值。</translation>
    </message>
    <message>
        <source>--engine postgis computes in the PostGIS server that holds the inputs, and %1 (%2) is a file: publish it to the database first (xiuhua-cli pg publish), or leave --engine out to compute here.</source>
        <translation>--engine postgis 在存放输入数据的 PostGIS 服务器中计算，而 %1（%2）是文件：请先将其发布到数据库（xiuhua-cli pg publish），或去掉 --engine 在本机计算。</translation>
    </message>
    <message>
        <source>--engine postgis joins tables of one database, and the inputs are in two (%1 and %2).</source>
        <translation>--engine postgis 只能联接同一数据库中的表，而输入位于两个数据库（%1 和 %2）。</translation>
    </message>
    <message>
        <source>%1 (%2) is declared in %3, which PostGIS does not know: compute it here (leave --engine out).</source>
        <translation>%1（%2）声明为 %3，PostGIS 不支持该坐标系：请在本机计算（去掉 --engine）。</translation>
    </message>
    <message>
        <source>%1 (%2): no table or view %3 with a geometry column that this user may read.</source>
        <translation>%1（%2）：没有此用户可读取、带几何列的表或视图 %3。</translation>
    </message>
    <message>
        <source>%1 (%2): its declared CRS %3 has no EPSG code, which the server needs.</source>
        <translation>%1（%2）：其声明的坐标系 %3 没有 EPSG 代码，而服务器需要 EPSG 代码。</translation>
    </message>
    <message>
        <source>%1 (%2) has no SRID. Give the source's own CRS as "%1|crs=EPSG:4549".</source>
        <translation>%1（%2）没有 SRID。请以 "%1|crs=EPSG:4549" 的形式给出数据源自身的坐标系。</translation>
    </message>
    <message>
        <source>The metric CRS %1 is not one the server knows (no EPSG code in its spatial_ref_sys): give one with --crs EPSG:N, or leave --engine out.</source>
        <translation>量算坐标系 %1 不在服务器已知范围内（其 spatial_ref_sys 中没有该 EPSG 代码）：请用 --crs EPSG:N 指定，或去掉 --engine。</translation>
    </message>
    <message>
        <source>%1 cannot run in the PostGIS server (--engine postgis): %2. Leave --engine out to compute it here.</source>
        <translation>%1 无法在 PostGIS 服务器中计算（--engine postgis）：%2。请去掉 --engine 在本机计算。</translation>
    </message>
    <message>
        <source>walking distances need the street network engine, which the server lacks</source>
        <translation>步行距离需要路网计算引擎，服务器中没有</translation>
    </message>
    <message>
        <source>a population raster is read here, not in the server</source>
        <translation>人口栅格在本机读取，不在服务器中</translation>
    </message>
    <message>
        <source>The segments per quarter circle must be 1 or more.</source>
        <translation>每四分之一圆的分段数须不小于 1。</translation>
    </message>
    <message>
        <source>Computed in the PostGIS server: the covered and uncovered land stay there, so this result has no map layers.</source>
        <translation>在 PostGIS 服务器中计算：覆盖与未覆盖的用地留在服务器上，因此本结果没有地图图层。</translation>
    </message>
    <message>
        <source>it is not built for the server yet (length, count and coverage are)</source>
        <translation>尚未实现在服务器中计算（长度、计数和覆盖率已实现）</translation>
    </message>
</context>
<context>
    <name>Overlay</name>
    <message>
        <source>The computation was cancelled.</source>
        <translation>计算已取消。</translation>
    </message>
    <message>
        <source>The naive method does not weight targets.</source>
        <translation>朴素方法不支持加权。</translation>
    </message>
    <message>
        <source>There is no cover #%1 to take away (the base has %2).</source>
        <translation>没有可移除的第 %1 个服务范围（现状共有 %2 个）。</translation>
    </message>
    <message>
        <source>The network has no lines to walk along.</source>
        <translation>路网中没有可步行的线。</translation>
    </message>
    <message>
        <source>GEOS could not node the network (%1).</source>
        <translation>GEOS 无法为路网打断节点（%1）。</translation>
    </message>
</context>
<context>
    <name>PdfOutline</name>
    <message>
        <source>%1: a bookmark points to a page that does not exist.</source>
        <translation>%1：书签指向不存在的页面。</translation>
    </message>
    <message>
        <source>%1: a bookmark has no parent at the level above it.</source>
        <translation>%1：书签缺少上一级的父书签。</translation>
    </message>
    <message>
        <source>%1: the PDF file does not exist.</source>
        <translation>%1：PDF 文件不存在。</translation>
    </message>
    <message>
        <source>%1: the PDF cannot be read or rewritten; it may be damaged.</source>
        <translation>%1：无法读取或重写该 PDF，文件可能已损坏。</translation>
    </message>
    <message>
        <source>%1: cannot write the PDF.</source>
        <translation>%1：无法写入 PDF。</translation>
    </message>
</context>
<context>
    <name>PgChangeListener</name>
    <message>
        <source>%1: cannot listen for other users' changes: %2</source>
        <translation>%1：无法监听其他用户的修改：%2</translation>
    </message>
    <message>
        <source>%1: LISTEN was refused: %2</source>
        <translation>%1：LISTEN 被拒绝：%2</translation>
    </message>
    <message>
        <source>%1: cannot listen without blocking.</source>
        <translation>%1：无法以非阻塞方式监听。</translation>
    </message>
    <message>
        <source>%1: the connection that listens for other users' changes was lost: %2</source>
        <translation>%1：监听其他用户修改的连接已断开：%2</translation>
    </message>
</context>
<context>
    <name>PgConnection</name>
    <message>
        <source>%1: out of memory while connecting.</source>
        <translation>%1：连接时内存不足。</translation>
    </message>
    <message>
        <source>%1: cannot connect: %2</source>
        <translation>%1：无法连接：%2</translation>
    </message>
    <message>
        <source>%1: the connection to the server was lost: %2</source>
        <translation>%1：与服务器的连接已断开：%2</translation>
    </message>
    <message>
        <source>%1: the server refused the statement: %2</source>
        <translation>%1：服务器拒绝执行该语句：%2</translation>
    </message>
</context>
<context>
    <name>PgConnectionInfo</name>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>(not shown: it holds a password)</source>
        <translation>（不显示：其中含有密码）</translation>
    </message>
    <message>
        <source>The connection "%1" cannot be read: %2</source>
        <translation>无法解析连接“%1”：%2</translation>
    </message>
    <message>
        <source>The connection "%1" names no server: give service=NAME, or host, port, dbname and user.</source>
        <translation>连接“%1”未指明服务器：请给出 service=名称，或 host、port、dbname 和 user。</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>服务 %1</translation>
    </message>
    <message>
        <source>A PostgreSQL connection holds a password (password=…). Xiuhua keeps no password in a source, a project or the settings: put it in ~/.pgpass or in the service file (pg_service.conf).</source>
        <translation>PostgreSQL 连接中含有密码（password=…）。绣花不在数据源、项目或设置中保存任何密码：请将密码写入 ~/.pgpass 或服务文件（pg_service.conf）。</translation>
    </message>
</context>
<context>
    <name>PgFeatureSource</name>
    <message>
        <source>%1: there is no table or view of that name with a geometry column that you may read.</source>
        <translation>%1：没有该名称、带几何列且您有权读取的表或视图。</translation>
    </message>
    <message>
        <source>%1: no column %2.</source>
        <translation>%1：没有列 %2。</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1：%2：%3</translation>
    </message>
    <message>
        <source>the connection to the server was lost</source>
        <translation>与服务器的连接已断开</translation>
    </message>
    <message>
        <source>cannot start reading</source>
        <translation>无法开始读取</translation>
    </message>
    <message>
        <source>the server refused the view's query</source>
        <translation>服务器拒绝了视图查询</translation>
    </message>
    <message>
        <source>reading the features failed</source>
        <translation>读取要素失败</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>PgLayerSource</name>
    <message>
        <source>%1 is not a PostGIS source (PG:…).</source>
        <translation>%1 不是 PostGIS 数据源（PG:…）。</translation>
    </message>
    <message>
        <source>%1: name the table as layername=schema.table (e.g. PG:service=city|layername=public.roads).</source>
        <translation>%1：请以 layername=模式.表 指明表（例如 PG:service=city|layername=public.roads）。</translation>
    </message>
</context>
<context>
    <name>PgStoreDatabase</name>
    <message>
        <source>schema %1 on %2</source>
        <translation>%2 上的模式 %1</translation>
    </message>
    <message>
        <source>%1 (schema %2)</source>
        <translation>%1（模式 %2）</translation>
    </message>
    <message>
        <source>%1: no schema given for the shared values.</source>
        <translation>%1：未给出共享指标值所在的模式。</translation>
    </message>
    <message>
        <source>%1: the schema does not exist (share the project's values there first, or check its name).</source>
        <translation>%1：该模式不存在（请先把项目的指标值共享到该处，或检查名称）。</translation>
    </message>
    <message>
        <source>%1: the connection to the server was lost in the middle of a write; nothing of it was kept.</source>
        <translation>%1：写入过程中与服务器的连接中断；本次写入未保留任何内容。</translation>
    </message>
</context>
<context>
    <name>PgTableInfo</name>
    <message>
        <source>%1 is a view: its rows are read, not edited.</source>
        <translation>%1 是视图：其行只读，不可编辑。</translation>
    </message>
    <message>
        <source>%1 has no primary key, so an edited row could not be found again: it opens read-only.</source>
        <translation>%1 没有主键，编辑过的行无法再次定位：因此以只读方式打开。</translation>
    </message>
    <message>
        <source>your database user may read %1 but not change it (UPDATE, INSERT and DELETE are not all granted).</source>
        <translation>您的数据库用户可以读取 %1，但不能修改（未同时授予 UPDATE、INSERT 和 DELETE 权限）。</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Achieved</source>
        <translation>已达标</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>正常推进</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>滞后</translation>
    </message>
    <message>
        <source>Severely behind</source>
        <translation>严重滞后</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Assessed by hand</source>
        <translation>人工评定</translation>
    </message>
    <message>
        <source>No baseline</source>
        <translation>无基期值</translation>
    </message>
    <message>
        <source>To be confirmed</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>The plan sets this target for another area: this sub-unit lies outside it.</source>
        <translation>规划针对其他范围设定此目标：本单元不在该范围内。</translation>
    </message>
    <message>
        <source>The plan gives no baseline, so there is no expected path to judge the value against. Add a baseline with its source (the dashboard's Catalog audit… → Add baseline…, or xiuhua-cli indicators baseline) to see whether it is on track.</source>
        <translation>规划未给出基期值，因此没有预期路径可供评判。补充基期值及其出处（指标面板的“指标目录审核…”→“补充基期值…”，或 xiuhua-cli indicators baseline）后即可判断是否正常推进。</translation>
    </message>
    <message>
        <source>The catalog doubts this row's unit, value or population basis. An analyst confirms it (the dashboard's Catalog audit… → Confirm…, or xiuhua-cli indicators confirm) before any status is given.</source>
        <translation>指标目录对本行的单位、数值或人口口径存疑。须经分析人员确认（指标面板的“指标目录审核…”→“确认…”，或 xiuhua-cli indicators confirm）后才评定状态。</translation>
    </message>
</context>
<context>
    <name>ProjectFile</name>
    <message>
        <source>%1: cannot save the project (%2).</source>
        <translation>%1：无法保存项目（%2）。</translation>
    </message>
    <message>
        <source>%1: the project file does not exist.</source>
        <translation>%1：项目文件不存在。</translation>
    </message>
    <message>
        <source>%1: not a readable Xiuhua project (%2).</source>
        <translation>%1：不是可读取的绣花项目文件（%2）。</translation>
    </message>
    <message>
        <source>unsupported format version %1</source>
        <translation>不支持的格式版本 %1</translation>
    </message>
    <message>
        <source>%1: cannot replace the project file: %2</source>
        <translation>%1：无法替换项目文件：%2</translation>
    </message>
    <message>
        <source>GDAL has no GeoPackage driver</source>
        <translation>GDAL 缺少 GeoPackage 驱动</translation>
    </message>
</context>
<context>
    <name>ProjectedLayer</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>PromoteScenarioCommand</name>
    <message>
        <source>make scenario "%1" real</source>
        <translation>将情景“%1”转为正式图层</translation>
    </message>
    <message>
        <source>%1: a scenario can be made real only in a GeoPackage layer (a shapefile renumbers its features when edited); export the facility layer to GeoPackage first.</source>
        <translation>%1：情景只能转入 GeoPackage 图层（Shapefile 编辑后会重新编号要素）；请先将设施图层导出为 GeoPackage。</translation>
    </message>
</context>
<context>
    <name>RasterReader</name>
    <message>
        <source>%1: the file does not exist.</source>
        <translation>%1：文件不存在。</translation>
    </message>
    <message>
        <source>%1: not a raster GDAL can read. GDAL says: %2</source>
        <translation>%1：不是 GDAL 可读取的栅格。GDAL 提示：%2</translation>
    </message>
    <message>
        <source>%1: cannot reproject the raster: %2</source>
        <translation>%1：无法重投影栅格：%2</translation>
    </message>
    <message>
        <source>%1: the raster cannot be read; it may be truncated. GDAL says: %2</source>
        <translation>%1：无法读取栅格，文件可能被截断。GDAL 提示：%2</translation>
    </message>
    <message>
        <source>%1: rasters cannot be shown in or from GCJ-02/BD-09 coordinates; choose a map coordinate system such as EPSG:4549.</source>
        <translation>%1：栅格无法在 GCJ-02/BD-09 坐标下显示或由其转换；请选择 EPSG:4549 等地图坐标系。</translation>
    </message>
</context>
<context>
    <name>ReportContent</name>
    <message>
        <source>%1 — indicator progress report</source>
        <translation>%1 — 指标进展报告</translation>
    </message>
    <message>
        <source>%1: the project has no indicator %2.</source>
        <translation>%1：项目中没有指标 %2。</translation>
    </message>
    <message>
        <source>%1: no indicator is broken down by %2 (levels: %3).</source>
        <translation>%1：没有指标按%2分解（现有层级：%3）。</translation>
    </message>
    <message>
        <source>%1: the file of layer %2 is missing (%3); the report leaves out what is drawn from it.</source>
        <translation>%1：图层 %2 的文件缺失（%3），报告中由它绘制的内容已略去。</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <source>area</source>
        <translation>统计范围</translation>
    </message>
    <message>
        <source>candidate land</source>
        <translation>候选用地</translation>
    </message>
    <message>
        <source>facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <source>features</source>
        <translation>要素</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>线要素</translation>
    </message>
    <message>
        <source>street network</source>
        <translation>道路网络</translation>
    </message>
    <message>
        <source>sub-units</source>
        <translation>分区单元</translation>
    </message>
    <message>
        <source>target land</source>
        <translation>目标用地</translation>
    </message>
    <message>
        <source>within</source>
        <translation>限定范围</translation>
    </message>
    <message>
        <source>Summary of indicators</source>
        <translation>指标汇总</translation>
    </message>
    <message>
        <source>Figure: %1 %2, map of the %3 computation</source>
        <translation>图：%1 %2（%3 年计算结果）</translation>
    </message>
    <message>
        <source>Figure: %1 %2 (not computed)</source>
        <translation>图：%1 %2（尚未计算）</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>%1 by %2, as of %3:</source>
        <translation>%1 按%2（截至 %3 年）：</translation>
    </message>
    <message>
        <source>Atlas by %1</source>
        <translation>分%1图集</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>District</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>Appendix: how the computed values were obtained</source>
        <translation>附录：计算值的来源</translation>
    </message>
    <message>
        <source>Metric: %1; coordinate system of the computation: %2; value: %3.</source>
        <translation>方法：%1；计算坐标系：%2；结果：%3。</translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation>参数：%1</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>No indicator of this report was computed from the map layers.</source>
        <translation>本报告中没有由图层计算得到的指标。</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>excluded land</source>
        <translation>排除用地</translation>
    </message>
    <message>
        <source>proposed facilities</source>
        <translation>规划设施</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1（续）</translation>
    </message>
    <message>
        <source>Computation #%1 for %2, run %3 (Beijing time).</source>
        <translation>计算 #%1（%2 年），计算时间 %3（北京时间）。</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（缺失）</translation>
    </message>
    <message>
        <source>Missing layers</source>
        <translation>缺失的图层</translation>
    </message>
    <message>
        <source>These layers of the project have no file where the project says; what is drawn from them is left out of this report, and values computed from them cannot be checked against their files:</source>
        <translation>项目中以下图层在项目所记录的位置找不到文件；报告略去了由它们绘制的内容，由它们计算的值也无法与文件核对：</translation>
    </message>
    <message>
        <source>%1 by %2, as of %3 (the target is set for %4; the others: 不适用):</source>
        <translation>%1 按%2，截至 %3 年（目标针对%4设定，其余：不适用）：</translation>
    </message>
</context>
<context>
    <name>ReportExports</name>
    <message>
        <source>%1 cannot be written (%2).</source>
        <translation>无法写入 %1（%2）。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>指标汇总</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Baseline year</source>
        <translation>基期年</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基期值</translation>
    </message>
    <message>
        <source>Target year</source>
        <translation>目标年</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Target wording</source>
        <translation>目标表述</translation>
    </message>
    <message>
        <source>Latest year</source>
        <translation>最新年份</translation>
    </message>
    <message>
        <source>Latest value</source>
        <translation>最新值</translation>
    </message>
    <message>
        <source>Progress (%)</source>
        <translation>进度（%）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Atlas %1</source>
        <translation>%1图集</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>共</translation>
    </message>
    <message>
        <source>Computations</source>
        <translation>计算记录</translation>
    </message>
    <message>
        <source>Computation ID</source>
        <translation>计算编号</translation>
    </message>
    <message>
        <source>Computation year</source>
        <translation>计算年份</translation>
    </message>
    <message>
        <source>Computed at (UTC)</source>
        <translation>计算时间（UTC）</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>CRS</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>the image could not be encoded</source>
        <translation>图像无法编码</translation>
    </message>
    <message>
        <source>the drawing could not start</source>
        <translation>无法开始绘制</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>%1: tables are written as .xlsx or .csv.</source>
        <translation>%1：表格只能导出为 .xlsx 或 .csv。</translation>
    </message>
    <message>
        <source>the folder cannot be created</source>
        <translation>无法创建文件夹</translation>
    </message>
    <message>
        <source>it cannot be replaced; the earlier tables are as they were</source>
        <translation>无法替换该文件；原有的表格保持不变</translation>
    </message>
    <message>
        <source>something other than a file has that name; the earlier tables are as they were</source>
        <translation>该名称已被文件以外的对象（如文件夹）占用；原有的表格保持不变</translation>
    </message>
</context>
<context>
    <name>ReportMap</name>
    <message>
        <source>Data: %1</source>
        <translation>数据来源：%1</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <source>The preview was cancelled.</source>
        <translation>预览已取消。</translation>
    </message>
</context>
<context>
    <name>ResultLayerGroup</name>
    <message>
        <source>%1: the folder cannot be created.</source>
        <translation>%1：无法创建该文件夹。</translation>
    </message>
</context>
<context>
    <name>SourceRef</name>
    <message>
        <source>%1: the option crs=%2 is not a coordinate system: %3</source>
        <translation>%1：选项 crs=%2 不是坐标系：%3</translation>
    </message>
    <message>
        <source>%1: the option encoding=%2 names no encoding Xiuhua knows (e.g. GBK, Big5, UTF-8, CP1252, ISO-8859-2).</source>
        <translation>%1：选项 encoding=%2 不是绣花认识的编码（例如 GBK、Big5、UTF-8、CP1252、ISO-8859-2）。</translation>
    </message>
    <message>
        <source>%1: the source option "%2" is not understood (options: layername=, crs=, encoding=).</source>
        <translation>%1：无法识别数据源选项“%2”（可用选项：layername=、crs=、encoding=）。</translation>
    </message>
</context>
<context>
    <name>StaleIndicators</name>
    <message>
        <source>%1 has unsaved edits: save them, then compute again.</source>
        <translation>%1 有未保存的编辑：请先保存，再重新计算。</translation>
    </message>
    <message>
        <source>A layer it is computed from changed since the last computation: compute again.</source>
        <translation>计算所用的图层在上次计算后已改变：请重新计算。</translation>
    </message>
</context>
<context>
    <name>TableReader</name>
    <message>
        <source>%1: the file does not exist.</source>
        <translation>%1：文件不存在。</translation>
    </message>
    <message>
        <source>%1: the file cannot be read.</source>
        <translation>%1：无法读取文件。</translation>
    </message>
    <message>
        <source>%1: the file is not UTF-8 text; save it as "CSV UTF-8".</source>
        <translation>%1：文件不是 UTF-8 文本；请另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>%1: not a table GDAL can read (CSV, XLSX, ODS). GDAL says: %2</source>
        <translation>%1：不是 GDAL 可读取的表格（CSV、XLSX、ODS）。GDAL 提示：%2</translation>
    </message>
    <message>
        <source>%1: there is no sheet "%2".</source>
        <translation>%1：没有名为“%2”的工作表。</translation>
    </message>
    <message>
        <source>%1: the table cannot be read completely. GDAL says: %2</source>
        <translation>%1：表格无法完整读取。GDAL 提示：%2</translation>
    </message>
</context>
<context>
    <name>TableWriter</name>
    <message>
        <source>%1: cannot write the table (%2).</source>
        <translation>%1：无法写入表格（%2）。</translation>
    </message>
    <message>
        <source>use a .csv or .xlsx file name</source>
        <translation>请使用 .csv 或 .xlsx 文件名</translation>
    </message>
    <message>
        <source>there is no table to write</source>
        <translation>没有要写入的表格</translation>
    </message>
    <message>
        <source>a CSV file holds one table, not %1</source>
        <translation>一个 CSV 文件只能保存一张表，而不是 %1 张</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>文件夹 %1 不存在</translation>
    </message>
    <message>
        <source>the folder cannot be written</source>
        <translation>文件夹不可写</translation>
    </message>
</context>
<context>
    <name>ValueImport</name>
    <message>
        <source>%1:1: the column "%2" is missing</source>
        <translation>%1:1：缺少列“%2”</translation>
    </message>
    <message>
        <source>%1:%2: no indicator with code "%3" in the project</source>
        <translation>%1:%2：项目中没有编码为“%3”的指标</translation>
    </message>
    <message>
        <source>the year "%1" is not a year</source>
        <translation>“%1”不是年份</translation>
    </message>
    <message>
        <source>… and %1 more problems</source>
        <translation>……另有 %1 个问题</translation>
    </message>
    <message>
        <source>%1:%2: the source "%3" is not one a file can give (entered, imported, synthetic)</source>
        <translation>%1:%2：来源“%3”不是文件可以给出的来源（entered、imported、synthetic）</translation>
    </message>
</context>
<context>
    <name>ValueStore</name>
    <message>
        <source>%1: an assessment needs a status (achieved, on track, behind or severely behind) and a reason.</source>
        <translation>%1：评定须选择状态（已达标、正常推进、滞后或严重滞后）并填写理由。</translation>
    </message>
    <message>
        <source>%1: no such indicator in the project.</source>
        <translation>%1：项目中没有该指标。</translation>
    </message>
    <message>
        <source>%1: the catalog has no doubt about this row, so there is nothing to confirm.</source>
        <translation>%1：指标目录对本行没有存疑，无需确认。</translation>
    </message>
    <message>
        <source>%1: say why the row is confirmed (a reason is required).</source>
        <translation>%1：请说明确认的理由（理由为必填）。</translation>
    </message>
    <message>
        <source>%1: unknown unit "%2" (allowed: %3).</source>
        <translation>%1：未知单位 “%2”（可用：%3）。</translation>
    </message>
    <message>
        <source>%1: the population basis is 户籍 or 常住, not "%2".</source>
        <translation>%1：人口口径须为 户籍 或 常住，而不是 “%2”。</translation>
    </message>
    <message>
        <source>%1: a baseline needs its source (where the figure comes from).</source>
        <translation>%1：基期值需要出处（数据来自何处）。</translation>
    </message>
    <message>
        <source>%1: the baseline is not a number.</source>
        <translation>%1：基期值不是数字。</translation>
    </message>
    <message>
        <source>%1: the baseline year %2 is not before the target year %3.</source>
        <translation>%1：基期年 %2 不早于目标年 %3。</translation>
    </message>
    <message>
        <source>%1: the plan gives the baseline (%2); it is not replaced.</source>
        <translation>%1：规划已给出基期值（%2），不予替换。</translation>
    </message>
    <message>
        <source>%1: the value you saw has been removed meanwhile; yours (%2) was not stored. Enter it again.</source>
        <translation>%1：您看到的值已被删除；您的值（%2）未保存。请重新录入。</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>他人</translation>
    </message>
    <message>
        <source>%1 (database user %2)</source>
        <translation>%1（数据库用户 %2）</translation>
    </message>
    <message>
        <source>%1: while you were entering, %2 entered %3 (%4 UTC). Yours (%5) was not stored; enter it again to store it as a revision of theirs.</source>
        <translation>%1：在您录入期间，%2 录入了 %3（%4 UTC）。您的值（%5）未保存；再次录入即作为对其值的修订保存。</translation>
    </message>
</context>
<context>
    <name>ValueValidator</name>
    <message>
        <source>"%1" is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <source>the value is in %1 but the indicator is measured in %2</source>
        <translation>数值单位为 %1，而该指标的单位是 %2</translation>
    </message>
    <message>
        <source>%1% is outside 0–100%</source>
        <translation>%1% 超出 0–100% 范围</translation>
    </message>
    <message>
        <source>a negative quantity (%1) is not possible</source>
        <translation>数量不能为负（%1）</translation>
    </message>
    <message>
        <source>the year %1 is outside the plan period %2–%3</source>
        <translation>年份 %1 不在规划期 %2–%3 之内</translation>
    </message>
</context>
<context>
    <name>VectorEditor</name>
    <message>
        <source>%1: the file does not exist.</source>
        <translation>%1：文件不存在。</translation>
    </message>
    <message>
        <source>%1: the file is read-only, so its layers cannot be edited.</source>
        <translation>%1：文件为只读，其图层无法编辑。</translation>
    </message>
    <message>
        <source>%1: GDAL cannot open this format for writing, so it cannot be edited (%2).</source>
        <translation>%1：GDAL 无法以写入方式打开此格式，因此不能编辑（%2）。</translation>
    </message>
    <message>
        <source>%1: there is no such layer.</source>
        <translation>%1：没有该图层。</translation>
    </message>
    <message>
        <source>the format does not take new features</source>
        <translation>该格式不能添加要素</translation>
    </message>
    <message>
        <source>features in %1 cannot be written into a layer in %2</source>
        <translation>%1 坐标系的要素无法写入 %2 坐标系的图层</translation>
    </message>
    <message>
        <source>PROJ does not know %1 or %2</source>
        <translation>PROJ 无法识别 %1 或 %2</translation>
    </message>
    <message>
        <source>no transformation from %1 to %2</source>
        <translation>没有从 %1 到 %2 的坐标转换</translation>
    </message>
    <message>
        <source>the coordinates cannot be reprojected</source>
        <translation>坐标无法投影转换</translation>
    </message>
    <message>
        <source>the format cannot delete features</source>
        <translation>该格式不能删除要素</translation>
    </message>
    <message>
        <source>there is no feature %1</source>
        <translation>没有要素 %1</translation>
    </message>
    <message>
        <source>a %1 cannot go into a layer of %2</source>
        <translation>%1 不能写入 %2 类型的图层</translation>
    </message>
    <message>
        <source>%1 (layer %2): a PostGIS table is changed through an editing session (Start editing, then Save), which checks each row against the version you read.</source>
        <translation>%1（图层 %2）：PostGIS 表须通过编辑会话修改（开始编辑，然后保存），保存时会按您读取时的版本逐行核对。</translation>
    </message>
</context>
<context>
    <name>VectorReader</name>
    <message>
        <source>%1: the file does not exist.</source>
        <translation>%1：文件不存在。</translation>
    </message>
    <message>
        <source>%1: the file is empty (0 bytes).</source>
        <translation>%1：文件为空（0 字节）。</translation>
    </message>
    <message>
        <source>%1: the shapefile's index file (.shx) is missing; copy it next to the .shp.</source>
        <translation>%1：缺少 shapefile 的索引文件（.shx）；请将其复制到 .shp 文件所在的文件夹。</translation>
    </message>
    <message>
        <source>%1: not a vector format GDAL can read (unknown format).</source>
        <translation>%1：不是 GDAL 可读取的矢量格式（未知格式）。</translation>
    </message>
    <message>
        <source>%1: the file cannot be read; it may be corrupt or truncated. GDAL says: %2</source>
        <translation>%1：无法读取文件，文件可能已损坏或被截断。GDAL 提示：%2</translation>
    </message>
    <message>
        <source>(no detail)</source>
        <translation>（无详细信息）</translation>
    </message>
    <message>
        <source>%1: the source has no vector layers.</source>
        <translation>%1：数据源中没有矢量图层。</translation>
    </message>
    <message>
        <source>%1: there is no layer named "%2".</source>
        <translation>%1：不存在名为“%2”的图层。</translation>
    </message>
    <message>
        <source>%1: the attribute file (.dbf) is missing; the layer has no attributes.</source>
        <translation>%1：缺少属性文件（.dbf）；该图层没有属性。</translation>
    </message>
    <message>
        <source>the .prj file cannot be parsed</source>
        <translation>无法解析 .prj 文件</translation>
    </message>
    <message>
        <source>%1: loading was cancelled.</source>
        <translation>%1：加载已取消。</translation>
    </message>
    <message>
        <source>%1: the features cannot be read; the file may be truncated. GDAL says: %2</source>
        <translation>%1：无法读取要素，文件可能被截断。GDAL 提示：%2</translation>
    </message>
    <message>
        <source>%1: the layer is empty.</source>
        <translation>%1：图层为空。</translation>
    </message>
    <message>
        <source>%1: there is no field named "%2" in layer %3.</source>
        <translation>%1：图层 %3 中没有名为“%2”的字段。</translation>
    </message>
    <message>
        <source>%1: the filter "%2" cannot be used on layer %3: %4</source>
        <translation>%1：筛选条件“%2”不能用于图层 %3：%4</translation>
    </message>
    <message>
        <source>%1: the text encoding "%2" is not one Xiuhua knows.</source>
        <translation>%1：文字编码“%2”不是绣花认识的编码。</translation>
    </message>
    <message>
        <source>%1: the text encoding is uncertain: it was read as %2, but it may be %3 (confidence %4 %). Check the text; choose the encoding in the layer's properties (command line: %1|encoding=NAME).</source>
        <translation>%1：文字编码不确定：已按 %2 读取，但也可能是 %3（置信度 %4 %）。请检查文字；可在图层属性中选择编码（命令行：%1|encoding=编码名）。</translation>
    </message>
    <message>
        <source>%1: %2; the text was read as %3 instead.</source>
        <translation>%1：%2；文字改按 %3 读取。</translation>
    </message>
    <message>
        <source>%1: layer %2 has %3 features, but GDAL returned none of them.</source>
        <translation>%1：图层 %2 有 %3 个要素，但 GDAL 一个也没有返回。</translation>
    </message>
    <message>
        <source>%1: the filter "%2" compares field %3, whose numbers are written with separators GDAL misreads ("68,500" as 68.5); write them plainly, or filter after reading.</source>
        <translation>%1：筛选条件“%2”比较的字段 %3 中的数字带有 GDAL 会读错的分隔符（把“68,500”读成 68.5）；请把数字写成普通形式，或读取后再筛选。</translation>
    </message>
    <message>
        <source>%1: GDAL's PostgreSQL driver cannot open it: %2</source>
        <translation>%1：GDAL 的 PostgreSQL 驱动无法打开它：%2</translation>
    </message>
    <message>
        <source>%1: there is no table or view "%2" with a geometry column that this user may read.</source>
        <translation>%1：没有该用户可读取且带几何列的表或视图“%2”。</translation>
    </message>
    <message>
        <source>the table's key and privileges could not be read: %1</source>
        <translation>无法读取该表的主键和权限：%1</translation>
    </message>
    <message>
        <source>it is not listed in geometry_columns</source>
        <translation>它未列在 geometry_columns 中</translation>
    </message>
    <message>
        <source>its primary key (%1) is not one integer column, which Xiuhua needs to find an edited row again</source>
        <translation>其主键（%1）不是单一整数列，而绣花需要它来再次定位编辑过的行</translation>
    </message>
    <message>
        <source>%1: the filter "%2" holds a ';' outside quotes: a filter is one condition, not a statement.</source>
        <translation>%1：筛选条件“%2”在引号外含有“;”：筛选条件只能是一个条件，不能是语句。</translation>
    </message>
    <message>
        <source>the table kept changing while it was read; reopen it to edit</source>
        <translation>读取期间该表不断变化；请重新打开后再编辑</translation>
    </message>
    <message>
        <source>%1: the rows have several SRIDs (%2), and a layer has one coordinate system. Make a view per SRID (WHERE ST_SRID(%3) = …) and add those.</source>
        <translation>%1：各行的 SRID 不止一个（%2），而一个图层只有一个坐标系。请按 SRID 各建一个视图（WHERE ST_SRID(%3) = …），再添加这些视图。</translation>
    </message>
    <message>
        <source>%1: the geometries have no SRID; give the layer's coordinate system (layer properties, or %2|crs=EPSG:4549 on the command line).</source>
        <translation>%1：几何没有 SRID；请指定图层的坐标系（图层属性，或在命令行中写 %2|crs=EPSG:4549）。</translation>
    </message>
</context>
<context>
    <name>VectorWriter</name>
    <message>
        <source>%1: cannot write the layers (%2).</source>
        <translation>%1：无法写入图层（%2）。</translation>
    </message>
    <message>
        <source>no temporary folder</source>
        <translation>无法创建临时文件夹</translation>
    </message>
    <message>
        <source>%1 cannot be replaced</source>
        <translation>无法替换 %1</translation>
    </message>
    <message>
        <source>%1: choose .gpkg, .shp or .geojson to export a layer.</source>
        <translation>%1：导出图层请选择 .gpkg、.shp 或 .geojson 格式。</translation>
    </message>
    <message>
        <source>not a writable GeoPackage</source>
        <translation>不是可写入的 GeoPackage</translation>
    </message>
    <message>
        <source>a layer %1 exists already</source>
        <translation>图层 %1 已存在</translation>
    </message>
    <message>
        <source>name the new table as schema.table, the table's name without a dot</source>
        <translation>请以 模式.表 命名新表，表名中不含点号</translation>
    </message>
    <message>
        <source>a table of that name exists already; nothing was overwritten</source>
        <translation>同名表已存在；未覆盖任何内容</translation>
    </message>
    <message>
        <source>the database has no schema %1</source>
        <translation>数据库中没有模式 %1</translation>
    </message>
</context>
<context>
    <name>detail</name>
    <message>
        <source>only one expression is allowed.</source>
        <translation>只允许一个表达式。</translation>
    </message>
    <message>
        <source>%1 is not a field.</source>
        <translation>%1 不是字段。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Xiuhua 绣花 — desktop GIS for urban-management refinement</source>
        <translation>绣花 (Xiuhua) — 城市管理精细化桌面 GIS</translation>
    </message>
    <message>
        <source>Project file (.xhp) or data files to open</source>
        <translation>要打开的项目文件 (.xhp) 或数据文件</translation>
    </message>
    <message>
        <source>Render the main window to a PNG file and exit.</source>
        <translation>将主窗口渲染为 PNG 文件后退出。</translation>
    </message>
    <message>
        <source>UI language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Open the demo project (your copy of it in your documents folder; made on first use).</source>
        <translation>打开示例项目（位于“文档”文件夹中的个人副本；首次使用时创建）。</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::AssessmentDialog</name>
    <message>
        <source>Assess — %1</source>
        <translation>人工评定 — %1</translation>
    </message>
    <message>
        <source>Why: the municipal assessment, a ranking, a report …</source>
        <translation>依据：市级考核、排名、报告……</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Assessed by</source>
        <translation>评定人</translation>
    </message>
    <message>
        <source>Give the reason for the assessment.</source>
        <translation>请填写评定理由。</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::AttributeTableModel</name>
    <message>
        <source>%1: "%2" is not a value of this field's type.</source>
        <translation>%1：“%2”不是该字段类型的值。</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::AttributeTableWidget</name>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>缩放至选择集</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>清除选择</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>所有字段</translation>
    </message>
    <message>
        <source>%1 of %2 features</source>
        <translation>显示 %1 / %2 个要素</translation>
    </message>
    <message>
        <source>Sorting…</source>
        <translation>正在排序…</translation>
    </message>
    <message>
        <source>Field calculator…</source>
        <translation>字段计算器…</translation>
    </message>
    <message>
        <source>Set a field of many features at once from an expression (while the layer is edited)</source>
        <translation>用表达式一次设置多个要素的字段值（图层处于编辑状态时）</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::BaselineDialog</name>
    <message>
        <source>Baseline — %1</source>
        <translation>基期值 — %1</translation>
    </message>
    <message>
        <source>Where the figure comes from: a statistical yearbook, the department's report …</source>
        <translation>数据出处：统计年鉴、部门报告……</translation>
    </message>
    <message>
        <source>The plan gives no baseline for this target. A baseline recorded here, with its source, gives progress an expected path; the plan's own figures are never replaced.</source>
        <translation>规划未给出该目标的基期值。在此记录基期值及其出处后，进度即有预期路径；规划本身的数字不会被替换。</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基期值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>填报人</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::CatalogAuditDialog</name>
    <message>
        <source>Only rows with open items</source>
        <translation>只显示有待处理项的行</translation>
    </message>
    <message>
        <source>Confirm…</source>
        <translation>确认…</translation>
    </message>
    <message>
        <source>Add baseline…</source>
        <translation>补充基期值…</translation>
    </message>
    <message>
        <source>Catalog audit</source>
        <translation>指标目录审核</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Answer the row's doubt: the unit (or population) it is in, with a reason; 待确认 until then</source>
        <translation>答复本行的存疑：确认其单位（或人口口径）并说明理由；此前状态为 待确认</translation>
    </message>
    <message>
        <source>Give the row a baseline with its source: its progress then has an expected path</source>
        <translation>为本行补充基期值及出处，进度随之有预期路径</translation>
    </message>
    <message>
        <source>%1 rows; %2 open items in %3 rows (● open, ○ for information). The status of a row with an open doubt reads 待确认; a row without a baseline shows its value and distance to the target (无基期值).</source>
        <translation>共 %1 行；%3 行中有 %2 项待处理（● 待处理，○ 供参考）。存疑未确认的行状态为 待确认；无基期值的行只显示数值及与目标的差距（无基期值）。</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::ConflictDialog</name>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>保留对方(&amp;T)</translation>
    </message>
    <message>
        <source>Take &amp;mine</source>
        <translation>采用我的(&amp;M)</translation>
    </message>
    <message>
        <source>M&amp;erge as chosen</source>
        <translation>按所选合并(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Save again</source>
        <translation>再次保存(&amp;S)</translation>
    </message>
    <message>
        <source>Edits of %1 meet other users' changes</source>
        <translation>%1 的编辑与其他用户的修改冲突</translation>
    </message>
    <message>
        <source>Nothing was saved and nothing was overwritten. Other users changed these features after you read them: compare, then keep theirs, take yours, or merge field by field. Your other edits are saved with the next save.</source>
        <translation>未保存任何内容，也未覆盖任何内容。在您读取之后，其他用户修改了这些要素：请对比，然后保留对方、采用我的，或逐字段合并。您的其他编辑将在下次保存时一并写入。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>采用</translation>
    </message>
    <message>
        <source>changed by another user</source>
        <translation>已被其他用户修改</translation>
    </message>
    <message>
        <source>deleted by another user</source>
        <translation>已被其他用户删除</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>被服务器拒绝</translation>
    </message>
    <message>
        <source>Feature %1: %2</source>
        <translation>要素 %1：%2</translation>
    </message>
    <message>
        <source>Every conflict is settled: save again to write your edits.</source>
        <translation>所有冲突均已处理：请再次保存以写入您的编辑。</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>theirs</source>
        <translation>对方的</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::CrsSelector</name>
    <message>
        <source>As in the source (no declaration)</source>
        <translation>与数据源一致（不声明）</translation>
    </message>
    <message>
        <source>CGCS2000 / 3° Gauss–Krüger CM 120°E (EPSG:4549)</source>
        <translation>CGCS2000 / 3 度带高斯-克吕格 中央经线 120°E（EPSG:4549）</translation>
    </message>
    <message>
        <source>CGCS2000 / 3° Gauss–Krüger CM 123°E (EPSG:4550)</source>
        <translation>CGCS2000 / 3 度带高斯-克吕格 中央经线 123°E（EPSG:4550）</translation>
    </message>
    <message>
        <source>CGCS2000 geographic (EPSG:4490)</source>
        <translation>CGCS2000 地理坐标系（EPSG:4490）</translation>
    </message>
    <message>
        <source>WGS 84 geographic (EPSG:4326)</source>
        <translation>WGS 84 地理坐标系（EPSG:4326）</translation>
    </message>
    <message>
        <source>WGS 84 / UTM zone 51N (EPSG:32651)</source>
        <translation>WGS 84 / UTM 51N 带（EPSG:32651）</translation>
    </message>
    <message>
        <source>Web Mercator (EPSG:3857)</source>
        <translation>Web 墨卡托（EPSG:3857）</translation>
    </message>
    <message>
        <source>GCJ-02 (Amap, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <source>BD-09 (Baidu)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <source>Custom PROJ string, WKT or EPSG code…</source>
        <translation>自定义 PROJ 字符串、WKT 或 EPSG 代码…</translation>
    </message>
    <message>
        <source>e.g. +proj=tmerc +lat_0=31.2364 +lon_0=121.4648 +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs (上海2000 local)</source>
        <translation>例如 +proj=tmerc +lat_0=31.2364 +lon_0=121.4648 +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs（上海2000 地方坐标系）</translation>
    </message>
    <message>
        <source>Enter a definition.</source>
        <translation>请输入坐标系定义。</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::DashboardModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Binding</source>
        <translation>约束性</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期性</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基期值</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Latest value</source>
        <translation>最新值</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Assessed for %1 by %2: %3</source>
        <translation>%1 年由 %2 评定：%3</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>（未分类）</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n indicator(s), %2 achieved</source>
        <translation>
            <numerusform>%1 — %n 项指标，%2 项已达标</numerusform>
        </translation>
    </message>
    <message>
        <source>Recompute · %1</source>
        <translation>待重算 · %1</translation>
    </message>
    <message>
        <source>SYNTHETIC: a value invented for the demonstration, not an official figure.</source>
        <translation>示例数据（SYNTHETIC）：为演示而编造的数值，不是官方数字。</translation>
    </message>
    <message>
        <source>%1 · synthetic</source>
        <translation>%1 · 示例</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>%1
Doubt: %2
The plan: “%3”</source>
        <translation>%1
存疑：%2
规划原文：“%3”</translation>
    </message>
    <message>
        <source>Confirmed by %1 on %2: %3</source>
        <translation>%1 于 %2 确认：%3</translation>
    </message>
    <message>
        <source>Over the plan period so far: %1 of the %2 the plan asks for by now.</source>
        <translation>规划期至今累计：%1，规划要求至今 %2。</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1：“%2”</translation>
    </message>
    <message>
        <source>none in the plan</source>
        <translation>规划未给出</translation>
    </message>
    <message>
        <source>%1 to go</source>
        <translation>尚差 %1</translation>
    </message>
    <message>
        <source>0 at the start (end of %1)</source>
        <translation>期初 0（%1 年末）</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::DoubtConfirmDialog</name>
    <message>
        <source>Confirm — %1</source>
        <translation>确认 — %1</translation>
    </message>
    <message>
        <source>%1 (as the catalog has it)</source>
        <translation>%1（指标目录所列）</translation>
    </message>
    <message>
        <source>%1 (what the doubt suggests)</source>
        <translation>%1（存疑所指）</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>（不变）</translation>
    </message>
    <message>
        <source>Why: the department's answer, the plan's other figures, the previous period …</source>
        <translation>理由：部门答复、规划中的其他数字、上一规划期……</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Doubt</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>The plan says</source>
        <translation>规划原文</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>人口口径</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>确认人</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::EditChecks</name>
    <message>
        <source>Feature %1 cannot be repaired: %2</source>
        <translation>要素 %1 无法修复：%2</translation>
    </message>
    <message numerus="yes">
        <source>Repair %n geometry(s)</source>
        <translation>
            <numerusform>修复 %n 个几何</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xiuhua::app::EditingController</name>
    <message>
        <source>Editing</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation>编辑历史</translation>
    </message>
    <message>
        <source>Add feature</source>
        <translation>添加要素</translation>
    </message>
    <message>
        <source>Delete selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Save edits</source>
        <translation>保存编辑</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Start editing</source>
        <translation>开始编辑</translation>
    </message>
    <message>
        <source>Stop editing…</source>
        <translation>停止编辑…</translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved edited feature(s) of an earlier session were restored; save them or stop editing to drop them.</source>
        <translation>
            <numerusform>已恢复上次会话中 %n 个未保存的编辑要素；请保存，或停止编辑以放弃。</numerusform>
        </translation>
    </message>
    <message>
        <source>Edits of %1 saved.</source>
        <translation>%1 的编辑已保存。</translation>
    </message>
    <message>
        <source>Stop editing</source>
        <translation>停止编辑</translation>
    </message>
    <message>
        <source>Save the edits of %1?</source>
        <translation>保存 %1 的编辑吗？</translation>
    </message>
    <message>
        <source>Start editing a layer first (its menu in the layer tree).</source>
        <translation>请先开始编辑一个图层（在图层树中右键该图层）。</translation>
    </message>
    <message>
        <source>New feature of %1</source>
        <translation>%1 的新要素</translation>
    </message>
    <message>
        <source>Add a feature to %1</source>
        <translation>向 %1 添加要素</translation>
    </message>
    <message>
        <source>Select the features to delete first.</source>
        <translation>请先选择要删除的要素。</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n feature(s) of %1</source>
        <translation>
            <numerusform>删除 %1 的 %n 个要素</numerusform>
        </translation>
    </message>
    <message>
        <source>Draw a new feature of the edited layer: click to place points; double-click or Enter to finish, Shift+Enter to start another part (a ring inside a polygon is its hole), Backspace takes a point back, Escape stops</source>
        <translation>为编辑中的图层绘制新要素：单击放置节点；双击或回车结束，Shift+回车开始另一部分（画在面内的环即为洞），退格撤回一个点，Esc 停止</translation>
    </message>
    <message>
        <source>Vertex tool</source>
        <translation>节点工具</translation>
    </message>
    <message>
        <source>Drag a vertex to move it; double-click a segment to add a vertex; click a vertex and press Delete to remove it</source>
        <translation>拖动节点以移动；双击线段以添加节点；单击节点后按 Delete 删除</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Drag a feature (or the selected features) to move it</source>
        <translation>拖动要素（或所选要素）以移动</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Drag a feature to turn it about its centre; hold Shift for steps of 15°</source>
        <translation>拖动要素使其绕中心旋转；按住 Shift 以 15° 为步长</translation>
    </message>
    <message>
        <source>Split line</source>
        <translation>打断线</translation>
    </message>
    <message>
        <source>Click on a line to cut it in two there (e.g. at both ends of a buried section)</source>
        <translation>单击线要素，在该处将其一分为二（例如在入地段的两端）</translation>
    </message>
    <message>
        <source>Type coordinates…</source>
        <translation>输入坐标…</translation>
    </message>
    <message>
        <source>Place the next vertex of the feature being drawn at typed coordinates</source>
        <translation>按输入的坐标放置正在绘制要素的下一个节点</translation>
    </message>
    <message>
        <source>Merge selected</source>
        <translation>合并所选</translation>
    </message>
    <message>
        <source>Copy features</source>
        <translation>复制要素</translation>
    </message>
    <message>
        <source>Paste features</source>
        <translation>粘贴要素</translation>
    </message>
    <message>
        <source>Snapping</source>
        <translation>捕捉</translation>
    </message>
    <message>
        <source>Snapping options…</source>
        <translation>捕捉设置…</translation>
    </message>
    <message>
        <source>Start editing the layer first.</source>
        <translation>请先开始编辑该图层。</translation>
    </message>
    <message>
        <source>The feature is no longer there.</source>
        <translation>该要素已不存在。</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>修改 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) updated.</source>
        <translation>
            <numerusform>已更新 %n 个要素。</numerusform>
        </translation>
    </message>
    <message>
        <source>Start drawing a feature first (Add feature).</source>
        <translation>请先开始绘制要素（添加要素）。</translation>
    </message>
    <message>
        <source>Type coordinates</source>
        <translation>输入坐标</translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>X (east)</source>
        <translation>X（东）</translation>
    </message>
    <message>
        <source>Y (north)</source>
        <translation>Y（北）</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::EncodingDialog</name>
    <message>
        <source>Text encoding — %1</source>
        <translation>文字编码 — %1</translation>
    </message>
    <message>
        <source>%1 declares no encoding Xiuhua can trust. It was read as %2; compare it with another reading and take the one whose text is right.</source>
        <translation>%1 没有可信的编码声明，已按 %2 读取。请与另一种读法对照，选用文字正确的一种。</translation>
    </message>
    <message>
        <source>(Detected with confidence %1 %.)</source>
        <translation>（自动检测的置信度为 %1 %。）</translation>
    </message>
    <message>
        <source>Use this reading</source>
        <translation>采用这种读法</translation>
    </message>
    <message>
        <source>Read as %1</source>
        <translation>按 %1 读取</translation>
    </message>
    <message>
        <source>Field names</source>
        <translation>字段名</translation>
    </message>
    <message>
        <source>%1, feature %2</source>
        <translation>%1，要素 %2</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::FeatureForm</name>
    <message>
        <source>whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>%1: "%2" is not a whole number.</source>
        <translation>%1：“%2”不是整数。</translation>
    </message>
    <message>
        <source>%1: "%2" is not a number.</source>
        <translation>%1：“%2”不是数值。</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>范围 %1 至 %2</translation>
    </message>
    <message>
        <source>pattern %1</source>
        <translation>格式 %1</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::FeatureOperations</name>
    <message>
        <source>Start editing the layer first.</source>
        <translation>请先开始编辑该图层。</translation>
    </message>
    <message>
        <source>Select two or more features of %1 to merge.</source>
        <translation>请选择 %1 中两个或更多要素进行合并。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Merge features</source>
        <translation>合并要素</translation>
    </message>
    <message>
        <source>Keep the attributes of:</source>
        <translation>保留以下要素的属性：</translation>
    </message>
    <message numerus="yes">
        <source>Merge %n feature(s) of %1</source>
        <translation>
            <numerusform>合并 %1 的 %n 个要素</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the features to copy first.</source>
        <translation>请先选择要复制的要素。</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) of %1 copied.</source>
        <translation>
            <numerusform>已复制 %1 的 %n 个要素。</numerusform>
        </translation>
    </message>
    <message>
        <source>Start editing the layer to paste into first.</source>
        <translation>请先开始编辑要粘贴到的图层。</translation>
    </message>
    <message>
        <source>Nothing has been copied: select features and copy them first.</source>
        <translation>尚未复制任何要素：请先选择并复制要素。</translation>
    </message>
    <message>
        <source>%1 holds another kind of geometry than the copied features of %2; they cannot be pasted there.</source>
        <translation>%1 的几何类型与所复制的 %2 要素不同，无法粘贴到其中。</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n feature(s) into %1</source>
        <translation>
            <numerusform>向 %1 粘贴 %n 个要素</numerusform>
        </translation>
    </message>
    <message>
        <source>The copied features cannot be put into the coordinate system of %1.</source>
        <translation>复制的要素无法转换到 %1 的坐标系。</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::FieldCalculatorDialog</name>
    <message>
        <source>Only the selected features</source>
        <translation>仅所选要素</translation>
    </message>
    <message>
        <source>Field calculator — %1</source>
        <translation>字段计算器 — %1</translation>
    </message>
    <message>
        <source>e.g. round($length / 1000, 3)   or   CASE WHEN status = 'buried' THEN 1 ELSE 0 END</source>
        <translation>例如 round($length / 1000, 3)   或   CASE WHEN 状态 = '入地' THEN 1 ELSE 0 END</translation>
    </message>
    <message>
        <source>optional condition, e.g. street = '安亭镇'</source>
        <translation>可选条件，例如 subdistrict = '安亭镇'</translation>
    </message>
    <message>
        <source>SQLite expressions: fields by name (in double quotes when they contain spaces), + - * /, ||, CASE, round(), upper(), substr() …; $area (m²), $length (m), $x, $y, $id of each feature.</source>
        <translation>SQLite 表达式：按名称引用字段（含空格时加双引号），+ - * /、||、CASE、round()、upper()、substr() 等；每个要素的 $area（平方米）、$length（米）、$x、$y、$id。</translation>
    </message>
    <message>
        <source>Field to update</source>
        <translation>要更新的字段</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>The layer is not being edited.</source>
        <translation>该图层未处于编辑状态。</translation>
    </message>
    <message>
        <source>The layer has no field to update.</source>
        <translation>该图层没有可更新的字段。</translation>
    </message>
    <message>
        <source>$area and $length need a projected coordinate system (metres); %1 is in degrees.</source>
        <translation>$area 和 $length 需要投影坐标系（米）；%1 的单位是度。</translation>
    </message>
    <message>
        <source>Feature %1: %2</source>
        <translation>要素 %1：%2</translation>
    </message>
    <message>
        <source>No feature's value changes.</source>
        <translation>没有要素的值发生变化。</translation>
    </message>
    <message numerus="yes">
        <source>Calculate %1 for %n feature(s)</source>
        <translation>
            <numerusform>为 %n 个要素计算 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xiuhua::app::GapFinderDialog</name>
    <message>
        <source>Find coverage gaps — %1 %2, %3</source>
        <translation>查找覆盖空白 — %1 %2，%3 年</translation>
    </message>
    <message>
        <source> m²</source>
        <translation> 平方米</translation>
    </message>
    <message>
        <source>(anywhere in the sub-units)</source>
        <translation>（各街镇内任意位置）</translation>
    </message>
    <message>
        <source> m</source>
        <translation> 米</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Sub-unit</source>
        <translation>街镇</translation>
    </message>
    <message>
        <source>Gain (points)</source>
        <translation>提升（百分点）</translation>
    </message>
    <message>
        <source>Newly covered (ha)</source>
        <translation>新覆盖用地（公顷）</translation>
    </message>
    <message>
        <source>Value after</source>
        <translation>累计覆盖率</translation>
    </message>
    <message>
        <source>New facility area</source>
        <translation>新设施面积</translation>
    </message>
    <message>
        <source>Service radius</source>
        <translation>服务半径</translation>
    </message>
    <message>
        <source>Candidate land</source>
        <translation>候选用地</translation>
    </message>
    <message>
        <source>Candidate spacing</source>
        <translation>候选点间距</translation>
    </message>
    <message>
        <source>Number of sites</source>
        <translation>选址数量</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation>显示到地图</translation>
    </message>
    <message>
        <source>Try as a scenario</source>
        <translation>作为情景推演</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>%1 m (by the facility's area)</source>
        <translation>%1 米（按设施面积分级）</translation>
    </message>
    <message>
        <source>below the smallest tier: make the facility larger</source>
        <translation>低于最小分级：请增大设施面积</translation>
    </message>
    <message>
        <source>Coverage gaps · %1 · %2</source>
        <translation>覆盖空白 · %1 · %2</translation>
    </message>
    <message>
        <source>Ranking candidate sites…</source>
        <translation>正在评估候选点位…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The search was cancelled.</source>
        <translation>查找已取消。</translation>
    </message>
    <message>
        <source>No candidate site would cover land that is not covered yet (%1 candidates tested).</source>
        <translation>没有候选点位能覆盖尚未覆盖的用地（已评估 %1 个候选点位）。</translation>
    </message>
    <message>
        <source>%1 sites with a %2 m radius raise the district from %3 % to %4 % (+%5 points); %6 candidate sites tested in %7 s. Each site counts only what the sites above it leave uncovered.</source>
        <translation>%1 处服务半径 %2 米的新设施使全区由 %3 % 提升至 %4 %（+%5 个百分点）；用时 %7 秒评估了 %6 个候选点位。每处选址只计入排在它前面的选址仍未覆盖的用地。</translation>
    </message>
    <message>
        <source>Service areas of the proposed sites</source>
        <translation>建议选址服务范围</translation>
    </message>
    <message>
        <source>Proposed sites</source>
        <translation>建议选址</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::GeometryCheckDialog</name>
    <message>
        <source>Invalid geometry</source>
        <translation>几何无效</translation>
    </message>
    <message>
        <source>Too few points</source>
        <translation>点数过少</translation>
    </message>
    <message>
        <source>Ring orientation</source>
        <translation>环方向</translation>
    </message>
    <message>
        <source>Duplicate vertex</source>
        <translation>重复节点</translation>
    </message>
    <message>
        <source>Sliver</source>
        <translation>狭长碎面</translation>
    </message>
    <message>
        <source>Geometry check</source>
        <translation>几何检查</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>要素</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>new (%1)</source>
        <translation>新增（%1）</translation>
    </message>
    <message>
        <source>Repair and save</source>
        <translation>修复并保存</translation>
    </message>
    <message>
        <source>Keep and save</source>
        <translation>保留并保存</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the edited features of %1 (marked on the map). Repair them with GEOS, keep them on purpose, or go back to editing.</source>
        <translation>
            <numerusform>%1 的已编辑要素中有 %n 个问题（已在地图上标出）。可用 GEOS 修复、有意保留，或返回继续编辑。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xiuhua::app::GeometryComparison</name>
    <message>
        <source>red, dashed: yours
blue: theirs (in the database now)</source>
        <translation>红色虚线：我的
蓝色：对方的（数据库中的现状）</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::IdentifyPanel</name>
    <message>
        <source>Feature / field</source>
        <translation>要素 / 字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message numerus="yes">
        <source>%n features</source>
        <translation>
            <numerusform>%n 个要素</numerusform>
        </translation>
    </message>
    <message>
        <source>Feature %1</source>
        <translation>要素 %1</translation>
    </message>
    <message>
        <source>Nothing here</source>
        <translation>此处无要素</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::ImportPreviewDialog</name>
    <message>
        <source>Import values — %1</source>
        <translation>导入数值 — %1</translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 unchanged (not written). Changed values keep the old value in the history.</source>
        <translation>新增 %1 条，更改 %2 条，未变 %3 条（不写入）。被更改的数值，其旧值保留在历史记录中。</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Sub-unit</source>
        <translation>子单元</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>更改</translation>
    </message>
    <message numerus="yes">
        <source>Import %n values</source>
        <translation>
            <numerusform>导入 %n 条数值</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xiuhua::app::IndicatorChart</name>
    <message>
        <source>Target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>Expected path</source>
        <translation>预期路径</translation>
    </message>
    <message>
        <source>Values (%1)</source>
        <translation>实际值（%1）</translation>
    </message>
    <message>
        <source>%1 by %2, %3</source>
        <translation>%1（按%2，%3 年）</translation>
    </message>
    <message>
        <source>sub-unit</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Select an indicator in the table to see its values over the years, its target and the expected path; for an indicator broken down by 街镇 or 网格, a bar for each.</source>
        <translation>在上方表格中选择一项指标，即可查看其历年数值、目标值和预期路径；按街镇或网格分解的指标，还会显示每个单元的柱状图。</translation>
    </message>
    <message>
        <source>%1 (%2 bars, one name in %3 shown)</source>
        <translation>%1（共 %2 个，每 %3 个标注一个名称）</translation>
    </message>
    <message>
        <source>Synthetic example values (not official)</source>
        <translation>示例数据（非官方）</translation>
    </message>
    <message>
        <source>%1
(%2)</source>
        <translation>%1
（%2）</translation>
    </message>
    <message>
        <source>%1 (target set for %2)</source>
        <translation>%1（目标针对%2设定）</translation>
    </message>
    <message>
        <source>Target %1 a year</source>
        <translation>目标 每年 %1</translation>
    </message>
    <message>
        <source>No baseline in the plan: no expected path, no on-track status</source>
        <translation>规划无基期值：无预期路径，不评定是否正常推进</translation>
    </message>
    <message>
        <source>To be confirmed: %1</source>
        <translation>待确认：%1</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::IndicatorDashboard</name>
    <message>
        <source>Year </source>
        <translation>年份 </translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部属性</translation>
    </message>
    <message>
        <source>Binding</source>
        <translation>约束性</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期性</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Search indicators…</source>
        <translation>搜索指标…</translation>
    </message>
    <message>
        <source>Import catalog…</source>
        <translation>导入指标目录…</translation>
    </message>
    <message>
        <source>Enter value…</source>
        <translation>录入数值…</translation>
    </message>
    <message>
        <source>Save chart…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save the project first: its indicators and values are kept in the project file.</source>
        <translation>请先保存项目：指标及其数值保存在项目文件中。</translation>
    </message>
    <message>
        <source>The project has no indicator catalog yet: import one.</source>
        <translation>项目尚无指标目录，请导入。</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部责任单位</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>%1: the chart could not be written.</source>
        <translation>%1：无法写入图表。</translation>
    </message>
    <message>
        <source>From a file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message>
        <source>Import catalog</source>
        <translation>导入指标目录</translation>
    </message>
    <message>
        <source>Catalogs (*.csv *.xlsx)</source>
        <translation>指标目录 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Import values…</source>
        <translation>导入数值…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Import values</source>
        <translation>导入数值</translation>
    </message>
    <message>
        <source>Value tables (*.csv *.xlsx)</source>
        <translation>数值表 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Enter %1 %2 = %3</source>
        <translation>录入 %1 %2 = %3</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Assess…</source>
        <translation>人工评定…</translation>
    </message>
    <message>
        <source>Assess the status of a qualitative target, with the reason</source>
        <translation>为定性目标评定状态并说明理由</translation>
    </message>
    <message>
        <source>%1 has a numeric target: its status follows from its values.</source>
        <translation>%1 为定量目标，其状态由数值自动得出。</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>录入</translation>
    </message>
    <message>
        <source>computed</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Edit target…</source>
        <translation>修改目标…</translation>
    </message>
    <message>
        <source>Copy chart</source>
        <translation>复制图表</translation>
    </message>
    <message>
        <source>Compute…</source>
        <translation>计算…</translation>
    </message>
    <message>
        <source>Compute the spatial indicators from the map layers (the selected one, or all) for the year</source>
        <translation>按所选年份，由地图图层计算空间指标（所选指标，或全部）</translation>
    </message>
    <message>
        <source>The project defines no spatial indicator to compute (no metric bindings).</source>
        <translation>项目中没有可计算的空间指标（未设置指标计算）。</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Compute spatial indicators</source>
        <translation>计算空间指标</translation>
    </message>
    <message>
        <source>Computing %1 %2 (%3 of %4)…</source>
        <translation>正在计算 %1 %2（第 %3 项，共 %4 项）…</translation>
    </message>
    <message>
        <source>The computation was cancelled; nothing was stored.</source>
        <translation>计算已取消，未保存任何数值。</translation>
    </message>
    <message numerus="yes">
        <source>Computed %n indicator(s) for %1 in %2 s.</source>
        <translation>
            <numerusform>已计算 %n 项指标（%1 年），用时 %2 秒。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Compute %n spatial indicator(s) for %1</source>
        <translation>
            <numerusform>计算 %n 项空间指标（%1 年）</numerusform>
        </translation>
    </message>
    <message>
        <source>Coverage map</source>
        <translation>覆盖地图</translation>
    </message>
    <message>
        <source>Show the selected spatial indicator's computed layers for the year on the map: covered and uncovered land, the service area and the sub-units against the target</source>
        <translation>在地图上显示所选空间指标该年度的计算图层：已覆盖与未覆盖用地、服务范围，以及各街镇/网格与目标值的对比</translation>
    </message>
    <message>
        <source>Select a spatial indicator first.</source>
        <translation>请先选择一项空间指标。</translation>
    </message>
    <message>
        <source>%1 %2 has no computed map for %3 yet: compute it first (Compute…).</source>
        <translation>%1 %2 尚无 %3 年的计算结果图：请先计算（计算…）。</translation>
    </message>
    <message>
        <source>The coverage map of %1 %2 for %3 is on the map, in the layer group "%4".</source>
        <translation>%1 %2 的 %3 年覆盖地图已加入地图，位于图层组“%4”。</translation>
    </message>
    <message>
        <source>What if…</source>
        <translation>情景推演…</translation>
    </message>
    <message>
        <source>Try proposed parks or stops (a layer of them) or closing selected ones, and see the change by 街镇</source>
        <translation>试算规划中的公园或站点（一个图层）或关闭选中的设施，查看各街镇的变化</translation>
    </message>
    <message>
        <source>%1 %2 is not a coverage indicator: what-if scenarios are for service coverage.</source>
        <translation>%1 %2 不是覆盖率指标：情景推演只适用于服务半径覆盖率。</translation>
    </message>
    <message>
        <source>Find gaps…</source>
        <translation>查找空白…</translation>
    </message>
    <message>
        <source>Propose the best sites for a new park or stop: those that would cover the most land left uncovered</source>
        <translation>为新公园或站点推荐最佳选址：能覆盖最多尚未覆盖用地的位置</translation>
    </message>
    <message>
        <source>Compute again</source>
        <translation>全部重新计算</translation>
    </message>
    <message>
        <source>Compute even the indicators whose settings and input files have not changed</source>
        <translation>即使设置和输入文件均未变化，也重新计算这些指标</translation>
    </message>
    <message numerus="yes">
        <source>%n indicator(s) unchanged since their last computation (same settings and input files), not computed again: %1. Use "Compute again" to force.</source>
        <translation>
            <numerusform>%n 项指标自上次计算以来未变化（设置与输入文件相同），未重新计算：%1。如需强制计算，请使用“全部重新计算”。</numerusform>
        </translation>
    </message>
    <message>
        <source>By walking distance %1 % of the land is covered, by the straight-line radius %2 % (%3 points).</source>
        <translation>按步行距离覆盖 %1 % 的用地，按直线半径覆盖 %2 %（相差 %3 个百分点）。</translation>
    </message>
    <message>
        <source>synthetic (demonstration, not official)</source>
        <translation>示例数据（演示用，非官方）</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>Catalog audit…</source>
        <translation>指标目录审核…</translation>
    </message>
    <message>
        <source>What the plans leave open or doubtful in the catalog: confirm a doubt, add a baseline</source>
        <translation>指标目录中规划未明确或存疑之处：确认存疑、补充基期值</translation>
    </message>
    <message>
        <source>Indicator values shared with other units: %1</source>
        <translation>指标值与其他单位共享：%1</translation>
    </message>
    <message>
        <source>Value entered meanwhile</source>
        <translation>他人已录入该值</translation>
    </message>
    <message>
        <source>Store yours as a revision of theirs?</source>
        <translation>将您的值作为对其值的修订保存？</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::LayerEditing</name>
    <message>
        <source>Only vector layers can be edited.</source>
        <translation>只能编辑矢量图层。</translation>
    </message>
    <message>
        <source>%1 is still loading; edit it when it is on the map.</source>
        <translation>%1 仍在加载；请在其显示到地图后再编辑。</translation>
    </message>
    <message>
        <source>The layer is not being edited.</source>
        <translation>该图层不在编辑状态。</translation>
    </message>
    <message>
        <source>The drawn feature cannot be put into the layer's coordinate system.</source>
        <translation>绘制的要素无法转换到该图层的坐标系。</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::LayerPropertiesDialog</name>
    <message>
        <source>Point</source>
        <translation>点</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>线</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>面</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Layer properties — %1</source>
        <translation>图层属性 — %1</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Declare the coordinate system the layer's coordinates are in. Use this when the source has none, or a wrong one (an Amap or Tencent export is GCJ-02 even though GeoJSON says WGS 84).</source>
        <translation>声明图层坐标所采用的坐标系。当数据源没有坐标系或坐标系有误时使用（高德或腾讯导出的数据实为 GCJ-02，即使 GeoJSON 标明为 WGS 84）。</translation>
    </message>
    <message>
        <source>Automatic (.cpg, DBF language id, detection)</source>
        <translation>自动（.cpg、DBF 语言标识、自动检测）</translation>
    </message>
    <message>
        <source>Text encoding</source>
        <translation>文本编码</translation>
    </message>
    <message>
        <source>Coordinate system and encoding</source>
        <translation>坐标系与编码</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>样式</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>Layer in source</source>
        <translation>数据源中的图层</translation>
    </message>
    <message>
        <source>⚠ None — declare one on the next page</source>
        <translation>⚠ 无 — 请在下一页声明坐标系</translation>
    </message>
    <message>
        <source> (declared by the user)</source>
        <translation>（用户声明）</translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>Map coordinate system</source>
        <translation>地图坐标系</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Geometry</source>
        <translation>几何</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>要素</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Extent (layer CRS)</source>
        <translation>范围（图层坐标系）</translation>
    </message>
    <message numerus="yes">
        <source>%n invalid geometries</source>
        <translation>
            <numerusform>%n 个无效几何</numerusform>
        </translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>有效性</translation>
    </message>
    <message>
        <source>Repair invalid geometries (GEOS MakeValid)</source>
        <translation>修复无效几何（GEOS MakeValid）</translation>
    </message>
    <message numerus="yes">
        <source>%n geometries repaired in memory; the source file is unchanged.</source>
        <translation>
            <numerusform>已在内存中修复 %n 个几何；源文件未改动。</numerusform>
        </translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Raster grid</source>
        <translation>栅格格网</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>%1 × %2 cells, cell size %3</source>
        <translation>%1 × %2 像元，像元大小 %3</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>值范围</translation>
    </message>
    <message>
        <source>min %1, max %2</source>
        <translation>最小值 %1，最大值 %2</translation>
    </message>
    <message>
        <source>Extent (map CRS)</source>
        <translation>范围（地图坐标系）</translation>
    </message>
    <message>
        <source>Colour ramp</source>
        <translation>色带</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Select them on the map</source>
        <translation>在地图上选中</translation>
    </message>
    <message>
        <source>, confidence %1 %</source>
        <translation>，置信度 %1 %</translation>
    </message>
    <message>
        <source>, confidence %1 %; else %2</source>
        <translation>，置信度 %1 %；也可能是 %2</translation>
    </message>
    <message>
        <source>PostGIS table, drawn per view from the server</source>
        <translation>PostGIS 表，按视图从服务器绘制</translation>
    </message>
    <message>
        <source>about %1 (the server's estimate)</source>
        <translation>约 %1（服务器估计值）</translation>
    </message>
    <message>
        <source>Automatic: per view from %1 rows on (Xiuhua's assumption; setting postgis/streamAboveRows)</source>
        <translation>自动：%1 行及以上按视图绘制（绣花的假设值；设置项 postgis/streamAboveRows）</translation>
    </message>
    <message>
        <source>Per view from the server (any size; no table, no editing)</source>
        <translation>按视图从服务器绘制（任意大小；无属性表、不可编辑）</translation>
    </message>
    <message>
        <source>Read the whole layer (table and editing; memory for every row)</source>
        <translation>读入整个图层（可开属性表和编辑；每一行都占内存）</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>绘制方式</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::LayerTreeModel</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>This layer has no coordinate system. Open its properties to declare one.</source>
        <translation>此图层没有坐标系。请打开图层属性声明坐标系。</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Drawn from the server per view (about %1 rows); not held in memory.</source>
        <translation>按视图从服务器绘制（约 %1 行），不驻留内存。</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::MainWindow</name>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Identify results</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>属性表</translation>
    </message>
    <message>
        <source>%1 — Xiuhua 绣花</source>
        <translation>%1 — 绣花 (Xiuhua)</translation>
    </message>
    <message>
        <source>Set coordinate system…</source>
        <translation>设置坐标系…</translation>
    </message>
    <message>
        <source>Attribute table — %1</source>
        <translation>属性表 — %1</translation>
    </message>
    <message>
        <source>Map coordinate system</source>
        <translation>地图坐标系</translation>
    </message>
    <message>
        <source>GIS data (*.shp *.gpkg *.geojson *.json *.kml *.csv *.xlsx *.gdb *.tif *.tiff);;All files (*)</source>
        <translation>GIS 数据 (*.shp *.gpkg *.geojson *.json *.kml *.csv *.xlsx *.gdb *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>项目(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Xiuhua projects (*.xhp)</source>
        <translation>绣花项目 (*.xhp)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Add layer…</source>
        <translation>添加图层(&amp;A)…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Add layers</source>
        <translation>添加图层</translation>
    </message>
    <message>
        <source>Map &amp;coordinate system…</source>
        <translation>地图坐标系(&amp;C)…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>Map tools</source>
        <translation>地图工具</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Zoom box</source>
        <translation>框选缩放</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>识别</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Full extent</source>
        <translation>全图(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;layer</source>
        <translation>缩放至图层(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Attribute table</source>
        <translation>属性表(&amp;A)</translation>
    </message>
    <message>
        <source>F6</source>
        <translation>F6</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Xiuhua</source>
        <translation>关于绣花(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation>缩放至图层</translation>
    </message>
    <message>
        <source>Open attribute table</source>
        <translation>打开属性表</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Properties…</source>
        <translation>属性…</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>移除图层</translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation>重命名图层组</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>添加图层组</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>图层组名称</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>About Xiuhua</source>
        <translation>关于绣花 (Xiuhua)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The project has unsaved changes. Save them?</source>
        <translation>项目有未保存的更改。是否保存？</translation>
    </message>
    <message>
        <source>the source declares none</source>
        <translation>数据源未声明坐标系</translation>
    </message>
    <message>
        <source>%1 (%2) has no coordinate system: %3. It is drawn as if it were in the map's coordinate system, which may misplace it. Declare its coordinate system to place it correctly.</source>
        <translation>%1（%2）没有坐标系：%3。它将按地图坐标系绘制，位置可能有误。请为其指定坐标系以正确定位。</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>&amp;Indicators</source>
        <translation>指标(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>指标看板(&amp;D)</translation>
    </message>
    <message>
        <source>F7</source>
        <translation>F7</translation>
    </message>
    <message>
        <source>Export layer</source>
        <translation>导出图层</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg);;Shapefile (*.shp);;GeoJSON (*.geojson)</source>
        <translation>GeoPackage (*.gpkg);;Shapefile (*.shp);;GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>已将 %1 导出到 %2</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the project first: the report is made from the indicators kept in the project file.</source>
        <translation>请先保存项目：报告依据项目文件中的指标数据生成。</translation>
    </message>
    <message>
        <source>&amp;Report builder…</source>
        <translation>报告生成器(&amp;R)…</translation>
    </message>
    <message>
        <source>%1 (read-only) — Xiuhua 绣花</source>
        <translation>%1（只读）— Xiuhua 绣花</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Open the &amp;demo project</source>
        <translation>打开示例项目(&amp;D)</translation>
    </message>
    <message>
        <source>Jiading District with synthetic layers and the district plan's indicators, copied to your documents</source>
        <translation>嘉定区示例（合成图层与区规划指标），复制到您的“文档”文件夹</translation>
    </message>
    <message>
        <source>The demo project is not installed (looked for share/xiuhua/demo beside %1).</source>
        <translation>未安装示例项目（已在 %1 旁查找 share/xiuhua/demo）。</translation>
    </message>
    <message>
        <source>Opened your copy of the demo project: %1</source>
        <translation>已打开示例项目的个人副本：%1</translation>
    </message>
    <message>
        <source>No project is open. The demo project (Jiading District, synthetic data) shows what Xiuhua does: coverage maps, the district plan's indicators and the report.</source>
        <translation>尚未打开项目。示例项目（嘉定区，合成数据）展示绣花的功能：覆盖图、区规划指标与报告。</translation>
    </message>
    <message>
        <source>Open the demo project</source>
        <translation>打开示例项目</translation>
    </message>
    <message>
        <source>%1 is read-only: you can look at it and write reports from it, but nothing can be saved into it. To compute its indicators, save it under another name; to edit its layers too, copy its folder with the data (the demo: Project → Open the demo project).</source>
        <translation>%1 是只读的：可以查看并生成报告，但无法保存任何更改。要计算指标，请另存为其他名称；要同时编辑图层，请连同数据复制整个文件夹（示例项目：项目 → 打开示例项目）。</translation>
    </message>
    <message>
        <source>Choose encoding…</source>
        <translation>选择编码…</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Xiuhua 绣花 %1&lt;/h3&gt;&lt;p&gt;Desktop GIS for urban-management refinement (城市管理精细化).&lt;/p&gt;&lt;p&gt;Qt %2 · GDAL %3 · GEOS %4 · PROJ %5 · SQLite %6&lt;/p&gt;&lt;p&gt;Demo data: district boundaries 「边界数据：高德开放平台 DataV.GeoAtlas」, for demonstration only; official 规划资源 data replaces them in production. All 街镇, 网格 and facility layers of the demo project are SYNTHETIC.&lt;/p&gt;&lt;p&gt;Xiuhua is free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later); it comes with no warranty. It uses QCustomPlot (GPL-3.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;绣花 Xiuhua %1&lt;/h3&gt;&lt;p&gt;面向城市管理精细化的桌面 GIS。&lt;/p&gt;&lt;p&gt;Qt %2 · GDAL %3 · GEOS %4 · PROJ %5 · SQLite %6&lt;/p&gt;&lt;p&gt;示例数据：区界来自「边界数据：高德开放平台 DataV.GeoAtlas」，仅供演示；实际使用时以规划资源部门的官方数据为准。示例项目中的街镇、网格和各类设施图层均为虚构数据（SYNTHETIC）。&lt;/p&gt;&lt;p&gt;绣花是自由软件，按 GNU 通用公共许可证第 3 版或（由您选择）任何更新版本（GPL-3.0-or-later）发布，不提供任何担保。本软件使用了 QCustomPlot（GPL-3.0）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open the &amp;Putuo demo project</source>
        <translation>打开普陀示例项目(&amp;P)</translation>
    </message>
    <message>
        <source>Putuo District with synthetic layers: the plan's shares and per-capita figures computed from the map</source>
        <translation>普陀区（合成图层）：由地图计算规划中的比例和人均指标</translation>
    </message>
    <message>
        <source>Add &amp;PostGIS layers…</source>
        <translation>添加 PostGIS 图层(&amp;P)…</translation>
    </message>
    <message>
        <source>Announce changes</source>
        <translation>通知修改</translation>
    </message>
    <message>
        <source>Install Xiuhua's change trigger on %1? After each change of the table it notifies the Xiuhua users who show it (LISTEN/NOTIFY), so that they see the change at once. It needs the table's owner; it adds a trigger and a function named xiuhua_notify_change to the table's schema and changes no row.</source>
        <translation>在 %1 上安装绣花的修改触发器吗？此后该表每次修改都会通知正在显示它的绣花用户（LISTEN/NOTIFY），使他们立即看到修改。需要表的所有者权限；它会在该表所在模式中添加名为 xiuhua_notify_change 的触发器和函数，不改动任何行。</translation>
    </message>
    <message>
        <source>%1 now announces its changes to other users.</source>
        <translation>%1 现在会将其修改通知其他用户。</translation>
    </message>
    <message>
        <source>Announce changes to other users (install trigger)…</source>
        <translation>将修改通知其他用户（安装触发器）…</translation>
    </message>
    <message>
        <source>&amp;Share values on PostGIS…</source>
        <translation>在 PostGIS 上共享指标值(&amp;S)…</translation>
    </message>
    <message>
        <source>Share indicator values</source>
        <translation>共享指标值</translation>
    </message>
    <message>
        <source>Save the project first: it keeps where its values are.</source>
        <translation>请先保存项目：项目记录其指标值的存放位置。</translation>
    </message>
    <message>
        <source>Read the whole layer</source>
        <translation>读入整个图层</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::MapDocument</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>No such layer.</source>
        <translation>图层不存在。</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %n invalid geometries (e.g. self-intersections); select or repair them in Layer properties.</source>
        <translation>
            <numerusform>%1（%2）：有 %n 个无效几何（如自相交）；可在图层属性中选中或修复。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not enough memory to open the file.</source>
        <translation>%1：内存不足，无法打开该文件。</translation>
    </message>
    <message>
        <source>%1: not enough memory to repair the geometries.</source>
        <translation>%1：内存不足，无法修复几何。</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::MapStatusBar</name>
    <message>
        <source>Map scale; type a value such as 1:25000 and press Enter</source>
        <translation>地图比例尺；输入数值（如 1:25000）后按 Enter 键</translation>
    </message>
    <message>
        <source>Map coordinate system — click to change</source>
        <translation>地图坐标系 — 单击以更改</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>比例尺</translation>
    </message>
    <message>
        <source>Lon %1°  Lat %2°</source>
        <translation>经度 %1°  纬度 %2°</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Next (%1)</source>
        <translation>下一条（%1）</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::PgConnectionBox</name>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>(new connection)</source>
        <translation>（新连接）</translation>
    </message>
    <message>
        <source>a service of pg_service.conf; or fill in the fields below</source>
        <translation>pg_service.conf 中的服务名；或填写下列各项</translation>
    </message>
    <message>
        <source>verify-full checks the server's certificate and name: what a district's IT department usually asks for</source>
        <translation>verify-full 会校验服务器证书和名称：这通常是区信息部门的要求</translation>
    </message>
    <message>
        <source>Saved connection:</source>
        <translation>已保存的连接：</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>服务：</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>SSL mode:</source>
        <translation>SSL 模式：</translation>
    </message>
    <message>
        <source>&amp;Save connection</source>
        <translation>保存连接(&amp;S)</translation>
    </message>
    <message>
        <source>a name for this connection</source>
        <translation>此连接的名称</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Give a service name, or at least the database and the user.</source>
        <translation>请给出服务名，或至少给出数据库和用户。</translation>
    </message>
    <message>
        <source>The connection "%1" is saved (without password).</source>
        <translation>连接“%1”已保存（不含密码）。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Remember it in the desktop &amp;keyring</source>
        <translation>保存在桌面密钥环中(&amp;K)</translation>
    </message>
    <message>
        <source>Add to ~/.&amp;pgpass</source>
        <translation>写入 ~/.pgpass(&amp;P)</translation>
    </message>
    <message>
        <source>empty: from ~/.pgpass, the service file or the keyring</source>
        <translation>留空：取自 ~/.pgpass、服务文件或密钥环</translation>
    </message>
    <message>
        <source>Append host:port:database:user:password to the password file libpq reads (readable by you only)</source>
        <translation>在 libpq 读取的密码文件末尾追加 主机:端口:数据库:用户:密码（仅本人可读）</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Neither the project nor the settings keep a password: it comes from ~/.pgpass, the service file (pg_service.conf) or the desktop keyring, or is kept in memory until Xiuhua closes.</source>
        <translation>项目和设置都不保存密码：密码取自 ~/.pgpass、服务文件（pg_service.conf）或桌面密钥环，或仅在内存中保留到绣花关闭。</translation>
    </message>
    <message>
        <source>No desktop keyring answers here (%1), so Xiuhua cannot remember the password. Keep it in the password file libpq reads, %2: type it above and click "Add to ~/.pgpass"; or Xiuhua keeps it in memory until it closes.</source>
        <translation>此处没有可用的桌面密钥环（%1），绣花无法记住密码。可将密码保存在 libpq 读取的密码文件 %2 中：在上方输入密码后点击“写入 ~/.pgpass”；否则绣花仅在内存中保留到关闭。</translation>
    </message>
    <message>
        <source>no Secret Service</source>
        <translation>没有 Secret Service</translation>
    </message>
    <message>
        <source>Type the password first.</source>
        <translation>请先输入密码。</translation>
    </message>
    <message>
        <source>The password for %1 is in %2.</source>
        <translation>%1 的密码已写入 %2。</translation>
    </message>
    <message>
        <source>from the desktop keyring</source>
        <translation>取自桌面密钥环</translation>
    </message>
    <message>
        <source>The connection "%1" is saved, its password is not: %2</source>
        <translation>连接“%1”已保存，但密码未保存：%2</translation>
    </message>
    <message>
        <source>The connection "%1" is saved; its password is in the desktop keyring.</source>
        <translation>连接“%1”已保存；其密码保存在桌面密钥环中。</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::PostgisLayerDialog</name>
    <message>
        <source>&amp;List tables</source>
        <translation>列出表(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Add to map</source>
        <translation>添加到地图(&amp;A)</translation>
    </message>
    <message>
        <source>Add PostGIS layers</source>
        <translation>添加 PostGIS 图层</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>Geometry</source>
        <translation>几何</translation>
    </message>
    <message>
        <source>SRID</source>
        <translation>SRID</translation>
    </message>
    <message>
        <source>Rows (estimated)</source>
        <translation>行数（估计）</translation>
    </message>
    <message>
        <source>Primary key</source>
        <translation>主键</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Listing the tables of %1…</source>
        <translation>正在列出 %1 的表…</translation>
    </message>
    <message>
        <source>%1 has no table or view with a geometry column that this user may read.</source>
        <translation>%1 中没有该用户可读取且带几何列的表或视图。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n tables and views with a geometry column.</source>
        <translation>
            <numerusform>%1：%n 个带几何列的表和视图。</numerusform>
        </translation>
    </message>
    <message>
        <source>not analysed</source>
        <translation>未分析</translation>
    </message>
    <message>
        <source>%1 (view)</source>
        <translation>%1（视图）</translation>
    </message>
    <message>
        <source>read-only: %1</source>
        <translation>只读：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No SRID declared: give the layer's CRS in its properties.</source>
        <translation>未声明 SRID：请在图层属性中指定坐标系。</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::ProposalSketch</name>
    <message>
        <source>Drawn proposals</source>
        <translation>绘制的规划设施</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::ReportBuilderDialog</name>
    <message>
        <source>Report builder — %1</source>
        <translation>报告生成器 — %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Refresh preview</source>
        <translation>刷新预览</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export tables…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <source>Export maps and charts…</source>
        <translation>导出地图与图表…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The project's title and "indicator progress report"</source>
        <translation>项目名称加“城市管理精细化指标进展报告”</translation>
    </message>
    <message>
        <source>Printed on the cover and kept in the PDF</source>
        <translation>印在封面并写入 PDF 元数据</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4 纵向</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Compiled by:</source>
        <translation>编制单位：</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>页面：</translation>
    </message>
    <message>
        <source>Atlas:</source>
        <translation>图集：</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Summary table of the indicators</source>
        <translation>指标汇总表</translation>
    </message>
    <message>
        <source>A section per category, with trend charts</source>
        <translation>按类别分章，含趋势图</translation>
    </message>
    <message>
        <source>Coverage maps and per-sub-unit tables</source>
        <translation>覆盖图与分街镇表</translation>
    </message>
    <message>
        <source>Appendix: how computed values were obtained</source>
        <translation>附录：计算值的来源</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>No atlas</source>
        <translation>不含图集</translation>
    </message>
    <message>
        <source>One page per %1</source>
        <translation>每个%1一页</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>（未分类）</translation>
    </message>
    <message>
        <source>Laying out the report…</source>
        <translation>正在排版报告…</translation>
    </message>
    <message>
        <source>The preview has %1 pages.</source>
        <translation>预览共 %1 页。</translation>
    </message>
    <message>
        <source>Export indicator report</source>
        <translation>导出指标报告</translation>
    </message>
    <message>
        <source>%1 indicator report %2.pdf</source>
        <translation>%1 指标报告 %2.pdf</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Report written to %1.</source>
        <translation>报告已写入 %1。</translation>
    </message>
    <message>
        <source>Export report tables</source>
        <translation>导出报告表格</translation>
    </message>
    <message>
        <source>%1 report tables %2.xlsx</source>
        <translation>%1 报告表格 %2.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, a file per table (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，每表一个文件 (*.csv)</translation>
    </message>
    <message>
        <source>%1: the tables are written as .xlsx or .csv.</source>
        <translation>%1：表格只能导出为 .xlsx 或 .csv。</translation>
    </message>
    <message>
        <source>Cancelled; %1 was not written.</source>
        <translation>已取消；未写入 %1。</translation>
    </message>
    <message>
        <source>Tables written to %1.</source>
        <translation>表格已写入 %1。</translation>
    </message>
    <message>
        <source>Folder for the maps and charts</source>
        <translation>地图与图表的保存文件夹</translation>
    </message>
    <message>
        <source>Writing the maps and charts to %1…</source>
        <translation>正在将地图与图表写入 %1…</translation>
    </message>
    <message>
        <source>Maps and charts written to %1.</source>
        <translation>地图与图表已写入 %1。</translation>
    </message>
    <message>
        <source>Wait for the running job to finish, or cancel it.</source>
        <translation>请等待当前任务完成，或取消它。</translation>
    </message>
    <message>
        <source>Choose at least one indicator.</source>
        <translation>请至少选择一个指标。</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::ReportPreview</name>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Refresh the preview to see the report's pages.</source>
        <translation>刷新预览以查看报告页面。</translation>
    </message>
    <message>
        <source>Painting the page…</source>
        <translation>正在绘制页面…</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 共 %2 页</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::SavedConnections</name>
    <message>
        <source>No desktop keyring answered (%1): the password was not stored. Keep it in %2 instead.</source>
        <translation>没有桌面密钥环响应（%1）：密码未保存。请改存于 %2。</translation>
    </message>
    <message>
        <source>The keyring did not store the password: %1</source>
        <translation>密钥环未能保存密码：%1</translation>
    </message>
    <message>
        <source>The keyring did not remove the password: %1</source>
        <translation>密钥环未能删除密码：%1</translation>
    </message>
    <message>
        <source>%1: the password could not be read from the keyring (%2).</source>
        <translation>%1：无法从密钥环读取密码（%2）。</translation>
    </message>
    <message>
        <source>it holds none for this connection</source>
        <translation>其中没有此连接的密码</translation>
    </message>
    <message>
        <source>%1: cannot read it: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>%1, line %2, holds another password for this connection; nothing was changed. Edit that line yourself.</source>
        <translation>%1 第 %2 行已有此连接的另一个密码；未作任何修改。请自行编辑该行。</translation>
    </message>
    <message>
        <source>%1: cannot write it: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::ScenarioPanel</name>
    <message>
        <source>Save scenario</source>
        <translation>保存情景</translation>
    </message>
    <message>
        <source>Name of the scenario, e.g. 外冈新公园方案</source>
        <translation>情景名称，例如：外冈新公园方案</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Taken away</source>
        <translation>撤除</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Scenario value</source>
        <translation>情景值</translation>
    </message>
    <message>
        <source>Change (points)</source>
        <translation>变化（百分点）</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>Make real…</source>
        <translation>转为正式图层…</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Compute the selected scenario again on today's layers and show it above</source>
        <translation>按当前图层重新计算选中的情景，并在上方显示</translation>
    </message>
    <message>
        <source>Add its proposed facilities to the facility layer and remove those it takes away (undoable)</source>
        <translation>将其规划设施加入设施图层，并移除其撤除的设施（可撤销）</translation>
    </message>
    <message>
        <source>Saved scenarios</source>
        <translation>已保存的情景</translation>
    </message>
    <message>
        <source>Make real</source>
        <translation>转为正式图层</translation>
    </message>
    <message>
        <source>Add the %1 proposed facilities of "%2" to the facility layer and remove the %3 it takes away? The layer's file is changed; Undo takes it back.</source>
        <translation>将“%2”的 %1 处规划设施加入设施图层，并移除其撤除的 %3 处设施？图层文件将被修改；可用“撤销”恢复。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Discard the scenario "%1"?</source>
        <translation>删除情景“%1”？</translation>
    </message>
    <message>
        <source>made real %1</source>
        <translation>已于 %1 转为正式</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>"%1" has been made real already.</source>
        <translation>“%1”已转为正式图层。</translation>
    </message>
    <message>
        <source>The facility layer "%1" of %2 is not in the project.</source>
        <translation>%2 的设施图层“%1”不在项目中。</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::SharedValuesDialog</name>
    <message>
        <source>&amp;Copy this project's catalog, values and audit into an empty schema</source>
        <translation>将本项目的指标目录、指标值和审核记录复制到空模式(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Join a schema that holds the district's values already</source>
        <translation>加入已存有全区指标值的模式(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation>共享(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top sharing</source>
        <translation>停止共享(&amp;T)</translation>
    </message>
    <message>
        <source>Share indicator values</source>
        <translation>共享指标值</translation>
    </message>
    <message>
        <source>e.g. jiading_values</source>
        <translation>例如 jiading_values</translation>
    </message>
    <message>
        <source>Each 责任单位 enters its values from its own workstation into one schema; every entry records the database user. A value entered for the same indicator and year by two people at once is stored once: the other person is told and may enter theirs as a revision. The project file keeps only the connection (no password) and the schema; its own values stay in it, untouched.</source>
        <translation>各责任单位在各自的工作站将指标值录入同一模式；每条记录都记下数据库用户。两人同时录入同一指标同一年份的值时只保存一条：另一人会收到提示，并可将其值作为修订再次录入。项目文件只保存连接（不含密码）和模式名；文件中原有的指标值保持不变。</translation>
    </message>
    <message>
        <source>Schema:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>The values are shared now: schema %1 on %2.</source>
        <translation>指标值当前为共享：%2 上的模式 %1。</translation>
    </message>
    <message>
        <source>The values are in the project file %1.</source>
        <translation>指标值保存在项目文件 %1 中。</translation>
    </message>
    <message>
        <source>Give the schema the values are kept in.</source>
        <translation>请填写存放指标值的模式。</translation>
    </message>
    <message numerus="yes">
        <source>The project now uses the %n values of the shared schema.</source>
        <translation>
            <numerusform>项目现使用共享模式中的 %n 个指标值。</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied %1 indicators, %2 values, %3 assessments and %4 decisions.</source>
        <translation>已复制 %1 个指标、%2 个指标值、%3 条评估和 %4 条审核决定。</translation>
    </message>
    <message>
        <source>The values are read from the project file again (as it had them when sharing began).</source>
        <translation>指标值重新从项目文件读取（即开始共享时文件中的值）。</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::SketchTool</name>
    <message>
        <source>A polygon needs at least three corners.</source>
        <translation>多边形至少需要三个顶点。</translation>
    </message>
    <message>
        <source>A line needs at least two points.</source>
        <translation>线至少需要两个点。</translation>
    </message>
    <message>
        <source>The polygon is not valid (%1): move or take back a corner.</source>
        <translation>多边形无效（%1）：请移动或撤回一个角点。</translation>
    </message>
    <message>
        <source>%1 at %2, %3</source>
        <translation>%1，位于 %2, %3</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::SnappingDialog</name>
    <message>
        <source>Snap while editing</source>
        <translation>编辑时捕捉</translation>
    </message>
    <message>
        <source>Vertices</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>线段</translation>
    </message>
    <message>
        <source>Snapping</source>
        <translation>捕捉</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>map units</source>
        <translation>地图单位</translation>
    </message>
    <message>
        <source>Snap to</source>
        <translation>捕捉到</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>Layers to snap to:</source>
        <translation>捕捉的图层：</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::SplitTool</name>
    <message>
        <source>Only lines can be split.</source>
        <translation>只能打断线要素。</translation>
    </message>
    <message>
        <source>Click on a line of the edited layer to split it there.</source>
        <translation>请单击编辑图层中的线，在该处打断。</translation>
    </message>
    <message>
        <source>Split a line of %1</source>
        <translation>打断 %1 的一条线</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::StartPage</name>
    <message>
        <source>Open the demo project</source>
        <translation>打开示例项目</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Xiuhua 绣花&lt;/h2&gt;&lt;p&gt;Open a project to see its map, its indicators and their reports.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;绣花 Xiuhua&lt;/h2&gt;&lt;p&gt;打开一个项目，查看它的地图、指标和报告。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <source>Add layer…</source>
        <translation>添加图层…</translation>
    </message>
    <message>
        <source>Jiading District with synthetic layers, the district plan's indicators and their history, copied to your documents</source>
        <translation>嘉定区示例项目：虚构的图层、区规划的指标及其历年数据，复制到您的文档文件夹中使用</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2 (missing)</source>
        <translation>%1 — %2（文件不存在）</translation>
    </message>
    <message>
        <source>No project opened yet: start with the demo project.</source>
        <translation>还没有打开过项目：可以从示例项目开始。</translation>
    </message>
    <message>
        <source>Open the Putuo demo project</source>
        <translation>打开普陀示例项目</translation>
    </message>
    <message>
        <source>Putuo District with synthetic layers: the plan's shares and per-capita figures (人均公园绿地面积, 年径流总量控制率 …) computed from the map</source>
        <translation>普陀区（合成图层）：由地图计算规划中的比例和人均指标（人均公园绿地面积、年径流总量控制率……）</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::StyleEditor</name>
    <message>
        <source>Single symbol</source>
        <translation>单一符号</translation>
    </message>
    <message>
        <source>Categorized</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Graduated</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>(no labels)</source>
        <translation>（无标注）</translation>
    </message>
    <message>
        <source>Equal interval</source>
        <translation>等间距</translation>
    </message>
    <message>
        <source>Quantile (equal count)</source>
        <translation>分位数（等数量）</translation>
    </message>
    <message>
        <source>Natural breaks (Jenks)</source>
        <translation>自然间断点 (Jenks)</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>样式</translation>
    </message>
    <message>
        <source>Fill colour</source>
        <translation>填充颜色</translation>
    </message>
    <message>
        <source>Outline colour</source>
        <translation>轮廓颜色</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>分级方法</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>分级数</translation>
    </message>
    <message>
        <source>Colour ramp</source>
        <translation>色带</translation>
    </message>
    <message>
        <source>Classes and colours</source>
        <translation>类别与颜色</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Label field</source>
        <translation>标注字段</translation>
    </message>
    <message>
        <source>Classes are built from every row: choose "Read the whole layer" on the Information page to classify.</source>
        <translation>分类需要用到每一行数据：请在“信息”页选择“读入整个图层”后再分类。</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::SubunitHoverTip</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2: &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;%4 of %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2：&lt;b&gt;%3&lt;/b&gt;&lt;br&gt;%4 / %5（分子 / 分母）</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::TargetDialog</name>
    <message>
        <source>Target — %1</source>
        <translation>目标 — %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target (%1)</source>
        <translation>目标值（%1）</translation>
    </message>
    <message>
        <source>Target wording</source>
        <translation>目标表述</translation>
    </message>
    <message>
        <source>Target year</source>
        <translation>目标年份</translation>
    </message>
    <message>
        <source>Baseline (%1)</source>
        <translation>基期值（%1）</translation>
    </message>
    <message>
        <source>Baseline year</source>
        <translation>基期年份</translation>
    </message>
    <message>
        <source>"%1" is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
    <message>
        <source>Give a target value or the target's wording.</source>
        <translation>请填写目标值或目标表述。</translation>
    </message>
    <message>
        <source>The baseline year must be before the target year.</source>
        <translation>基期年份必须早于目标年份。</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::TransformTool</name>
    <message>
        <source>A feature is no longer there.</source>
        <translation>有要素已不存在。</translation>
    </message>
    <message numerus="yes">
        <source>Move %n feature(s)</source>
        <translation>
            <numerusform>移动 %n 个要素</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rotate %n feature(s)</source>
        <translation>
            <numerusform>旋转 %n 个要素</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xiuhua::app::ValueEntryDialog</name>
    <message>
        <source>Enter a value — %1</source>
        <translation>录入数值 — %1</translation>
    </message>
    <message>
        <source>(whole district)</source>
        <translation>（全区）</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Value (%1)</source>
        <translation>数值（%1）</translation>
    </message>
    <message>
        <source>Sub-unit (%1)</source>
        <translation>子单元（%1）</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::VertexTool</name>
    <message>
        <source>The feature is no longer there.</source>
        <translation>该要素已不存在。</translation>
    </message>
    <message>
        <source>Move a vertex</source>
        <translation>移动节点</translation>
    </message>
    <message>
        <source>Add a vertex</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <source>Delete a vertex</source>
        <translation>删除节点</translation>
    </message>
</context>
<context>
    <name>xiuhua::app::WhatIfDialog</name>
    <message>
        <source>Only its selected features</source>
        <translation>仅用其中选中的要素</translation>
    </message>
    <message>
        <source>Take away the facilities selected on the map</source>
        <translation>移除地图上选中的设施</translation>
    </message>
    <message>
        <source>What if — %1 %2, %3</source>
        <translation>情景推演 — %1 %2，%3 年</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现状</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <source>Change (points)</source>
        <translation>变化（百分点）</translation>
    </message>
    <message>
        <source>Proposed facilities</source>
        <translation>规划设施</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>No feature of %1 is selected.</source>
        <translation>%1 中没有选中的要素。</translation>
    </message>
    <message>
        <source>Select the facilities to take away on the map first.</source>
        <translation>请先在地图上选中要移除的设施。</translation>
    </message>
    <message>
        <source>District</source>
        <translation>全区</translation>
    </message>
    <message>
        <source>%1 proposed facilities added, %2 taken away: %3 points for the district. %4 parcels recomputed in %5 ms (the base took %6 s).</source>
        <translation>新增规划设施 %1 处，移除 %2 处：全区变化 %3 个百分点。重新计算了 %4 个地块，用时 %5 毫秒（现状计算用时 %6 秒）。</translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation>显示到地图</translation>
    </message>
    <message>
        <source>What if · %1 · %2</source>
        <translation>情景推演 · %1 · %2</translation>
    </message>
    <message>
        <source>No longer covered</source>
        <translation>不再覆盖</translation>
    </message>
    <message>
        <source>Newly covered</source>
        <translation>新增覆盖</translation>
    </message>
    <message>
        <source>Facilities taken away</source>
        <translation>移除的设施</translation>
    </message>
    <message>
        <source>On the map: layer group "%1".</source>
        <translation>已显示在地图上：图层组“%1”。</translation>
    </message>
    <message>
        <source>Scenario "%1" on today's layers: %2</source>
        <translation>情景“%1”（按当前图层）：%2</translation>
    </message>
    <message>
        <source>Sketch · %1 · %2</source>
        <translation>草图 · %1 · %2</translation>
    </message>
    <message>
        <source>Draw stops on the map</source>
        <translation>在地图上绘制站点</translation>
    </message>
    <message>
        <source>Draw parks on the map</source>
        <translation>在地图上绘制公园</translation>
    </message>
    <message>
        <source>Click on the map to place corners; double-click or Enter closes a polygon, Backspace takes a corner back, Escape stops drawing. Dragging still pans.</source>
        <translation>在地图上单击放置顶点；双击或按回车闭合多边形，退格键撤回一个顶点，Esc 结束绘制。拖动仍可平移地图。</translation>
    </message>
    <message numerus="yes">
        <source>(%n drawn on the map)</source>
        <translation>
            <numerusform>（在地图上绘制的 %n 处）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n proposed facilities drawn; Compute to see what they change.</source>
        <translation>
            <numerusform>已绘制 %n 处规划设施；点击“计算”查看其影响。</numerusform>
        </translation>
    </message>
    <message>
        <source>Change by</source>
        <translation>变化按</translation>
    </message>
</context>
<context>
    <name>xiuhua::gis</name>
    <message>
        <source>The spacing of candidate sites must be a positive distance.</source>
        <translation>候选点间距必须为正数。</translation>
    </message>
    <message>
        <source>A spacing of %1 m would test about %2 candidate sites; choose a larger spacing (at most %3 sites).</source>
        <translation>间距 %1 米将产生约 %2 个候选点位；请选择更大的间距（最多 %3 个点位）。</translation>
    </message>
    <message>
        <source>The gap finder needs the base coverage with its uncovered land (keepParts).</source>
        <translation>空白点查找需要保留未覆盖用地的现状覆盖结果（keepParts）。</translation>
    </message>
    <message>
        <source>Ranking sites by weight needs target weights.</source>
        <translation>按权重排序选址需要目标用地的权重。</translation>
    </message>
    <message>
        <source>The gap finder was cancelled.</source>
        <translation>空白点查找已取消。</translation>
    </message>
    <message>
        <source>%1: cannot edit the layer (%2).</source>
        <translation>%1：无法编辑图层（%2）。</translation>
    </message>
    <message>
        <source>point</source>
        <translation>点</translation>
    </message>
    <message>
        <source>line</source>
        <translation>线</translation>
    </message>
    <message>
        <source>polygon</source>
        <translation>面</translation>
    </message>
    <message>
        <source>empty geometry</source>
        <translation>空几何</translation>
    </message>
    <message>
        <source>%1 is not a field; the geometry is $area, $length, $x, $y and $id.</source>
        <translation>%1 不是字段；几何量为 $area、$length、$x、$y 和 $id。</translation>
    </message>
    <message>
        <source>the parentheses do not match.</source>
        <translation>括号不匹配。</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>a date and time</source>
        <translation>日期时间</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>a date (YYYY-MM-DD)</source>
        <translation>日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>a date and time (YYYY-MM-DD HH:MM:SS)</source>
        <translation>日期时间（YYYY-MM-DD HH:MM:SS）</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>不小于 %1</translation>
    </message>
    <message>
        <source>greater than %1</source>
        <translation>大于 %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>不大于 %1</translation>
    </message>
    <message>
        <source>less than %1</source>
        <translation>小于 %1</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1 必须在 %2 与 %3 之间。</translation>
    </message>
    <message>
        <source>%1 must be %2 and %3.</source>
        <translation>%1 必须%2且%3。</translation>
    </message>
    <message>
        <source>%1 must be %2.</source>
        <translation>%1 必须%2。</translation>
    </message>
    <message>
        <source>%1: the file does not exist.</source>
        <translation>%1：文件不存在。</translation>
    </message>
    <message>
        <source>not a vector format GDAL can read</source>
        <translation>不是 GDAL 可读取的矢量格式</translation>
    </message>
    <message>
        <source>%1: the file cannot be opened for writing: %2</source>
        <translation>%1：无法以写入方式打开文件：%2</translation>
    </message>
    <message>
        <source>%1: the file cannot be read: %2</source>
        <translation>%1：无法读取文件：%2</translation>
    </message>
    <message>
        <source>%1: the source has no vector layers.</source>
        <translation>%1：数据源中没有矢量图层。</translation>
    </message>
    <message>
        <source>%1: there is no layer named "%2".</source>
        <translation>%1：没有名为“%2”的图层。</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1 不能为空。</translation>
    </message>
    <message>
        <source>%1 must be one of: %2.</source>
        <translation>%1 必须是以下之一：%2。</translation>
    </message>
    <message>
        <source>%1 must match the pattern %2.</source>
        <translation>%1 必须符合格式 %2。</translation>
    </message>
    <message>
        <source>%1, field %2</source>
        <translation>%1，字段 %2</translation>
    </message>
    <message>
        <source>a range needs a numeric field</source>
        <translation>范围约束需要数值字段</translation>
    </message>
    <message>
        <source>a pattern needs a text field</source>
        <translation>格式约束需要文本字段</translation>
    </message>
    <message>
        <source>%1: a different constraint named %2 already exists.</source>
        <translation>%1：已存在名为 %2 的不同约束。</translation>
    </message>
    <message>
        <source>%1: this format cannot hold value lists, ranges or patterns.</source>
        <translation>%1：此格式无法保存值列表、范围或格式约束。</translation>
    </message>
    <message>
        <source>%1: the constraint cannot be written: %2</source>
        <translation>%1：无法写入约束：%2</translation>
    </message>
    <message>
        <source>%1: a field holds one kind of constraint: a value list, a range or a pattern.</source>
        <translation>%1：一个字段只能有一种约束：值列表、范围或格式。</translation>
    </message>
    <message>
        <source>%1: the default {year} cannot be stored in the file.</source>
        <translation>%1：默认值 {year} 无法保存在文件中。</translation>
    </message>
    <message>
        <source>%1: the default %2 is not a value of the field.</source>
        <translation>%1：默认值 %2 不是该字段的有效值。</translation>
    </message>
    <message>
        <source>%1: the default %2 is not allowed: %3</source>
        <translation>%1：默认值 %2 不被允许：%3</translation>
    </message>
    <message>
        <source>%1: there is no field named "%2".</source>
        <translation>%1：没有名为“%2”的字段。</translation>
    </message>
    <message>
        <source>the format cannot hold it</source>
        <translation>该格式无法保存</translation>
    </message>
    <message>
        <source>%1: this format cannot hold the constraint.</source>
        <translation>%1：此格式无法保存该约束。</translation>
    </message>
    <message>
        <source>Save the layer as a GeoPackage to lift this limit.</source>
        <translation>将图层另存为 GeoPackage 即可解除此限制。</translation>
    </message>
    <message>
        <source>%1 cannot hold Chinese names at all</source>
        <translation>%1 完全无法保存中文名称</translation>
    </message>
    <message>
        <source>in %1 that is %2 Chinese characters; a longer name (%3 or more) is cut</source>
        <translation>在 %1 中即 %2 个汉字；更长的名称（%3 个及以上）会被截断</translation>
    </message>
    <message>
        <source>%1: a shapefile's field names are at most %2 bytes — %3. %4</source>
        <translation>%1：Shapefile 的字段名最多 %2 字节 — %3。%4</translation>
    </message>
    <message>
        <source>which cannot store Chinese characters at all</source>
        <translation>完全无法保存汉字</translation>
    </message>
    <message>
        <source>at most %1 Chinese characters</source>
        <translation>最多 %1 个汉字</translation>
    </message>
    <message>
        <source>%1: a text field of a shapefile holds at most %2 bytes in the file's encoding, %3 — %4; longer text cannot be saved. %5</source>
        <translation>%1：Shapefile 的文本字段按文件编码 %3 最多 %2 字节 — %4；更长的文本无法保存。%5</translation>
    </message>
    <message>
        <source>under 0.1%</source>
        <translation>不到 0.1%</translation>
    </message>
    <message>
        <source>%1: a shapefile's .shp and .dbf hold at most 2 GB each; the larger here, %2, is %3 MB (%4 of the limit). %5</source>
        <translation>%1：Shapefile 的 .shp 和 .dbf 各最多 2 GB；其中较大的 %2 为 %3 MB（占上限的%4）。%5</translation>
    </message>
    <message>
        <source>%1: the character “%2” in field “%3” cannot be stored in the file's encoding %4. Leave it out, or save the layer as a GeoPackage.</source>
        <translation>%1：字段“%3”中的字符“%2”无法以文件编码 %4 保存。请删去该字符，或将图层另存为 GeoPackage。</translation>
    </message>
    <message>
        <source>%1: field “%2” holds at most %3 bytes in %4; this text takes %5. Shorten it, or save the layer as a GeoPackage.</source>
        <translation>%1：字段“%2”按 %4 编码最多 %3 字节；此文本需要 %5 字节。请缩短，或将图层另存为 GeoPackage。</translation>
    </message>
    <message>
        <source>Point without coordinates</source>
        <translation>点没有坐标</translation>
    </message>
    <message>
        <source>Line with %n point(s)</source>
        <translation>线只有 %n 个点</translation>
    </message>
    <message>
        <source>Line whose %n points are all at the same place</source>
        <translation>线的 %n 个点全部重合</translation>
    </message>
    <message>
        <source>Exterior ring with %n distinct point(s), at least 3 needed</source>
        <translation>外环只有 %n 个不同的点，至少需要 3 个</translation>
    </message>
    <message>
        <source>Hole with %n distinct point(s), at least 3 needed</source>
        <translation>内环只有 %n 个不同的点，至少需要 3 个</translation>
    </message>
    <message>
        <source>Duplicate vertex</source>
        <translation>重复节点</translation>
    </message>
    <message>
        <source>Vertex closer than %1 to its neighbour</source>
        <translation>节点与相邻节点的距离小于 %1</translation>
    </message>
    <message>
        <source>Exterior ring is clockwise; counter-clockwise is required</source>
        <translation>外环为顺时针；要求逆时针</translation>
    </message>
    <message>
        <source>Exterior ring is counter-clockwise; clockwise is required</source>
        <translation>外环为逆时针；要求顺时针</translation>
    </message>
    <message>
        <source>Hole oriented like its exterior</source>
        <translation>内环与外环方向相同</translation>
    </message>
    <message>
        <source>%1 at (%2, %3)</source>
        <translation>%1，位于 (%2, %3)</translation>
    </message>
    <message>
        <source>Nothing is left of the geometry after repair: every part is degenerate or a sliver.</source>
        <translation>修复后几何已不剩任何部分：每个部分都是退化几何或狭长碎面。</translation>
    </message>
    <message>
        <source>Part without coordinates</source>
        <translation>部件没有坐标</translation>
    </message>
    <message>
        <source>Sliver: %1 wide on average, less than %2</source>
        <translation>狭长碎面：平均宽度 %1，小于 %2</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Only features of one geometry type can be merged: feature %1 of the selection is not a %2.</source>
        <translation>只能合并同一几何类型的要素：所选的第 %1 个要素不是%2。</translation>
    </message>
    <message>
        <source>the result is not a %1</source>
        <translation>结果不是%1</translation>
    </message>
    <message>
        <source>The features cannot be merged: %1</source>
        <translation>无法合并这些要素：%1</translation>
    </message>
    <message>
        <source>%1 (layer %2) is already being edited in this window (process %3).</source>
        <translation>%1（图层 %2）已在本窗口中编辑（进程 %3）。</translation>
    </message>
    <message>
        <source>%1 cannot be edited: no lock file can be written beside it in %2.</source>
        <translation>%1 无法编辑：无法在 %2 中于其旁写入锁文件。</translation>
    </message>
    <message>
        <source>%1 is being edited by %2 (process %3 on %4) since %5; try again when it is saved and closed.</source>
        <translation>%1 正由 %2（%4 上的进程 %3）自 %5 起编辑；请待其保存并关闭后再试。</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>另一程序</translation>
    </message>
    <message>
        <source>cannot add the sheet %1</source>
        <translation>无法添加工作表 %1</translation>
    </message>
    <message>
        <source>cannot add a row to %1</source>
        <translation>无法向 %1 添加行</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>%1 says: %2</source>
        <translation>%1 提示：%2</translation>
    </message>
    <message>
        <source>the data lie within the area of use of %1, the CGCS2000 3° Gauss–Krüger zone of central meridian %2°E</source>
        <translation>数据位于 %1 的适用范围内（CGCS2000 3° 高斯-克吕格投影带，中央经线 %2°E）</translation>
    </message>
    <message>
        <source>the data lie within the area of use of %1, the WGS 84 UTM zone %2%3 of their centre</source>
        <translation>数据位于 %1 的适用范围内（数据中心所在的 WGS 84 UTM %2%3 带）</translation>
    </message>
    <message>
        <source>the data (%1° to %2° of longitude) cross the boundary of the standard zones; a transverse Mercator centred on them at %3° (%4) is used</source>
        <translation>数据（经度 %1° 至 %2°）跨越标准投影带的边界，改用以 %3° 为中央经线的横轴墨卡托投影（%4）</translation>
    </message>
    <message>
        <source>.cpg file</source>
        <translation>.cpg 文件</translation>
    </message>
    <message>
        <source>DBF language driver</source>
        <translation>DBF 语言驱动</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>set by user</source>
        <translation>用户指定</translation>
    </message>
    <message>
        <source>format (UTF-8)</source>
        <translation>格式规定（UTF-8）</translation>
    </message>
    <message>
        <source>its .cpg says %1, but the text is not valid %1</source>
        <translation>其 .cpg 声明为 %1，但文字不是有效的 %1</translation>
    </message>
    <message>
        <source>its .cpg names "%1", which is not an encoding Xiuhua knows</source>
        <translation>其 .cpg 写的是“%1”，这不是绣花认识的编码</translation>
    </message>
    <message>
        <source>its DBF header says %1 (language id 0x%2), but the text is not valid %1</source>
        <translation>其 DBF 文件头声明为 %1（语言标识 0x%2），但文字不是有效的 %1</translation>
    </message>
    <message>
        <source>%1 (layer %2)</source>
        <translation>%1（图层 %2）</translation>
    </message>
    <message>
        <source>%1, feature %2: %3</source>
        <translation>%1，要素 %2：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 features: %2 (e.g. features %3)</source>
        <translation>%1 个要素：%2（例如要素 %3）</translation>
    </message>
    <message>
        <source>there are no features to measure</source>
        <translation>没有可量算的要素</translation>
    </message>
    <message>
        <source>%1.%2: the change trigger cannot be installed (it needs the table's owner): %3</source>
        <translation>%1.%2：无法安装修改触发器（需要表的所有者权限）：%3</translation>
    </message>
    <message>
        <source>%1: the server cannot be reached: nothing answers at that host and port. Is the server running, is the address right, does a firewall let the port through? (%2)</source>
        <translation>%1：无法连接到服务器：该主机和端口无响应。服务器是否在运行？地址是否正确？防火墙是否放行该端口？（%2）</translation>
    </message>
    <message>
        <source>%1: the server has no database named "%2".</source>
        <translation>%1：服务器上没有名为“%2”的数据库。</translation>
    </message>
    <message>
        <source>%1: the server accepts user %2 only over SSL; set the SSL mode to require (or verify-full with the server's certificate).</source>
        <translation>%1：服务器只接受用户 %2 通过 SSL 连接；请将 SSL 模式设为 require（或使用服务器证书设为 verify-full）。</translation>
    </message>
    <message>
        <source>%1: SSL was required, but the server offers no SSL. Ask its administrator, or lower the SSL mode.</source>
        <translation>%1：要求使用 SSL，但服务器不提供 SSL。请联系其管理员，或降低 SSL 模式。</translation>
    </message>
    <message>
        <source>%1: the server's certificate did not verify against the root certificate given (sslrootcert): %2</source>
        <translation>%1：服务器证书未能通过所给根证书（sslrootcert）的校验：%2</translation>
    </message>
    <message>
        <source>%1: connected, but the database has no PostGIS extension; its administrator can add it with CREATE EXTENSION postgis.</source>
        <translation>%1：已连接，但该数据库没有 PostGIS 扩展；其管理员可用 CREATE EXTENSION postgis 添加。</translation>
    </message>
    <message>
        <source>%1: cannot connect: %2</source>
        <translation>%1：无法连接：%2</translation>
    </message>
    <message>
        <source>%1: out of memory while connecting.</source>
        <translation>%1：连接时内存不足。</translation>
    </message>
    <message>
        <source>%1: connected as %2 to PostgreSQL %3 with PostGIS %4%5.</source>
        <translation>%1：已以 %2 身份连接到 PostgreSQL %3，PostGIS %4%5。</translation>
    </message>
    <message>
        <source>, over SSL</source>
        <translation>，经 SSL</translation>
    </message>
    <message>
        <source>%1: the server refused the password of user %2. Correct it in ~/.pgpass or the service file.</source>
        <translation>%1：服务器拒绝了用户 %2 的密码。请在 ~/.pgpass 或服务文件中更正。</translation>
    </message>
    <message>
        <source>%1: the server asks for the password of user %2, and none was found in ~/.pgpass or the service file (pg_service.conf).</source>
        <translation>%1：服务器要求用户 %2 的密码，但在 ~/.pgpass 和服务文件（pg_service.conf）中均未找到。</translation>
    </message>
    <message>
        <source>The excavation rules need a tolerance, a shared length, months and years of 0 or more.</source>
        <translation>掘路规则的容差、共用长度、月数和年数须为 0 或以上。</translation>
    </message>
    <message>
        <source>Project %1 digs the road but has no planned start or end date.</source>
        <translation>项目 %1 需掘路，但没有计划开工或完工日期。</translation>
    </message>
    <message>
        <source>Project %1 ends (%2) before it starts (%3).</source>
        <translation>项目 %1 的完工日期（%2）早于开工日期（%3）。</translation>
    </message>
    <message>
        <source>The conflict check was cancelled.</source>
        <translation>冲突检查已取消。</translation>
    </message>
    <message>
        <source>No project %1 in the list.</source>
        <translation>清单中没有项目 %1。</translation>
    </message>
</context>
<context>
    <name>xiuhua::gis::detail</name>
    <message>
        <source>%1: the edits cannot be saved (%2); the file is as it was.</source>
        <translation>%1：无法保存编辑（%2）；文件保持原样。</translation>
    </message>
    <message>
        <source>GDAL cannot open it</source>
        <translation>GDAL 无法打开它</translation>
    </message>
    <message>
        <source>the layer is gone</source>
        <translation>图层已不存在</translation>
    </message>
    <message>
        <source>GDAL refused a change</source>
        <translation>GDAL 拒绝了一项修改</translation>
    </message>
    <message>
        <source>feature %1 is no longer in the file</source>
        <translation>要素 %1 已不在文件中</translation>
    </message>
    <message>
        <source>no room for new files beside it (read-only folder?)</source>
        <translation>无法在其旁边写入新文件（文件夹只读？）</translation>
    </message>
    <message>
        <source>GDAL could not write the new file (disk full?)</source>
        <translation>GDAL 无法写入新文件（磁盘已满？）</translation>
    </message>
    <message>
        <source>%1 cannot be replaced (is it open elsewhere, or read-only?)</source>
        <translation>%1 无法替换（是否在别处打开或为只读？）</translation>
    </message>
    <message>
        <source>%1 cannot be moved in</source>
        <translation>%1 无法移入</translation>
    </message>
    <message>
        <source>its encoding declaration (.cpg, .dbf header) cannot be copied to the new files</source>
        <translation>无法将其编码声明（.cpg、.dbf 文件头）复制到新文件</translation>
    </message>
    <message>
        <source>%1 would be %2 MB, over the 2 GB a shapefile file can hold; save the layer as a GeoPackage instead</source>
        <translation>%1 将达 %2 MB，超过 Shapefile 单个文件 2 GB 的上限；请改存为 GeoPackage</translation>
    </message>
    <message>
        <source>%1: the file cannot be opened to check its numbers.</source>
        <translation>%1：无法打开文件核对其中的数字。</translation>
    </message>
    <message>
        <source>line %1: "%2"</source>
        <translation>第 %1 行：“%2”</translation>
    </message>
    <message>
        <source>%1: field %2 writes numbers two ways — with thousands separators (%3) and with decimal commas (%4); which one "68,500" is cannot be told. Write the numbers one way (e.g. 68500 and 68.5) and open it again.</source>
        <translation>%1：字段 %2 的数字有两种写法——既有千分位分隔符（%3），又有小数逗号（%4），无法判断“68,500”是哪一种。请统一数字的写法（例如 68500 和 68.5）后重新打开。</translation>
    </message>
    <message>
        <source>%1: field %2: %3 values are written with thousands separators and were read so (%4 → %5).</source>
        <translation>%1：字段 %2：%3 个值带有千分位分隔符，已按此读取（%4 → %5）。</translation>
    </message>
    <message>
        <source>%1: field %2: %3 values are written with a decimal comma and were read so (%4 → %5).</source>
        <translation>%1：字段 %2：%3 个值使用小数逗号，已按此读取（%4 → %5）。</translation>
    </message>
    <message>
        <source>%1: field %2: %3 values are not numbers and were left empty (%4).</source>
        <translation>%1：字段 %2：%3 个值不是数字，已留空（%4）。</translation>
    </message>
    <message>
        <source>%1: its header has %2 columns but the layer %3 fields; its numbers could not be checked against the text.</source>
        <translation>%1：表头有 %2 列，而图层有 %3 个字段，无法对照原文核对其中的数字。</translation>
    </message>
    <message>
        <source>%1: the edits cannot be saved (%2); nothing was written to the table.</source>
        <translation>%1：无法保存编辑（%2）；未向该表写入任何内容。</translation>
    </message>
    <message>
        <source>the table is gone, or this user may no longer read it</source>
        <translation>该表已不存在，或该用户已无权读取</translation>
    </message>
    <message>
        <source>%1: feature %2 was deleted by another user after you read it.</source>
        <translation>%1：在您读取之后，要素 %2 已被其他用户删除。</translation>
    </message>
    <message>
        <source>%1: the server refused your change of feature %2 (row-level security: this user may not change that row). It is as you read it; nothing was overwritten.</source>
        <translation>%1：服务器拒绝了您对要素 %2 的修改（行级安全：该用户无权修改此行）。该行保持您读取时的状态；未覆盖任何内容。</translation>
    </message>
    <message>
        <source>%1: feature %2 was changed by another user after you read it.</source>
        <translation>%1：在您读取之后，要素 %2 已被其他用户修改。</translation>
    </message>
    <message>
        <source>the version read of feature %1 is unknown</source>
        <translation>要素 %1 读取时的版本未知</translation>
    </message>
    <message>
        <source>%1: the server refused your change of feature %2: %3</source>
        <translation>%1：服务器拒绝了您对要素 %2 的修改：%3</translation>
    </message>
    <message>
        <source>%1: the connection was lost while saving: %2. The server keeps nothing of a transaction it did not commit; your edits are kept here. Save again when the server is back.</source>
        <translation>%1：保存时连接断开：%2。服务器不会保留未提交事务的任何内容；您的编辑仍保留在本机。服务器恢复后请再次保存。</translation>
    </message>
</context>
<context>
    <name>xiuhua::indicators</name>
    <message>
        <source>%1: the connection of the shared indicator values cannot be read: %2</source>
        <translation>%1：无法读取共享指标值的连接：%2</translation>
    </message>
    <message>
        <source>%1: the project's indicator values are shared already (%2); stop sharing them first.</source>
        <translation>%1：项目的指标值已在共享（%2）；请先停止共享。</translation>
    </message>
    <message>
        <source>%1 holds %2 indicators and %3 values already: nothing was copied. Join it to use its values, or choose an empty schema.</source>
        <translation>%1 已有 %2 个指标和 %3 个指标值：未复制任何内容。请加入该模式以使用其中的值，或选择一个空模式。</translation>
    </message>
    <message>
        <source>%1 holds no indicator catalog: there is nothing to join. Copy a project's values there first.</source>
        <translation>%1 中没有指标目录：无可加入。请先将某个项目的指标值复制到该处。</translation>
    </message>
    <message>
        <source>%1: the values are on the server (%2), but the project could not be set to use them: %3. Join the schema to use them.</source>
        <translation>%1：指标值已在服务器上（%2），但无法将项目设为使用它们：%3。请加入该模式以使用。</translation>
    </message>
</context>
</TS>
