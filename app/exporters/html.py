"""HTML renderer: the Jinja2 template in resources/templates, autoescaped, self-contained
(images as data URIs, the chart as inline SVG). It also serves the GUI's preview."""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from app.export.images import ImageSource
from app.export.model import (
    Attachment,
    Block,
    BulletList,
    ExportDocument,
    Fields,
    Figure,
    Heading,
    Image,
    PageRef,
    Paragraph,
    SignatureLines,
    StatusMark,
    Table,
    TableOfContents,
)
from app.exporters.drawing import to_png, to_svg
from app.resources import resource_path

#: Width of a figure in the preview when it is drawn as a picture.
FIGURE_PIXELS = 640


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(resource_path("templates"))),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _cell(value: object) -> Markup:
    if isinstance(value, PageRef):
        return Markup('<td><a href="#{}">{}</a></td>').format(value.anchor, value.text)
    if isinstance(value, StatusMark):
        return Markup('<td class="status-{}">{}</td>').format(value.status.value, value.text)
    return Markup("<td>{}</td>").format(value)


def _fields(rows: tuple[tuple[str, str], ...], css: str) -> Markup:
    body = Markup("").join(
        Markup('<tr><td class="label">{}</td><td>{}</td></tr>').format(label, value)
        for label, value in rows
    )
    return Markup('<table class="fields {}">{}</table>').format(css, body)


def _renderer(
    document: ExportDocument,
    images: ImageSource,  # type: ignore[no-untyped-def]
    raster_charts: bool = False,
):
    def figure(picture: Markup, caption: str) -> Markup:
        if raster_charts:  # Qt's text browser knows no <figure>: it would run into the text
            return Markup(
                '<p align="center">{}</p><p class="caption" align="center">{}</p>'
            ).format(picture, caption)
        return Markup("<figure>{}<figcaption>{}</figcaption></figure>").format(picture, caption)

    def render(block: Block) -> Markup:
        if isinstance(block, Paragraph):
            return Markup('<p class="{}">{}</p>').format(block.style, block.text)
        if isinstance(block, Heading):
            level = min(block.level, 3)
            return Markup('<h{0} id="{1}">{2}</h{0}>').format(level, block.anchor, block.text)
        if isinstance(block, BulletList):
            items = Markup("").join(Markup("<li>{}</li>").format(item) for item in block.items)
            return Markup("<ul>{}</ul>").format(items)
        if isinstance(block, Fields):
            return _fields(block.rows, "")
        if isinstance(block, SignatureLines):
            return _fields(block.rows, "signature")
        if isinstance(block, Table):
            head = Markup("").join(Markup("<th>{}</th>").format(h) for h in block.header)
            row_class = Markup(' class="tall"') if block.min_row_height else Markup("")
            anchors = list(block.anchors) + [""] * (len(block.rows) - len(block.anchors))
            rows = Markup("").join(
                Markup("<tr{}{}>{}</tr>").format(
                    row_class,
                    Markup(' id="{}"').format(anchor) if anchor else "",
                    Markup("").join(_cell(v) for v in row),
                )
                for row, anchor in zip(block.rows, anchors, strict=True)
            )
            caption = Markup("<caption>{}</caption>").format(block.caption) if block.caption else ""
            total = sum(block.widths)
            columns = Markup("").join(
                Markup('<col style="width: {:.1f}%">').format(100 * width / total)
                for width in block.widths
            )
            return Markup(
                "<table>{}<colgroup>{}</colgroup><thead><tr>{}</tr></thead>"
                "<tbody>{}</tbody></table>"
            ).format(caption, columns, head, rows)
        if isinstance(block, Figure):
            shapes = list(block.shapes)
            if raster_charts:  # for viewers without SVG, such as Qt's text browser
                scale = FIGURE_PIXELS / block.width
                png = to_png(shapes, block.width, block.height, scale)
                picture = Markup('<img src="data:image/png;base64,{}" alt="{}" width="{}">').format(
                    base64.b64encode(png).decode("ascii"), block.alt_text, FIGURE_PIXELS
                )
            else:  # text is escaped in to_svg
                picture = Markup(to_svg(shapes, block.width, block.height, block.alt_text))
            return figure(picture, block.alt_text)
        if isinstance(block, Image):
            data = images(block.sha256)
            if data is None:
                return Markup('<p class="muted">{}: this image could not be read.</p>').format(
                    block.caption
                )
            kind = "png" if data.data.startswith(b"\x89PNG") else "jpeg"
            source = f"data:image/{kind};base64,{base64.b64encode(data.data).decode('ascii')}"
            picture = Markup('<img src="{}" alt="{}" width="{}" height="{}">').format(
                source, block.alt_text, data.width, data.height
            )
            if block.anchor:
                return Markup('<div id="{}">{}</div>').format(
                    block.anchor, figure(picture, block.caption)
                )
            return figure(picture, block.caption)
        if isinstance(block, Attachment):
            pieces = Markup("").join(
                Markup('<p class="small">{}</p>').format(piece) for piece in block.pieces
            )
            return Markup('<h3 id="{}">{}</h3><p class="small">{}</p>{}').format(
                block.anchor, block.title, block.note, pieces
            )
        if isinstance(block, TableOfContents):
            entries = Markup("").join(
                Markup('<li class="level-{}"><a href="#{}">{}</a></li>').format(level, anchor, text)
                for level, text, anchor in document.headings()
                if level <= 2
            )
            return Markup('<nav class="contents"><ol>{}</ol></nav>').format(entries)
        raise TypeError(f"cannot render {type(block).__name__}")

    return render


def render_html_text(
    document: ExportDocument, images: ImageSource, raster_charts: bool = False
) -> str:
    template = _environment().get_template("portfolio.html.j2")
    return template.render(doc=document, render=_renderer(document, images, raster_charts))


def render_html(document: ExportDocument, target: Path, images: ImageSource) -> None:
    """Write ``document`` as one self-contained HTML file at ``target``."""
    target.write_text(render_html_text(document, images), encoding="utf-8")
