"""The PDF document the app writes (consent copies, documents, buddy sheets), on fpdf2.

Apart from :mod:`fieldwork_app.services.pdfs` so that fpdf2 (and fontTools under it) is imported only when a PDF
is made, not by every command that imports the services.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

_ASCII = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
    }
)


class Pdf(FPDF):
    """An A4 document in a Unicode font where one was found (``regular``), else Helvetica with the text
    folded to Latin-1."""

    def __init__(self, title: str, footer: str, regular: Path | None, bold: Path | None) -> None:
        super().__init__(format="A4")
        self._footer_text = footer
        self.unicode_font = regular is not None
        if regular is not None:
            self.add_font("DejaVu", "", str(regular))
            self.add_font("DejaVu", "B", str(bold if bold is not None and bold.is_file() else regular))
            self.family_name = "DejaVu"
        else:
            self.family_name = "Helvetica"
        self.set_title(self.t(title))
        self.set_creator("Fieldwork")
        self.set_auto_page_break(True, margin=18)
        self.set_margins(18, 16, 18)
        self.add_page()

    def t(self, text: object) -> str:
        s = str(text)
        if self.unicode_font:
            return s
        return s.translate(_ASCII).encode("latin-1", "replace").decode("latin-1")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family_name, "", 7)
        self.cell(0, 5, self.t(f"{self._footer_text}  -  page {self.page_no()}"), align="C")

    def heading(self, text: str, size: float = 13) -> None:
        self.set_font(self.family_name, "B", size)
        self.multi_cell(0, size * 0.5, self.t(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)

    def para(self, text: str, size: float = 10, bold: bool = False) -> None:
        self.set_font(self.family_name, "B" if bold else "", size)
        self.multi_cell(0, size * 0.5, self.t(text), new_x="LMARGIN", new_y="NEXT")

    def field(self, label: str, value: object, size: float = 10) -> None:
        self.set_font(self.family_name, "B", size)
        self.cell(48, size * 0.5, self.t(label))
        self.set_font(self.family_name, "", size)
        self.multi_cell(0, size * 0.5, self.t(value), new_x="LMARGIN", new_y="NEXT")

    def box(self, x: float, y: float, size: float = 5) -> None:
        self.rect(x, y, size, size)

    def render(self) -> bytes:
        return bytes(self.output())
