# Sourced by tools/setup, build, serve, test, check: which engine builds the site.
#   ZB_ENGINE=mkdocs (default)  MkDocs 1.6.1,      venv .venv,            lock requirements.txt
#   ZB_ENGINE=properdocs        ProperDocs 1.6.7,  venv .venv-properdocs, lock requirements-properdocs.txt
# hooks/site/engine.py reads the same variable for the commands Python runs (build, tests, bench).
case "${ZB_ENGINE:-mkdocs}" in
  mkdocs)     ZB_VENV=.venv;            ZB_REQUIREMENTS=requirements.txt ;;
  properdocs) ZB_VENV=.venv-properdocs; ZB_REQUIREMENTS=requirements-properdocs.txt ;;
  *) echo "ZB_ENGINE must be mkdocs or properdocs, not '${ZB_ENGINE}'" >&2; exit 2 ;;
esac
export ZB_ENGINE="${ZB_ENGINE:-mkdocs}"
