"""Give each notebook its Colab front matter: an "Open in Colab" badge under the title, and a visible first code
cell that installs cl_ml with the extras that notebook uses when it isn't importable (plus the demo's Debian
packages where the notebook renders demo music). Idempotent: `python tools/colab_cells.py nbs/*.ipynb`."""
import json, sys, re
from pathlib import Path

EXTRAS = {  # notebook -> extras it needs beyond the core package; 'demo' also means fluidsynth + the GM soundfont
    '00_core': [], '00a_demo': ['demo'], '01_tokenize': ['demo'], '01a_codecs': ['codecs'], '02_splits': ['demo'],
    '03_dataset': ['demo'], '04_model': ['demo'], '04a_embed': [], '04b_learner': ['track'],
    '05_train': ['demo', 'track'], '05a_style': [],
    '06_index': ['demo', 'analysis'], '06a_landmarks': [], '07_eval': ['demo', 'analysis'], '07a_versions': ['demo'],
    '07b_quality': ['demo'], '07f_pipeline': ['demo', 'analysis'], '07c_recommend': ['demo', 'track', 'analysis'], '07e_tracking': ['track'],
    '07d_lyrics': ['demo', 'codecs'], '06b_scale': ['demo', 'scale'],
    '08_export': ['export'], '08a_service': ['serve'], '08b_serve': ['serve'], '08c_loadtest': ['serve'],
    '09_cli': ['demo', 'serve', 'track', 'analysis'],
}
BADGE = ('[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]'
         '(https://colab.research.google.com/github/cloudtune/cl_ml/blob/main/nbs/{name}.ipynb)')
MARK = '# Colab, or anywhere cl_ml is not installed'

def install_cell(extras:list) -> str:
    "Source of the visible install cell for a notebook needing `extras`."
    spec = 'cl-ml' + (f"[{','.join(extras)}]" if extras else '')
    src = [f'{MARK}: install it with the extras this notebook uses',
           'import importlib.util, subprocess, sys',
           "if not importlib.util.find_spec('cl_ml'):",
           f"    subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', '{spec}'], check=True)"]
    if 'demo' in extras:
        src.append('    from cl_ml.demo import install_demo_deps; install_demo_deps()   # fluidsynth + GM soundfont (apt)')
    return '\n'.join(src)

def is_install(c) -> bool:
    s = ''.join(c['source'])
    return c['cell_type'] == 'code' and ('install the package' in s or s.startswith(MARK)) and 'pip' in s

def fix(path:Path):
    "Rewrite notebook `path` with the badge and the install cell (no-op for notebooks not in EXTRAS)."
    name = path.stem
    if name not in EXTRAS: return False
    nb = json.loads(path.read_text()); cells = [c for c in nb['cells'] if not is_install(c)]
    cells = [c for c in cells if not (c['cell_type'] == 'markdown' and ''.join(c['source']).strip().startswith('[![Open In Colab]'))]
    ti = next(i for i, c in enumerate(cells) if c['cell_type'] == 'markdown' and ''.join(c['source']).lstrip().startswith('# '))
    t = re.sub(r'\n*\[!\[Open In Colab\]\([^)]*\)\]\([^)]*\)\s*$', '', ''.join(cells[ti]['source']).rstrip())
    cells[ti]['source'] = (t + '\n\n' + BADGE.format(name=name)).splitlines(keepends=True)
    cell = dict(cell_type='code', execution_count=None, metadata={}, outputs=[],
                source=install_cell(EXTRAS[name]).splitlines(keepends=True))
    cells.insert(ti + 1, cell)
    nb['cells'] = cells
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
    return True

if __name__ == '__main__':
    for p in sys.argv[1:]: print(p, 'updated' if fix(Path(p)) else 'skipped')
