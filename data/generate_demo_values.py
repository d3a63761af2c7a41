#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""The demo projects' value histories (deterministic, seeded):

    data/demo/jiading-demo-values.csv       (Jiading, catalog resources/catalogs/jiading-14th-fyp.csv)
    data/demo-putuo/putuo-demo-values.csv   (Putuo, catalog resources/catalogs/putuo-14th-fyp.csv)

For every indicator of a demo's catalog that the demo project does not compute from its map, a
value for 2020 and for each year 2021–2025, as a department would have reported them:

- 2020: the plan's own baseline where the plan gives one (a `baseline_value` for 2020), with a note
  naming where the plan says so; otherwise an invented starting value.
- 2021–2025: invented values moving towards the target, some ahead, some behind.

What a value means follows the catalog's `target_kind` (README of resources/catalogs):
`level` — a level (a rate, a density, a stock); `period_total` — the running total since the
plan period's start (0 before it); `annual` — that year's increment; `yearly_count` — that year's
count. A catalog without the column is read as before it existed (units counted up are totals,
JD14-23 is a yearly count, everything else a level).

Every invented value has source `synthetic` and the note "SYNTHETIC 示例数据，非官方": Xiuhua shows
them as examples and never as official figures. The 填报人 (author) are invented names, with the
department the plan makes responsible where it names one.

The indicators the demo project computes (the codes of its spec's "metrics": its spatial
bindings) are not in the file: the demo build computes them from the map layers for every year.
A spatial row of the catalog that the project does not bind gets entered values like any other,
so that the demo still shows its history. The rows draw their random numbers from one stream in
catalog order (a computed row draws none), as the first version of this script did, so the values
of the rows before a changed one stay as they were.

Run from the repository root:  /usr/bin/python3 data/generate_demo_values.py [jiading|putuo]
(both demos without an argument).
"""
import csv
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
CATALOGS = os.path.join(ROOT, "..", "resources", "catalogs")

SYNTHETIC_NOTE = "SYNTHETIC 示例数据，非官方"
PEOPLE = ["王芳", "李强", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄婷", "周杰", "吴霞", "徐亮", "孙悦"]
# Units counted up over the plan period (a cumulative level by 2025), as opposed to rates: how a
# catalog without target_kind is read.
CUMULATIVE_UNITS = {"个", "条", "座", "处", "户", "根", "万户", "万平方米", "公里"}
WHOLE_UNITS = {"个", "条", "座", "处", "户", "根", "名", "棵", "项", "人", "辆", "次", "天"}
YEARS = [2021, 2022, 2023, 2024, 2025]


def decimals(unit, value):
    if unit in WHOLE_UNITS:
        return 0
    if (unit == "%" and abs(value) >= 10) or abs(value) >= 100:
        return 1
    return 2


def path_values(rng, start, end, years):
    """Values from start (2020) towards end (2025), with a little noise, never backwards."""
    out = []
    previous = start
    for i, _ in enumerate(years):
        t = (i + 1) / len(years)
        ideal = start + (end - start) * (t ** rng.uniform(0.8, 1.3))
        v = ideal + (end - start) * rng.uniform(-0.04, 0.04)
        v = max(v, previous) if end >= start else min(v, previous)
        out.append(v)
        previous = v
    out[-1] = end
    return out


def target_kind(ind, yearly_codes):
    """The row's target_kind; for a catalog written before the column, what the old rules gave."""
    kind = (ind.get("target_kind") or "").strip()
    if kind:
        return kind
    if ind["code"] in yearly_codes:
        return "yearly_count"
    return "period_total" if ind["unit"] in CUMULATIVE_UNITS else "level"


def period_start(ind):
    period = (ind.get("plan_period") or "").strip()
    return int(period.split("-")[0]) if period else 2021


def bound_codes(project_spec):
    with open(project_spec, encoding="utf-8") as f:
        return set(json.load(f).get("metrics", {}))


def write_values(catalog, project_spec, out, seed, no_target=None, yearly_codes=()):
    """Writes out: the value history of every row of catalog that project_spec does not bind.
    no_target: {code: (start, 2025 value)} for the rows the plan gives no number for (a row
    without a target and without an entry here is left out, with a warning)."""
    no_target = no_target or {}
    rng = random.Random(seed)
    rows = []
    computed = bound_codes(project_spec)
    with open(catalog, encoding="utf-8") as f:
        indicators = list(csv.DictReader(f))
    skipped = []
    for i, ind in enumerate(indicators):
        code, unit = ind["code"], ind["unit"]
        if code in computed:   # the demo build computes it (and it draws no random number)
            continue
        kind = target_kind(ind, yearly_codes)
        target = float(ind["target_value"]) if ind["target_value"] else None
        target_max = float(ind["target_max"]) if ind.get("target_max") else None
        lower = ind["direction"] == "lower"
        # How the indicator fares by 2025: mostly on its way, some ahead, some behind.
        outcome = rng.choices(["achieved", "on_track", "behind", "far_behind"], weights=[4, 4, 2, 1])[0]
        reach = {"achieved": rng.uniform(1.0, 1.04), "on_track": rng.uniform(0.93, 0.99),
                 "behind": rng.uniform(0.78, 0.88), "far_behind": rng.uniform(0.55, 0.7)}[outcome]
        plan_baseline = ind["baseline_year"] == "2020" and ind["baseline_value"] != ""
        series = None
        if code in no_target:
            start, end = no_target[code]
        elif target is None:
            start = end = None
        elif kind == "yearly_count":
            start = end = None
            base = round(target)
            series = [(2020, float(base))] + [(y, float(rng.choice([base, base, base + 1]))) for y in YEARS]
        elif kind == "annual":   # each year's increment, within the plan's range, some years short
            start = end = None
            hi = target_max if target_max is not None else target * 1.3
            series = [(y, rng.uniform(target, hi) * min(1.0, reach + rng.uniform(-0.05, 0.1)))
                      for y in [2020] + YEARS]
        elif kind == "period_total":
            start = 0.0 if not plan_baseline else float(ind["baseline_value"])
            end = target * reach
        elif lower:   # a level to bring down: from somewhat above the target towards it
            start = float(ind["baseline_value"]) if plan_baseline else target * rng.uniform(1.08, 1.39)
            end = start - (start - target) * reach
        else:  # a level: from somewhat below the target towards it
            start = float(ind["baseline_value"]) if plan_baseline else target * rng.uniform(0.72, 0.93)
            end = min(100.0, start + (target - start) * reach) if unit == "%" else start + (target - start) * reach
        if series is None and start is not None:
            series = [(2020, start)] + list(zip(YEARS, path_values(rng, start, end, YEARS)))
            if kind == "period_total":   # nothing done before the period starts
                series = [(y, 0.0 if y < period_start(ind) and not plan_baseline else v) for y, v in series]
        if series is None:
            skipped.append(code)
            continue
        person = PEOPLE[i % len(PEOPLE)]
        author = f"{person}（{ind['responsible']}）" if ind["responsible"] else person
        for year, value in series:
            value = round(value, decimals(unit, value))
            if year == 2020 and plan_baseline:  # the plan's figure, as written
                rows.append([code, year, "", "", ind["baseline_value"], unit, "规划文本",
                             f"规划基期值（{ind['plan_ref']}）", "", "entered"])
            else:
                rows.append([code, year, "", "", f"{value:g}", unit, author, SYNTHETIC_NOTE, "", "synthetic"])
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "year", "month", "subunit", "value", "unit", "author", "note", "level", "source"])
        w.writerows(rows)
    print(f"wrote {os.path.relpath(out)}: {len(rows)} values; computed by the project, not written: "
          f"{', '.join(sorted(computed)) or '—'}")
    if skipped:
        print(f"  warning: no target and no invented range, left out: {', '.join(skipped)}")


def jiading():
    write_values(
        catalog=os.path.join(CATALOGS, "jiading-14th-fyp.csv"),
        project_spec=os.path.join(ROOT, "demo", "jiading-demo.project.json"),
        out=os.path.join(ROOT, "demo", "jiading-demo-values.csv"),
        seed=20261207,
        # Indicators the plan gives no number for, with plausible invented ranges (start, 2025).
        no_target={"JD14-07": (35.0, 28.5), "JD14-24": (84.5, 89.0)},
        # Targets the plan states per year ("每年至少创建1个示范街镇"), for a catalog without target_kind.
        yearly_codes={"JD14-23"})


def putuo():
    write_values(
        catalog=os.path.join(CATALOGS, "putuo-14th-fyp.csv"),
        project_spec=os.path.join(ROOT, "demo-putuo", "putuo-demo.project.json"),
        out=os.path.join(ROOT, "demo-putuo", "putuo-demo-values.csv"),
        seed=20261208,
        # The plan's qualitative targets (力争前三, 完成市下达指标, 达标 …), with invented numbers
        # (start, 2025) in the row's unit; ranks (名) are lower-is-better.
        no_target={"PT14-03": (5.0, 3.0), "PT14-04": (8.0, 5.0), "PT14-07": (12.0, 7.0),
                   "PT14-08": (86.5, 89.0), "PT14-11": (5.0, 4.0), "PT14-13": (95.0, 100.0),
                   "PT14-15": (3.12, 3.18), "PT14-23": (0.0, 2600.0), "PT14-24": (62.0, 100.0),
                   "PT14-25": (93.0, 98.5)})


DEMOS = {"jiading": jiading, "putuo": putuo}


def main(argv):
    for name in argv or list(DEMOS):
        DEMOS[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
