"""Run notebooks in place so the docs site shows real outputs: tables, plots, printed figures from a real run.

    .venv/bin/python tools/run_nbs.py nbs/00_core.ipynb nbs/05b_store.ipynb ...   # or no arguments: every notebook

Cells flagged `#| slow`, `#| gpu` or `#| eval: false` are not run (as in `nbdev_test`); outputs of the other cells are
written into the notebook, with text that can't be stored as UTF-8 (surrogate-escaped file names) made printable.
Progress-bar streams are dropped and plots over 200 KB stored as JPEG (`--tidy NB...` does only that).
A notebook that fails is left as it was and named; the exit code counts the failures. Then `nbdev_clean`.
"""
import os, sys, time, re, io, base64
from pathlib import Path
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from fastcore.xtras import working_directory

SKIP = {'slow', 'gpu'}

def directives(src:str) -> set:
    "The `#| ...` directives at the top of a cell."
    out = set()
    for line in src.splitlines():
        if not line.startswith('#|'): break
        out.add(line[2:].strip().lower())
    return out

def skip(cell) -> bool:
    "True for cells the docs run leaves alone (markdown, slow/gpu, eval: false, export calls)."
    if cell.cell_type != 'code' or 'nbdev_export(' in cell.source: return True
    d = directives(cell.source)
    return bool(d & SKIP) or 'eval: false' in d

def printable(o):
    "`o` with every string made valid UTF-8 (lone surrogates become U+FFFD)."
    if isinstance(o, str): return o.encode('utf-8', 'replace').decode('utf-8') if not o.isascii() else o
    if isinstance(o, list): return [printable(x) for x in o]
    if isinstance(o, dict): return {k: printable(v) for k, v in o.items()}
    return o

PROGRESS = re.compile(r'^[^\n]*\d+%\|[^\n]*\|[^\n]*$|^\s*$')

def progress_only(o) -> bool:
    "True for a stderr stream that only draws tqdm progress bars (clutter on a docs page)."
    if o.get('output_type') != 'stream' or o.get('name') != 'stderr': return False
    return all(PROGRESS.match(p) for p in re.split(r'[\r\n]+', ''.join(o['text'])))

def small_image(o, max_kb:int=200, quality:int=85, max_width:int=1200):
    "A PNG larger than `max_kb` (a spectrogram: noise to PNG) as a JPEG at most `max_width` pixels wide."
    png = o.get('data', {}).get('image/png')
    if png is None or len(png) <= max_kb*1024: return o
    from PIL import Image
    im = Image.open(io.BytesIO(base64.b64decode(png))).convert('RGB')
    if im.width > max_width: im = im.resize((max_width, round(im.height*max_width/im.width)), Image.LANCZOS)
    buf = io.BytesIO(); im.save(buf, 'JPEG', quality=quality)
    data = {k: v for k, v in o['data'].items() if k != 'image/png'}
    data['image/jpeg'] = base64.b64encode(buf.getvalue()).decode()
    return {**o, 'data': data}

def tidy(nb):
    "Outputs fit for the docs: valid UTF-8, no progress-bar streams, large plots as JPEG."
    for c in nb.cells:
        if c.cell_type == 'code' and 'outputs' in c:
            c['outputs'] = [small_image(printable(o)) for o in c['outputs'] if not progress_only(o)]
    return nb

def run(fn:Path) -> bool:
    "Execute notebook `fn` in its folder and write its outputs into it; False (and the file untouched) on error."
    nb, t0 = read_nb(fn), time.time()
    sh = CaptureShell(fn)
    try:
        with working_directory(fn.parent): sh.run_all(nb, exc_stop=True, preproc=skip)
    except Exception:
        sys.stderr.write(f"{fn}: failed\n{sh.prettytb(fname=fn)}\n"); return False
    write_nb(tidy(nb), fn)
    print(f"{fn}: {time.time() - t0:.0f} s", flush=True)
    return True

if __name__ == '__main__':
    os.environ.setdefault('MPLBACKEND', 'Agg')
    args = sys.argv[1:]
    if args[:1] == ['--tidy']:   # only tidy the outputs already there
        for fn in [Path(a) for a in args[1:]]: write_nb(tidy(read_nb(fn)), fn)
        sys.exit(0)
    fns = [Path(a) for a in args] or sorted(Path('nbs').glob('*.ipynb'))
    failed = [fn for fn in fns if not run(fn.resolve())]
    if failed: print('failed:', ' '.join(map(str, failed)))
    sys.exit(len(failed))
