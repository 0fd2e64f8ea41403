"""Pages and files an edition adds to the site that have no Markdown file of their own
(teacher packs, Braille editions, the practice test, scenario gamebooks): one MkDocs ``File``
with what mkdocs-static-i18n gives its own files, so our hooks and the plugin treat it alike."""
from __future__ import annotations


def site_file(config, lang: str, rel: str, dest_uri: str, content, page: bool = True,
              text_lang: str | None = None):
    """A generated file of language folder ``lang`` at ``rel`` (path inside the folder), written to
    ``dest_uri``. ``page``: a Markdown page kept out of the menu; otherwise a download copied as it
    is. ``text_lang``: the language its text is in, when not ``lang`` (a Kazakh Braille edition
    shown under /ru/)."""
    from mkdocs.structure.files import File, InclusionLevel

    kwargs = {"inclusion": InclusionLevel.NOT_IN_NAV} if page else {}
    file = File.generated(config, f"{lang}/{rel}", content=content, **kwargs)
    file.dest_uri = dest_uri
    file.locale = file.localization = text_lang or lang
    file.locale_alternate_of = lang
    file.norm_src_uri = rel
    file.alternates = {lang: file}
    file.zb_generated = True
    return file


def release(files) -> None:
    """Drop the content of the generated files in ``files`` once MkDocs has used it: it reads a page's
    source before the first template is rendered and copies the downloads just before that (so
    call this from ``on_template_context``). mkdocs-static-i18n keeps every
    language's pages to the end of the build; without this their sources (Braille previews, teacher
    pages) and the downloads (BRF, TXT, QR codes) stay in memory until then."""
    for file in files:
        if getattr(file, "zb_generated", False) and file._content is not None:
            file._content = b"" if isinstance(file._content, bytes) else ""
