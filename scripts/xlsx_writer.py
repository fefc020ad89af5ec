"""A minimal .xlsx writer (stdlib only), shared by the test and benchmark generators:
tests/integration/write_xlsx.py (the import tests' workbooks) and bench/land_gen.py (the
land-efficiency benchmark's enterprises).

    import xlsx_writer
    xlsx_writer.write_workbook("out.xlsx", {"单位": [["单位名称", "单位类型"], ["县发改局", "县直部门"]]})

A cell is text (str), a number (int or float: a numeric cell), or empty ("" or None: no cell).
Sheets in the dict's order. Text goes inline (<is>) unless shared_strings is set, then into
xl/sharedStrings.xml as Excel itself writes it.
"""
import zipfile
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


def column(i):
    """The letters of the 0-based column i: 0 → A, 26 → AA."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


class _Strings:
    """The shared-string table: each distinct text once, in the order first met."""

    def __init__(self):
        self.items, self.index = [], {}

    def __call__(self, v):
        if v not in self.index:
            self.index[v] = len(self.items)
            self.items.append(v)
        return self.index[v]

    def xml(self):
        n = len(self.items)
        return (_HEAD + f'<sst xmlns="{MAIN}/spreadsheetml/2006/main" count="{n}" uniqueCount="{n}">'
                + "".join(f"<si><t>{escape(s)}</t></si>" for s in self.items) + "</sst>")


def _cell(ref, v, strings):
    if isinstance(v, bool):
        v = "1" if v else "0"
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"><v>{v}</v></c>'
    if strings is not None:
        return f'<c r="{ref}" t="s"><v>{strings(str(v))}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(v))}</t></is></c>'


def sheet_xml(rows, strings=None):
    """A worksheet of `rows` (lists of cells); `strings` collects the texts when shared."""
    out = [_HEAD, f'<worksheet xmlns="{MAIN}/spreadsheetml/2006/main"><sheetData>']
    cols = []
    for r, row in enumerate(rows, start=1):
        while len(cols) < len(row):
            cols.append(column(len(cols)))
        cells = "".join(_cell(f"{cols[c]}{r}", v, strings) for c, v in enumerate(row) if v is not None and v != "")
        out.append(f'<row r="{r}">{cells}</row>')
    out.append("</sheetData></worksheet>")
    return "".join(out)


def write_workbook(path, sheets, shared_strings=False):
    """Writes `sheets` ({name: rows}) as the workbook `path`."""
    names = list(sheets)
    strings = _Strings() if shared_strings else None
    parts = [sheet_xml(sheets[n], strings) for n in names]
    sheet_rels = "".join(f'<Relationship Id="rId{i + 1}" Type="{MAIN}/officeDocument/2006/relationships/worksheet" '
                         f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(names)))
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="{_SHEET_TYPE}"/>'
                        for i in range(len(names)))
    if strings is not None:
        sheet_rels += (f'<Relationship Id="rId{len(names) + 1}" Type="{MAIN}/officeDocument/2006/relationships/'
                       'sharedStrings" Target="sharedStrings.xml"/>')
        overrides += ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("[Content_Types].xml",
                   _HEAD + f'<Types xmlns="{MAIN}/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" '
                   'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   + overrides + "</Types>")
        z.writestr("_rels/.rels",
                   _HEAD + f'<Relationships xmlns="{MAIN}/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{MAIN}/officeDocument/2006/relationships/officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml",
                   _HEAD + f'<workbook xmlns="{MAIN}/spreadsheetml/2006/main" '
                   f'xmlns:r="{MAIN}/officeDocument/2006/relationships"><sheets>'
                   + "".join(f'<sheet name="{escape(n)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                             for i, n in enumerate(names))
                   + "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels",
                   _HEAD + f'<Relationships xmlns="{MAIN}/package/2006/relationships">' + sheet_rels
                   + "</Relationships>")
        if strings is not None:
            z.writestr("xl/sharedStrings.xml", strings.xml())
        for i, part in enumerate(parts):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", part)
