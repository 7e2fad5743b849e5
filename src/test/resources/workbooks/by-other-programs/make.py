"""Writes the shot lists in this folder with the programs producers' scripts use, not with POI.

Run it again after changing it (Python 3 with openpyxl, pandas and xlsxwriter; LibreOffice's soffice for the
libreoffice-* files):
    python3 make.py
The workbooks are checked in, so the tests need no Python. What each one is, is said where it is written.
"""
import pandas as pd
from openpyxl import Workbook

ACTIONS = [
    "A courier in a yellow raincoat walks four steps to the kiosk, pauses, and lifts the paper in the final second",
    "The courier turns her head toward the tram bell and steps back onto the kerb as the tram passes",
    "She folds the paper under her arm, checks her watch once, and walks out of frame to the left",
]
CAMERA = "Medium shot, 35mm lens, slow dolly-in at walking pace"
SETTING = "A rainy tram stop in Lisbon at dusk"
LIGHT = "Warm kiosk light, cool blue dusk, wet reflections; palette amber, teal, slate"


def script_formulas():
    """openpyxl: the shot list on a sheet named 'Plans' under a title row; Shot, Seconds and Setting are
    formulas with no saved result (openpyxl never computes them); the Setting pulls from another sheet."""
    wb = Workbook()
    plans = wb.active
    plans.title = "Plans"
    plans.append(["Episode 2 - Tram stop (written by a script)"])
    plans.append(["Sequence", "Shot", "Subject & Action", "Camera & Movement", "Setting & Time",
                  "Lighting & Palette", "Seconds"])
    for i, action in enumerate(ACTIONS):
        r = i + 3
        plans.append(["Tram", f'="TR-"&TEXT(ROW()-2,"00")', action, CAMERA, "=Locations!B2",
                      LIGHT, "=2*2"])
    loc = wb.create_sheet("Locations")
    loc.append(["Place", "Description"])
    loc.append(["Tram stop", SETTING])
    wb.save("script-formulas.xlsx")


def unsupported_formula():
    """openpyxl: like script-formulas, but one Seconds cell calls a function POI cannot compute (WEBSERVICE)."""
    wb = Workbook()
    plans = wb.active
    plans.title = "Shots"
    plans.append(["Sequence", "Shot", "Subject & Action", "Seconds"])
    plans.append(["Tram", "TR-01", ACTIONS[0], "=2*2"])
    plans.append(["Tram", "TR-02", ACTIONS[1], '=WEBSERVICE("http://example.invalid/seconds")'])
    wb.save("unsupported-formula.xlsx")


def sheet_per_sequence():
    """pandas (openpyxl engine): one sheet per sequence, no Sequence column; a Characters sheet whose headers
    are 'Character' and 'Visual anchors', and a style sheet named 'Look book' with field/value rows."""
    with pd.ExcelWriter("sheet-per-sequence.xlsx", engine="openpyxl") as xw:
        for seq, prefix in (("Tram stop", "TS"), ("Rooftop", "RT")):
            pd.DataFrame({
                "Shot #": [f"{prefix}-{i + 1:02d}" for i in range(len(ACTIONS))],
                "Action": ACTIONS,
                "Camera": [CAMERA] * len(ACTIONS),
                "Duration (s)": [4, 8, 4],
            }).to_excel(xw, sheet_name=seq, index=False)
        pd.DataFrame({
            "Character": ["Courier"],
            "Visual anchors": ["a woman in her thirties with a yellow raincoat, a green canvas satchel and silver hoop earrings"],
        }).to_excel(xw, sheet_name="People", index=False)
        pd.DataFrame({
            "Field": ["Lens", "Film stock", "Palette anchors"],
            "Value": ["35mm spherical", "Kodak Vision3 500T", "amber, teal, slate"],
        }).to_excel(xw, sheet_name="Look book", index=False)


def unreadable_side_sheet():
    """xlsxwriter: a good shot list on 'Sheet1' and a 'Characters' sheet that is a free-form note, not a table."""
    import xlsxwriter
    wb = xlsxwriter.Workbook("unreadable-side-sheet.xlsx")
    shots = wb.add_worksheet("Sheet1")
    shots.write_row(0, 0, ["Sequence", "Shot", "Subject & Action", "Seconds"])
    for i, action in enumerate(ACTIONS):
        shots.write_row(i + 1, 0, ["Tram", f"TR-{i + 1:02d}", action, 4])
    chars = wb.add_worksheet("Characters")
    chars.write(0, 0, "Cast to be confirmed by Friday - ask Dana")
    chars.write(2, 1, "maybe the courier is older?")
    wb.close()


def two_equal_candidates():
    """openpyxl: 'Shots' and 'Shots (old)' with the same header: a question, not a guess."""
    wb = Workbook()
    for title in ("Shots", "Shots (old)"):
        ws = wb.active if title == "Shots" else wb.create_sheet(title)
        ws.title = title
        ws.append(["Sequence", "Shot", "Subject & Action", "Seconds"])
        ws.append(["Tram", "TR-01", ACTIONS[0], 4])
    wb.save("two-equal-candidates.xlsx")


def saved_by_libreoffice():
    """LibreOffice Calc (headless) opens two of the workbooks above and saves them again as .xlsx, the way a
    producer who opens a script's output and saves it does: formulas now carry their results, and the file is
    LibreOffice's own (its styles, its shared strings). Skipped when soffice is not installed."""
    import os
    import shutil
    import subprocess
    import tempfile
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not found: the libreoffice-*.xlsx files are left as they are")
        return
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([soffice, "--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out,
                        "script-formulas.xlsx", "sheet-per-sequence.xlsx"], check=True, timeout=300)
        for name in ("script-formulas.xlsx", "sheet-per-sequence.xlsx"):
            shutil.move(os.path.join(out, name), "libreoffice-" + name)


if __name__ == "__main__":
    script_formulas()
    unsupported_formula()
    sheet_per_sequence()
    unreadable_side_sheet()
    two_equal_candidates()
    saved_by_libreoffice()
