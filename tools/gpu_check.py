"""GPU checks, run on a machine with CUDA (`python tools/gpu_check.py OUT_DIR`; CL_ML_CHECK_DEVICE=cpu to dry-run):
the shipped recording encoder on the GPU (bf16 autocast) against the CPU (fp32): vector agreement, clip-search
agreement on synthetic music, embedding throughput; a short mixed-precision training run that resumes after a
kill and whose checkpoint loads on the CPU. Writes OUT_DIR/gpu_check.json and prints it."""
import os, sys, json, time, tempfile
from pathlib import Path
import numpy as np, torch
from cl_ml.core import get_device, amp_dtype
from cl_ml.model import load_embedder, ModelConfig, read_checkpoint
from cl_ml.tokenize import get_tokenizer
from cl_ml.dataset import AudioPairDataset, Degrader
from cl_ml.train import train, TrainConfig

SR = 16000

def synth_track(i:int, seconds:float=30.) -> np.ndarray:
    "A synthetic 'track': notes with harmonics on a per-track scale and tempo, plus a noise floor."
    rng = np.random.default_rng(i); n = int(seconds*SR); x = np.zeros(n, np.float32)
    beat = rng.uniform(0.15, 0.5); root = rng.uniform(110, 330); scale = rng.choice([0, 2, 3, 4, 5, 7, 9, 10, 11], 5)
    t = 0.
    while t < seconds:
        f = root*2**(rng.choice(scale)/12)*2**rng.integers(0, 2); d = beat*rng.integers(1, 4)
        a, b = int(t*SR), min(n, int((t+d)*SR)); tt = np.arange(b-a)/SR
        env = np.exp(-tt*rng.uniform(2, 8))
        for h in range(1, 5): x[a:b] += (0.3/h)*env*np.sin(2*np.pi*f*h*tt)
        t += d
    return (x + 0.01*rng.normal(size=n)).astype(np.float32)

def clip_agreement(e_cpu, e_gpu, waves, n_q:int=3, seconds:float=5.) -> dict:
    "Top-1 of noisy clips against whole-track vectors, CPU vs GPU, and how often both pick the same track."
    deg, rng = Degrader(), np.random.default_rng(0)
    qs, tgt = [], []
    for i, w in enumerate(waves):
        for _ in range(n_q):
            a = int(rng.integers(0, len(w) - int(seconds*SR))); qs.append(deg(w[a:a+int(seconds*SR)], SR, rng)); tgt.append(i)
    res = {}
    for name, e in (('cpu', e_cpu), ('gpu', e_gpu)):
        R = e.embed_waves(waves); Q = e.embed_waves(qs); res[name] = (Q @ R.T).argmax(1)
    tgt = np.array(tgt)
    return dict(n_queries=len(qs), top1_cpu=float((res['cpu'] == tgt).mean()), top1_gpu=float((res['gpu'] == tgt).mean()),
                same_answer=float((res['cpu'] == res['gpu']).mean()))

def throughput(e, waves, reps:int=2) -> float:
    "Times real time of `e.embed_waves` over `waves` (after one warm-up batch)."
    e.embed_waves(waves[:4])
    if e.device.type == 'cuda': torch.cuda.synchronize()
    t0 = time.perf_counter()
    for _ in range(reps): e.embed_waves(waves)
    if e.device.type == 'cuda': torch.cuda.synchronize()
    return reps*sum(len(w) for w in waves)/SR/(time.perf_counter() - t0)

def training_check(dev:str, out:Path, waves) -> dict:
    "Three epochs of mixed-precision training, killed after the first and resumed; the checkpoint loads on the CPU."
    tok = get_tokenizer('default')
    ds = AudioPairDataset(waves, tok.features, crop_seconds=(2., 4.), degrader=Degrader())
    mcfg = ModelConfig(in_dim=tok.dim, d_model=128, n_layers=2, dim=128)
    tcfg = TrainConfig(epochs=3, batch_size=64, lr=2e-3, device=dev, amp=True, mlflow=False)
    def kill(epoch, step, loss):
        if epoch == 1: raise KeyboardInterrupt
    t0 = time.perf_counter()
    try: train(ds, mcfg, tcfg, out/'run', tokenizer=tok, callback=kill, progress=False)
    except KeyboardInterrupt: pass
    r = train(ds, mcfg, tcfg, out/'run', tokenizer=tok, progress=False)
    secs = time.perf_counter() - t0
    e = load_embedder(r['best'], device='cpu')
    v = e.embed_waves(waves[:2])
    return dict(epochs=[h['epoch'] for h in r['history']], losses=[round(h['loss'], 4) for h in r['history']],
                finite=bool(np.isfinite([h['loss'] for h in r['history']]).all()), seconds=round(secs, 1),
                resumed_from_epoch=read_checkpoint(r['last'])['extra'].get('epoch'), cpu_load_ok=bool(np.isfinite(v).all()))

if __name__ == '__main__':
    out = Path(sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()); out.mkdir(parents=True, exist_ok=True)
    dev = os.environ.get('CL_ML_CHECK_DEVICE', 'cuda')
    torch.set_num_threads(min(8, os.cpu_count() or 1))
    rep = dict(device=str(get_device(dev)), torch=torch.__version__,
               gpu=torch.cuda.get_device_name(0) if torch.cuda.is_available() else None, amp_dtype=str(amp_dtype(get_device(dev))))
    n = int(os.environ.get('CL_ML_CHECK_TRACKS', 120))
    waves = [synth_track(i) for i in range(n)]
    e_cpu, e_gpu = load_embedder(device='cpu'), load_embedder(device=dev, batch_size=128)
    a, b = e_cpu.embed_waves(waves[:16]), e_gpu.embed_waves(waves[:16])
    rep['vectors'] = dict(max_abs_diff=float(np.abs(a - b).max()), min_cosine=float((a*b).sum(1).min()))
    s_cpu, s_gpu = e_cpu.embed_segments(waves[0]), e_gpu.embed_segments(waves[0])
    rep['segments_min_cosine'] = float((s_cpu*s_gpu).sum(1).min())
    rep['clips'] = clip_agreement(e_cpu, e_gpu, waves)
    rep['x_real_time'] = dict(cpu=round(throughput(e_cpu, waves[:16], 1), 1), gpu=round(throughput(e_gpu, waves), 1),
                              cpu_threads=torch.get_num_threads())
    rep['training'] = training_check(dev, out, waves)
    (out/'gpu_check.json').write_text(json.dumps(rep, indent=1))
    print(json.dumps(rep, indent=1))
