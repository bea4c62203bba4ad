#!/usr/bin/env python3
"""The values table of helm/coregate/README.md, generated from values.yaml (key, default, trailing comment).

usage: helm_values_table.py CHART_DIR [--write]   (without --write: exit 1 when the README's table is stale)
"""
import re
import sys

MARK = "| key | default | notes |"


def table(values_path):
    stack, rows = [], [MARK, "|---|---|---|"]
    for line in open(values_path).read().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^( *)([A-Za-z0-9_.-]+):(.*)$", line)
        if not m:
            continue
        stack = stack[:len(m.group(1)) // 2] + [m.group(2)]
        value, _, comment = m.group(3).partition(" #")
        if value.strip():
            rows.append("| `%s` | `%s` | %s |" % (".".join(stack), value.strip().replace("|", "\\|"), comment.strip().replace("|", "\\|")))
    return "\n".join(rows) + "\n"


def main():
    chart = sys.argv[1]
    readme_path = chart + "/README.md"
    readme = open(readme_path).read()
    fresh = readme[:readme.index(MARK)] + table(chart + "/values.yaml")
    if "--write" in sys.argv:
        open(readme_path, "w").write(fresh)
    elif fresh != readme:
        print(f"FAIL: the values table in {readme_path} is stale: run python3 .ci/helm_values_table.py {chart} --write", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
