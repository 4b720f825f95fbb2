// Package wordvec trains word vectors on the caller's own documents and
// answers which terms lie close to a term or a set of terms, so a
// researcher can widen a dictionary category with the words her corpus
// uses alongside its slogans.
//
// (The package is not called embed, which would shadow the standard
// library's embed in any file importing both.)
//
// Train, Nearest and CategoryCheck work on term ids; NearCategory,
// ParseQuery, Expand, ExpandGroups, CheckCategories and NewCandidates take
// reports and vector.Sequences, for tifa discover --near and tifa expand.
//
// # Vectors
//
// Vectors are the truncated singular value decomposition of the positive
// pointwise mutual information (PPMI) matrix of terms and their contexts,
// with the refinements Levy, Goldberg & Dagan (2015) found to matter:
//
//	#(w, c)   tokens of c within Window positions of a token of w, inside
//	          one window (sentence, paragraph …) of the input; both sides
//	#(w)      Σ_c #(w, c);  #(c) likewise;  only terms with ≥ MinCount tokens
//	P_α(c)    = #(c)^α / Σ_c' #(c')^α      (context smoothing, α = 0.75)
//	PMI(w, c) = log( #(w, c) · Σ_c' #(c')^α / (#(w) · #(c)^α) )
//	PPMI      = max(PMI, 0)
//	PPMI ≈ U_d Σ_d V_dᵀ,   vector(w) = row w of U_d Σ_d^p, scaled to length 1
//
// with d = Dims and p = Power (0.5: singular values weighted by their
// square root, Levy et al.'s "eigenvalue weighting"). Similarity is the
// cosine of two vectors.
//
// The truncated SVD is randomized (Halko, Martinsson & Tropp 2011,
// algorithms 4.4 and 5.1): with l = d + Oversample columns of a Gaussian
// test matrix Ω drawn from Seed,
//
//	Q = orth(M Ω);  repeat PowerIterations times: Q = orth(M orth(Mᵀ Q))
//	B = Qᵀ M = Ũ Σ Vᵀ (a dense l × n SVD, gonum mat.SVD);  U = Q Ũ
//
// where orth is gonum's Householder QR. It costs a few sparse × dense
// products instead of a full decomposition of the n × n matrix, and is
// exact when M has rank ≤ l. Each singular vector's sign is fixed so that
// its largest component (the first, on ties) is positive; every sum runs
// in a fixed order, so the same input and Seed give the same vectors on
// any number of CPUs.
//
// # Why PPMI + SVD
//
// Levy et al. (2015) show that with these refinements PPMI + SVD matches
// skip-gram word2vec on word similarity, especially on small corpora, and
// unlike word2vec it is deterministic and needs no learning-rate schedule.
// CategoryCheck measures what `tifa expand` needs: do slogans of one
// lexicon category sit closer together than slogans of different ones? It
// reports the mean cosine within and between categories and the accuracy
// with which a slogan's nearest other slogan shares its category, beside
// the accuracy of a random guess. On the shared corpus (383 reports,
// paragraph windows, the 361 slogans with at least 5 tokens, 15
// categories; chance 0.085) the acceptance test measured:
//
//	options                       within  between  gap    accuracy
//	window 5, d 100, p 0.5 (def.) 0.287   0.092    0.195  0.806
//	window 2, d 100               0.253   0.139    0.113  0.659
//	window 10, d 100              0.298   0.078    0.220  0.789
//	window 5, d 50                0.386   0.139    0.248  0.781
//	window 10, d 50               0.396   0.116    0.281  0.798
//	window 5, d 300               0.177   0.050    0.127  0.787
//	p 0 / p 1                     —       —        0.167 / 0.203  0.798 / 0.792
//	sentence windows              0.271   0.104    0.168  0.776
//	raw PPMI rows, no SVD         0.094   0.045    0.049  0.784
//
// DefaultOptions takes the best nearest-slogan accuracy, the measure
// closest to what `tifa expand` does; the SVD adds little accuracy over
// raw PPMI rows but separates categories four times as well (gap), and
// costs a hundred dimensions instead of eighteen thousand.
//
// # References
//
// Halko, N., Martinsson, P.-G. & Tropp, J. A. (2011). Finding structure
// with randomness: probabilistic algorithms for constructing approximate
// matrix decompositions. SIAM Review 53(2), 217–288.
// Levy, O., Goldberg, Y. & Dagan, I. (2015). Improving distributional
// similarity with lessons learned from word embeddings. TACL 3, 211–225.
package wordvec
