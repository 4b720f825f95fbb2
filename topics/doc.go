// Package topics fits latent Dirichlet allocation (LDA) topic models, plain
// or seeded with dictionary terms, to documents given as sequences of term
// ids, and scores them (coherence, held-out perplexity) to choose the
// number of topics.
//
// # Model and sampler
//
// LDA (Blei, Ng & Jordan 2003) draws each document's topic shares θ_d from
// Dirichlet(α) and each topic's term distribution φ_k from Dirichlet(β);
// every token picks a topic z from θ_d and a term from φ_z. Fit estimates
// it by collapsed Gibbs sampling (Griffiths & Steyvers 2004), the
// estimator of GibbsLDA++ and of quanteda's seededlda, which tifa's users
// compare against. Each sweep resamples every token's topic from
//
//	p(z_i = k | z_−i, w) ∝ (n_dk + α) · (n_kw + s_kw + β) / (n_k + S_k + Vβ)
//
// where n_dk counts the tokens of document d in topic k, n_kw the tokens
// of term w in topic k, n_k all tokens in topic k (each without token i),
// V is the vocabulary size and s_kw, S_k = Σ_w s_kw are the seed pseudo
// counts (zero for unseeded topics). After the last sweep
//
//	θ_dk = (n_dk + α) / (n_d + Kα)
//	φ_kw = (n_kw + s_kw + β) / (n_k + S_k + Vβ)
//
// so every row of θ and of φ sums to 1 (an empty document gets θ_dk = 1/K).
// The priors default to seededlda's, α = 0.5 and β = 0.1. The number of
// sweeps has no default; DefaultIterations (200, where seededlda runs
// 2,000) is what the benchmarks time: on the shared corpus (2.1 million
// tokens, k = 20) it took 29 CPU seconds, 16 s on two (shared) cores.
//
// Collapsed Gibbs was chosen over online variational Bayes (Hoffman et al.
// 2010, scikit-learn's estimator) because it is what seededlda runs, its
// seeding is a plain pseudo count, and its per-token cost (K multiply-adds)
// meets the speed target on a few million tokens without a digamma per
// cell.
//
// Determinism and parallelism. Documents are cut into Shards contiguous
// blocks of about equal token counts, sampled in parallel against a copy of
// the term-topic counts taken at the start of the sweep, whose changes are
// added back after it: approximate distributed LDA (AD-LDA, Newman et al.
// 2009), which seededlda also uses for its batches. Each shard draws from
// its own PCG stream seeded from Seed and the shard's index, so the result
// depends on the documents, the options and Shards, never on Workers, the
// number of CPUs or scheduling. With Shards = 1 the sampler is the exact
// sequential collapsed Gibbs sampler.
//
// # Seeded LDA
//
// With Options.Seeds, the first len(Seeds) topics are seeded: topic j is
// given the seed terms Seeds[j] (the slogans of one lexicon category), and
// Options.K free topics follow. Following seededlda (Watanabe & Zhou 2020),
// each seed term w of topic k gets a fixed pseudo count added to its
// term-topic count in every draw and in φ:
//
//	s_kw = SeedWeight · n_w
//
// where n_w is the frequency of w in the documents: with SeedWeight = 1
// this is seededlda 1.x's default (weight = 0.01, uniform = FALSE, whose
// tfm gives a seed word a pseudo count of 100 · weight times its
// frequency). This raises the Dirichlet prior of seed terms in their topic,
// the approach of Lu et al. (2011). In addition the tokens of a seed term
// start in their seeded topic (in the first of them, for a term seeding
// several), instead of a random one; seededlda starts all tokens at random,
// so the two differ only in where the chain starts.
//
// # Evaluation
//
// Coherence is NPMI over the top N terms of each topic (Aletras &
// Stevenson 2013; Röder et al. 2015's C_NPMI with boolean windows), the
// mean over term pairs
//
//	C(k) = 2/(N(N−1)) Σ_{i<j} npmi(w_i, w_j),  npmi = log(p_ij/(p_i p_j)) / −log p_ij
//
// with p the share of reference windows (documents, paragraphs …)
// holding the terms, and npmi = −1 for a pair never seen together
// (computed by package cooccur). It lies in [−1, 1]; higher is better.
//
// Perplexity is held-out document completion (Wallach et al. 2009): each
// held-out document's tokens at even positions are observed, θ_d is
// estimated from them by Gibbs sampling with φ fixed (averaged over the
// second half of the sweeps), and the tokens at odd positions are scored:
//
//	perplexity = exp( − Σ_d Σ_{i odd} log Σ_k θ_dk φ_k,w_di / N_odd )
//
// Lower is better. On the same document-term matrices and split,
// scikit-learn's LatentDirichletAllocation (batch variational Bayes, 100
// iterations, same k and priors) scores 557.3 against this package's 556.1
// on 10 synthetic topics, and 5066 against 4879 on the shared corpus
// (k = 20, 307 training and 76 held-out reports, 15,078 terms);
// bench/lda_sklearn.py reproduces the comparison. FitHeldOut fits one model
// on the documents not held out, scores it, and folds the held-out ones in
// (Infer) so every document has its shares. ChooseK fits each candidate k
// on the documents not held out and picks the smallest k whose perplexity is within a tolerance of
// the best (held-out perplexity tends to flatten, not rise, past the right
// k, so the smallest near-best k is the parsimonious choice). FitChoosing
// runs the two in turn. ParseK and ParseKs read k and the k tried as a user
// writes them.
//
// # References
//
// Aletras, N. & Stevenson, M. (2013). Evaluating topic coherence using
// distributional semantics. IWCS.
// Blei, D. M., Ng, A. Y. & Jordan, M. I. (2003). Latent Dirichlet
// allocation. JMLR 3, 993–1022.
// Griffiths, T. L. & Steyvers, M. (2004). Finding scientific topics. PNAS
// 101 (suppl. 1), 5228–5235.
// Lu, B., Ott, M., Cardie, C. & Tsou, B. K. (2011). Multi-aspect sentiment
// analysis with topic models. ICDM Workshops.
// Newman, D., Asuncion, A., Smyth, P. & Welling, M. (2009). Distributed
// algorithms for topic models. JMLR 10, 1801–1828.
// Röder, M., Both, A. & Hinneburg, A. (2015). Exploring the space of topic
// coherence measures. WSDM.
// Wallach, H. M., Murray, I., Salakhutdinov, R. & Mimno, D. (2009).
// Evaluation methods for topic models. ICML.
// Watanabe, K. & Zhou, Y. (2020). Theory-driven analysis of large corpora:
// semisupervised topic classification of the UN speeches. Social Science
// Computer Review 40(2).
package topics
