"Package setup: everything is read from settings.ini (nbdev's convention); each `NAME_requirements` line is an extra."
from configparser import ConfigParser
import setuptools, shlex, os

config = ConfigParser(delimiters=['='])
config.read('settings.ini', encoding='utf-8')
cfg = config['DEFAULT']

cfg_keys = 'version description keywords author author_email'.split()
expected = cfg_keys + "lib_name user branch license status min_python audience language".split()
for o in expected: assert o in cfg, "missing expected setting: {}".format(o)
setup_cfg = {o:cfg[o] for o in cfg_keys}

licenses = {'apache2': 'Apache-2.0', 'mit': 'MIT'}   # SPDX expressions (PEP 639): no license classifiers
statuses = [ '1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable', '6 - Mature', '7 - Inactive' ]
py_versions = '3.10 3.11 3.12'.split()

def reqs(key): return shlex.split(cfg.get(key, '').strip())
requirements = reqs('requirements') + reqs('pip_requirements')
min_python = cfg['min_python']
lic = licenses.get(cfg['license'].lower(), cfg['license'])
not_extras = {'requirements', 'pip_requirements', 'conda_requirements', 'dev_requirements'}
extras = {k[:-len('_requirements')]: reqs(k) for k in cfg if k.endswith('_requirements') and k not in not_extras}
extras['dev'] = reqs('dev_requirements')
extras['all'] = sorted({r for k, v in extras.items() if k not in ('gpu', 'dev') for r in v})

setuptools.setup(
    name = cfg['lib_name'].replace('_', '-'),
    license = lic,
    classifiers = [
        'Development Status :: ' + statuses[int(cfg['status'])],
        'Intended Audience :: ' + cfg['audience'].title(),
        'Natural Language :: ' + cfg['language'].title(),
    ] + ['Programming Language :: Python :: '+o for o in py_versions[py_versions.index(min_python):]],
    url = cfg['git_url'],
    packages = setuptools.find_namespace_packages(include=['cl_ml', 'cl_ml.*']),   # assets/ too (data only)
    include_package_data = True,
    package_data = {'cl_ml': ['assets/*', 'assets/**/*']},
    install_requires = requirements,
    extras_require = extras,
    python_requires  = '>=' + cfg['min_python'],
    long_description = open('README.md', encoding='utf-8').read() if os.path.exists('README.md') else cfg['description'],
    long_description_content_type = 'text/markdown',
    zip_safe = False,
    entry_points = {
        'console_scripts': cfg.get('console_scripts', '').split(),
        'nbdev': [f'{cfg.get("lib_path")}={cfg.get("lib_path")}._modidx:d']
    },
    **setup_cfg)
