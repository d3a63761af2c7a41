#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""The demo project's value history (deterministic, seeded): data/demo/jiading-demo-values.csv.

For every indicator of the Jiading catalog that is entered (not computed from the map), a value for
2020 and for each year 2021–2025, as a department would have reported them:

- 2020: the plan's own baseline where the plan gives one (森林覆盖率 16.05 %, 海绵城市 20 %),
  with a note naming where the plan says so; otherwise an invented starting value.
- 2021–2025: invented values moving towards the target, some ahead, some behind.

Every invented value has source `synthetic` and the note "SYNTHETIC 示例数据，非官方": Xiuhua shows
them as examples and never as official figures. The 填报人 (author) are invented names, with the
department the plan makes responsible where it names one.

The spatial indicators (method spatial:…) are not in this file: the demo build computes them from
the map layers for every year (see jiading-demo.project.json, "compute").

Run from the repository root:  /usr/bin/python3 data/generate_demo_values.py
"""
import csv
import os
import random

SEED = 20261207
ROOT = os.path.dirname(os.path.abspath(__file__))
CATALOG = os.path.join(ROOT, "..", "resources", "catalogs", "jiading-14th-fyp.csv")
OUT = os.path.join(ROOT, "demo", "jiading-demo-values.csv")

SYNTHETIC_NOTE = "SYNTHETIC 示例数据，非官方"
PEOPLE = ["王芳", "李强", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄婷", "周杰", "吴霞", "徐亮", "孙悦"]
# Units counted up over the plan period (a cumulative level by 2025), as opposed to rates.
CUMULATIVE_UNITS = {"个", "条", "座", "处", "户", "根", "万户", "万平方米", "公里"}
# Targets the plan states per year ("每年至少创建1个示范街镇"): a yearly count, not a level.
YEARLY = {"JD14-23"}
# Indicators the plan gives no number for, with plausible invented ranges (start, 2025).
NO_TARGET = {"JD14-07": (35.0, 28.5), "JD14-24": (84.5, 89.0)}


def decimals(unit, value):
    if unit in ("个", "条", "座", "处", "户", "根"):
        return 0
    if unit == "%" or abs(value) >= 100:
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


def main():
    rng = random.Random(SEED)
    rows = []
    with open(CATALOG, encoding="utf-8") as f:
        catalog = list(csv.DictReader(f))
    years = [2021, 2022, 2023, 2024, 2025]
    for i, ind in enumerate(catalog):
        code, unit = ind["code"], ind["unit"]
        if ind["method"].startswith("spatial:"):
            continue
        person = PEOPLE[i % len(PEOPLE)]
        author = f"{person}（{ind['responsible']}）" if ind["responsible"] else person
        target = float(ind["target_value"]) if ind["target_value"] else None
        # How the indicator fares by 2025: mostly on its way, some ahead, some behind.
        outcome = rng.choices(["achieved", "on_track", "behind", "far_behind"], weights=[4, 4, 2, 1])[0]
        reach = {"achieved": rng.uniform(1.0, 1.04), "on_track": rng.uniform(0.93, 0.99),
                 "behind": rng.uniform(0.78, 0.88), "far_behind": rng.uniform(0.55, 0.7)}[outcome]
        plan_baseline = ind["baseline_year"] == "2020" and ind["baseline_value"] != ""
        if code in NO_TARGET:
            start, end = NO_TARGET[code]
        elif code in YEARLY:
            start, end = None, None
        elif unit in CUMULATIVE_UNITS:
            start = 0.0 if not plan_baseline else float(ind["baseline_value"])
            end = target * reach
        else:  # a rate: from somewhat below the target towards it
            start = float(ind["baseline_value"]) if plan_baseline else target * rng.uniform(0.72, 0.93)
            end = min(100.0, start + (target - start) * reach) if unit == "%" else start + (target - start) * reach
        if code in YEARLY:
            series = [(2020, 1.0)] + [(y, float(rng.choice([1, 1, 2]))) for y in years]
        else:
            series = [(2020, start)] + list(zip(years, path_values(rng, start, end, years)))
        for year, value in series:
            value = round(value, decimals(unit, value))
            if year == 2020 and plan_baseline:  # the plan's figure, as written
                rows.append([code, year, "", "", ind["baseline_value"], unit, "规划文本",
                             f"规划基期值（{ind['plan_ref']}）", "", "entered"])
            else:
                rows.append([code, year, "", "", f"{value:g}", unit, author, SYNTHETIC_NOTE, "", "synthetic"])
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "year", "month", "subunit", "value", "unit", "author", "note", "level", "source"])
        w.writerows(rows)
    print(f"wrote {OUT}: {len(rows)} values")


if __name__ == "__main__":
    main()
