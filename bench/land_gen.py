#!/usr/bin/env python3
"""Generates N enterprises for the land-efficiency benchmark, as CSV and/or xlsx (stdlib only).

    python3 bench/land_gen.py N OUT.csv            # CSV
    python3 bench/land_gen.py N OUT.xlsx           # xlsx (shared strings, like Excel writes)

Deterministic (seeded). Every credit code is valid and unique; about 2 % of rows are excluded
industries, a few are vetoed/undetermined, some optional cells are empty.
"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
import xlsx_writer  # noqa: E402  (scripts/xlsx_writer.py, shared with tests/integration/write_xlsx.py)

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
VALUE = {c: i for i, c in enumerate(ALPHABET)}
HEADER = ["credit_code", "name", "county", "town", "industry_code", "above_scale", "land_mu", "tax",
          "revenue", "value_added", "energy_tce", "emission_eq", "rd_spend", "employees",
          "electricity_kwh", "bonus", "penalty", "veto", "undetermined"]
TEXT_COLUMNS = {0, 1, 2, 3, 4, 5, 17, 18}


def credit_code(i):
    body = []
    for _ in range(9):
        body.append(ALPHABET[i % 31])
        i //= 31
    code17 = "91371500" + "".join(reversed(body))
    s = sum(VALUE[c] * w for c, w in zip(code17, WEIGHTS))
    return code17 + ALPHABET[(31 - s % 31) % 31]


def rows(n):
    rng = random.Random(20240601)
    towns = ["新城街道", "古阳镇", "开发区", "刘集镇", "高集镇"]
    for i in range(n):
        above = rng.random() < 0.4
        land = round(rng.uniform(2, 300), 2)
        revenue = round(rng.uniform(500, 200000) if above else rng.uniform(10, 2000), 2)
        tax = round(revenue * rng.uniform(-0.01, 0.08), 2)
        industry = "44" + str(rng.randint(10, 99)) if rng.random() < 0.02 else str(rng.randint(1310, 4399))
        opt = lambda v, p=0.9: "" if rng.random() > p else v
        yield [
            credit_code(i * 7919 + 13), f"测试企业{i}有限公司", "东阿县", towns[i % 5], industry,
            "是" if above else "否", str(land), str(tax), str(revenue),
            opt(str(round(revenue * rng.uniform(0.15, 0.35), 2))),
            opt(str(round(rng.uniform(10, 20000), 2))),
            opt(str(round(rng.uniform(0.5, 500), 3)), 0.8),
            opt(str(round(revenue * rng.uniform(0, 0.05), 2)), 0.7),
            opt(str(rng.randint(5, 3000))),
            opt(str(rng.randint(10000, 50000000))),
            "" if rng.random() < 0.95 else "1",
            "" if rng.random() < 0.97 else "2",
            "是" if rng.random() < 0.01 else "",
            "是" if rng.random() < 0.02 else "",
        ]


def csv_field(v):
    if any(c in v for c in ',"\r\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


def write_csv(n, path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(HEADER) + "\n")
        for r in rows(n):
            f.write(",".join(csv_field(v) for v in r) + "\n")


def number(v):
    """A numeric column's text as the number it is (its cell is numeric, not text)."""
    return float(v) if any(c in v for c in ".eE") else int(v)


def write_xlsx(n, path):
    sheet = [HEADER] + [[v if c in TEXT_COLUMNS or v == "" else number(v) for c, v in enumerate(r)] for r in rows(n)]
    xlsx_writer.write_workbook(path, {"企业": sheet}, shared_strings=True)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    n, path = int(sys.argv[1]), sys.argv[2]
    (write_xlsx if path.endswith(".xlsx") else write_csv)(n, path)


if __name__ == "__main__":
    main()
