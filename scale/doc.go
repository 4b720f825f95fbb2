// Package scale places documents (or groups of them) on latent dimensions
// from their term counts: Wordfish, a one-dimensional Poisson scaling
// model, and correspondence analysis (CA), a multidimensional map of
// documents and terms.
//
// The input is a documents × terms count matrix, Counts, in compressed
// sparse row form; CountsFromDocs builds it from documents given as term
// ids. Results come back in the order of the rows and columns.
//
// # Wordfish
//
// Slapin & Proksch (2008) model the count y_ij of term j in document i as
//
//	y_ij ~ Poisson(λ_ij),  log λ_ij = α_i + ψ_j + β_j θ_i
//
// with α_i a document fixed effect (length), ψ_j a term fixed effect
// (frequency), β_j the term's weight on the dimension and θ_i the
// document's position. FitWordfish climbs the log posterior
//
//	Σ_ij (y_ij log λ_ij − λ_ij) − Σ_j β_j² / (2·3²) − Σ_i θ_i² / (2·1²)
//
// (normal priors of standard deviation 3 on β and 1 on θ, flat priors on
// α and ψ: quanteda's textmodel_wordfish defaults, priors = c(Inf, Inf,
// 3, 1)) by the alternating Newton–Raphson scheme of Slapin & Proksch's
// code as quanteda implements it (textmodel_wordfish, dispersion =
// "poisson"). Starting values: θ from the first CA dimension, α_i =
// log(y_i· / mean y_·), ψ_j = log(y_·j / n), β = 0. Then rounds of
//
//  1. a Newton step for every term's (ψ_j, β_j) with (α, θ) fixed;
//
//  2. a Newton step for every document's (α_i, θ_i) with (ψ, β) fixed
//     (half steps in the first round);
//
//  3. a reparametrisation, leaving every λ_ij unchanged, to the
//     identification
//
//     mean(θ) = 0,  sd(θ) = 1,  α_1 = 0
//
//     (θ ← (θ − m)/s with β ← sβ, ψ ← ψ + βm; then ψ ← ψ + α_1,
//     α ← α − α_1).
//
// Rounds stop when no θ_i moves by more than Tol (1e-5) in a round, or
// after MaxIter (100) rounds; a last term step, iterated to convergence,
// then makes ψ and β the exact maximisers given the final α and θ.
//
// This differs from quanteda in three details, none of which moves θ by
// more than its standard error. quanteda repeats each block's Newton step
// up to ten times per round; one step reaches the same θ in about as many
// rounds at a third of the cost. quanteda stops when the log posterior
// changes by less than 1e-6; with the per-round rescaling the log
// posterior keeps creeping up long after θ has settled, along a nearly
// flat direction of the likelihood (in the tests' simulation of 20
// documents × 2,000 terms θ still moves 1.5e-5 a round after hundreds of
// rounds; on the shared corpus, 383 reports × 16,000 terms, θ after 100
// rounds is within 0.01 of θ after 400), so this package stops on θ and
// reports whether the tolerance was met. And quanteda centres α on its
// mean and rescales θ alone: its θ and β are the same up to that
// rescaling, its α and ψ differ by a constant. The sign is fixed so that θ
// of document Dir[0] is below θ of document Dir[1] (quanteda's dir);
// Orient picks them from the documents' years, earliest left.
//
// Standard errors of θ come from the Hessian of each document's (α_i, θ_i)
// block, as in quanteda: se(θ_i) = sqrt(−H_αα / det H). They ignore the
// uncertainty of ψ and β and are known to be too narrow (Lowe & Benoit
// 2013), so FitWordfish also offers a parametric bootstrap (Slapin &
// Proksch 2008): Bootstrap replicates y*_ij ~ Poisson(λ̂_ij) are drawn for
// every cell, each is refitted from the estimates under the same
// identification (stopping when θ moves by less than 1e-3 a round; only θ
// is kept, so the last term step is skipped), and the interval for θ_i is
// the (1 − Level)/2 and (1 + Level)/2 quantiles of the replicates' θ*_i
// (linear interpolation, R's type 7), or with Normal θ̂_i ± z·sd(θ*_i), the
// normal bootstrap interval, which few replicates estimate well (Efron &
// Tibshirani 1993: 25–200 replicates for a standard error, about 1,000
// for percentiles). Replicate b draws from its own PCG stream (Seed, b),
// so the intervals do not depend on Workers.
//
// # Correspondence analysis
//
// With P = Y / Σ Y, row masses r = P 1, column masses c = Pᵀ1, D_r and D_c
// their diagonal matrices, CA is the singular value decomposition of the
// standardised residuals (Greenacre 2007):
//
//	S = D_r^−½ (P − r cᵀ) D_c^−½ = U Σ Vᵀ
//
// Dimension k has principal inertia σ_k², its share of the total inertia
// Σ_k σ_k² = χ²/n; principal coordinates are F = D_r^−½ U Σ (rows) and
// G = D_c^−½ V Σ (columns); standard coordinates are F Σ⁻¹ and G Σ⁻¹.
// FitCA never forms S: it eigendecomposes the Gram matrix of the shorter
// side, S Sᵀ = D_r^−½ (P D_c⁻¹ Pᵀ − r rᵀ) D_r^−½ (n × n for n documents),
// with gonum's mat.EigenSym, and recovers the other side's vectors as
// V = Sᵀ U Σ⁻¹ from the sparse counts; so thousands of terms cost little.
// Each dimension's sign is fixed so that its largest row coordinate (in
// absolute value; the first such row) is positive.
//
// # References
//
// Greenacre, M. (2007). Correspondence Analysis in Practice, 2nd ed.
// Chapman & Hall/CRC.
// Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap.
// Chapman & Hall/CRC.
// Lowe, W. & Benoit, K. (2013). Validating estimates of latent traits from
// textual data using human judgment as a benchmark. Political Analysis
// 21(3), 298–313.
// Slapin, J. B. & Proksch, S.-O. (2008). A scaling model for estimating
// time-series party positions from texts. American Journal of Political
// Science 52(3), 705–722.
package scale
