"""Writes a workbook of text cells (inline strings, stdlib only) for the import tests.

    echo '{"单位": [["单位名称", "单位类型"], ["县发改局", "县直部门"]]}' | python3 write_xlsx.py OUT.xlsx

Sheets in the JSON object's order; every cell is text. The writer is scripts/xlsx_writer.py,
shared with bench/land_gen.py.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import xlsx_writer  # noqa: E402


def main():
    sheets = json.loads(sys.stdin.read())
    text = {name: [["" if v is None else str(v) for v in row] for row in rows] for name, rows in sheets.items()}
    xlsx_writer.write_workbook(sys.argv[1], text)


if __name__ == "__main__":
    main()
