"""Write a notebook from a plain-text source: cells separated by lines `# %% [markdown]` or `# %%` (a code cell).
Used to draft new notebooks quickly; the .ipynb it writes is the source of truth afterwards (edit it in Jupyter)."""
import json, sys, re
from pathlib import Path

def cells_from_text(text:str) -> list:
    "Split `text` at `# %%` markers into notebook cells (markdown when the marker says so)."
    cells, kind, buf = [], None, []
    def flush():
        if kind is None: return
        src = '\n'.join(buf).strip('\n')
        c = dict(cell_type=kind, metadata={}, source=src.splitlines(keepends=True))
        if kind == 'code': c.update(execution_count=None, outputs=[])
        cells.append(c)
    for line in text.splitlines():
        if line.startswith('# %%'):
            flush(); kind, buf = ('markdown' if '[markdown]' in line else 'code'), []
        else: buf.append(line)
    flush()
    return cells

def write_notebook(src, dest):
    "Write the notebook `dest` from the cell-marked text file `src`."
    nb = dict(cells=cells_from_text(Path(src).read_text()), metadata=dict(kernelspec=dict(display_name='python3', language='python',
              name='python3')), nbformat=4, nbformat_minor=5)
    Path(dest).write_text(json.dumps(nb, indent=1) + '\n')

if __name__ == '__main__': write_notebook(sys.argv[1], sys.argv[2])
