#!/usr/bin/env python3
"""Generates N enterprises for the land-efficiency benchmark, as CSV and/or xlsx (stdlib only).

    python3 bench/land_gen.py N OUT.csv            # CSV
    python3 bench/land_gen.py N OUT.xlsx           # xlsx (shared strings, like Excel writes)

Deterministic (seeded). Every credit code is valid and unique; about 2 % of rows are excluded
industries, a few are vetoed/undetermined, some optional cells are empty.
"""
import random
import sys
import zipfile
from xml.sax.saxutils import escape

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


def col_name(c):
    s = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def write_xlsx(n, path):
    strings, index = [], {}

    def sst(v):
        if v not in index:
            index[v] = len(strings)
            strings.append(v)
        return index[v]

    cols = [col_name(c) for c in range(len(HEADER))]
    sheet = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate([HEADER] + list(rows(n)), start=1):
        cells = []
        for c, v in enumerate(row):
            if v == "":
                continue
            ref = f"{cols[c]}{r}"
            if c in TEXT_COLUMNS or r == 1:
                cells.append(f'<c r="{ref}" t="s"><v>{sst(v)}</v></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
        sheet.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    sheet.append("</sheetData></worksheet>")
    sst_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" '
               f'uniqueCount="{len(strings)}">' + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    main = "http://schemas.openxmlformats.org"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("[Content_Types].xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{main}/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{main}/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{main}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                   '</Relationships>')
        z.writestr("xl/workbook.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}/spreadsheetml/2006/main" '
                   f'xmlns:r="{main}/officeDocument/2006/relationships"><sheets>'
                   '<sheet name="企业" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{main}/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{main}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                   f'<Relationship Id="rId2" Type="{main}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                   '</Relationships>')
        z.writestr("xl/sharedStrings.xml", sst_xml)
        z.writestr("xl/worksheets/sheet1.xml", "".join(sheet))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    n, path = int(sys.argv[1]), sys.argv[2]
    (write_xlsx if path.endswith(".xlsx") else write_csv)(n, path)


if __name__ == "__main__":
    main()
