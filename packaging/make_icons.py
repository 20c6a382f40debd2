"""Derive the app icons from ``packaging/icons/fieldwork.svg`` at build time.

Writes ``packaging/generated/fieldwork.png`` (512 px), ``fieldwork.ico`` (Windows, 16-256 px) and
``fieldwork.icns`` (macOS).  The SVG is rendered by Qt's SVG module (already a dependency of the app) and the
container formats are written by Pillow, so no binary is kept in git.

    python packaging/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "icons" / "fieldwork.svg"
OUT = HERE / "generated"


def render_png(size: int, out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out)):
        raise SystemExit(f"make_icons: cannot write {out}")


def main() -> int:
    from PIL import Image

    OUT.mkdir(exist_ok=True)
    png = OUT / "fieldwork.png"
    big = OUT / "fieldwork-1024.png"
    render_png(512, png)
    render_png(1024, big)
    with Image.open(big) as im:
        im = im.convert("RGBA")
        im.save(OUT / "fieldwork.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128),
                                               (256, 256)])
        im.save(OUT / "fieldwork.icns")
    for name in ("fieldwork.png", "fieldwork.ico", "fieldwork.icns"):
        print(f"make_icons: {OUT / name} ({(OUT / name).stat().st_size} bytes)")  # noqa: T201 - a build tool
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
