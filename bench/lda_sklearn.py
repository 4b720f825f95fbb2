#!/usr/bin/python3
"""Compare tifa's LDA (package topics) with scikit-learn's LatentDirichletAllocation.

Run with Debian's Python (apt-get install -y python3-sklearn) on the matrices the Go test exports:

    TIFA_LDA_EXPORT=/tmp/lda go test -run ExportForSklearn -timeout 30m ./topics/
    /usr/bin/python3 bench/lda_sklearn.py /tmp/lda

Each dataset directory holds train.mtx (documents x terms counts), obs.mtx and eval.mtx (the
even and odd tokens of the held-out documents) and tifa.json (k, priors, tifa's perplexity).
scikit-learn is fitted on train.mtx with the same k and priors (batch variational Bayes), the
held-out documents' topic shares are estimated from obs.mtx (transform), and the tokens of
eval.mtx are scored by the formula tifa uses (document completion, Wallach et al. 2009):

    perplexity = exp(-sum_d sum_w eval[d,w] * log(sum_k theta[d,k] * phi[k,w]) / sum(eval))

scikit-learn's own perplexity() (its variational bound on the whole held-out documents) is
printed too; it is a different quantity and not comparable with the two above.
"""
import json
import os
import sys
import time

import numpy as np
from scipy.io import mmread
from sklearn.decomposition import LatentDirichletAllocation


def completion_perplexity(theta, phi, ev):
    ev = ev.tocsr()
    ll = 0.0
    for d in range(ev.shape[0]):
        lo, hi = ev.indptr[d], ev.indptr[d + 1]
        cols, counts = ev.indices[lo:hi], ev.data[lo:hi]
        p = theta[d] @ phi[:, cols]
        ll += float(np.sum(counts * np.log(p)))
    return float(np.exp(-ll / ev.sum()))


def main(root):
    rows = []
    for name in sorted(os.listdir(root)):
        d = os.path.join(root, name)
        meta_path = os.path.join(d, "tifa.json")
        if not os.path.isfile(meta_path):
            continue
        with open(meta_path) as f:
            meta = json.load(f)
        train = mmread(os.path.join(d, "train.mtx")).tocsr()
        obs = mmread(os.path.join(d, "obs.mtx")).tocsr()
        ev = mmread(os.path.join(d, "eval.mtx")).tocsr()
        lda = LatentDirichletAllocation(
            n_components=meta["k"], doc_topic_prior=meta["alpha"], topic_word_prior=meta["beta"],
            learning_method="batch", max_iter=100, random_state=0)
        start = time.time()
        lda.fit(train)
        secs = time.time() - start
        theta = lda.transform(obs)
        phi = lda.components_ / lda.components_.sum(axis=1)[:, None]
        ppl = completion_perplexity(theta, phi, ev)
        bound = lda.perplexity(obs + ev)
        rows.append((name, meta, ppl, bound, secs))
    print("| dataset | docs (train/held) | terms | train tokens | k | tifa Gibbs perplexity | sklearn VB perplexity | ratio | tifa fit s | sklearn fit s | sklearn bound perplexity |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, m, ppl, bound, secs in rows:
        print(f"| {name} | {m['train_docs']}/{m['heldout_docs']} | {m['terms']} | {m['train_tokens']} | {m['k']} | "
              f"{m['perplexity']:.2f} | {ppl:.2f} | {m['perplexity'] / ppl:.3f} | {m['fit_seconds']:.1f} | {secs:.1f} | {bound:.2f} |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: lda_sklearn.py DIR (written by TIFA_LDA_EXPORT=DIR go test -run ExportForSklearn ./topics/)")
    main(sys.argv[1])
