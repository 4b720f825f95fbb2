// Command gen writes N synthetic government work reports by recombining
// paragraphs of a real corpus, for scale benchmarks of tifa.
//
// It is a developer tool, not part of tifa: the real corpus has a few
// hundred reports, and the question "is tifa fast at 20,000 township
// reports?" needs a corpus of that size whose text looks like the real thing
// (the same vocabulary, slogans of the right era, the same sizes). gen reads
// the real corpus at run time — nothing of it is copied into the repository
// — and writes
//
//	OUT/manifest.csv           file,region,level,year,province,county
//	OUT/000/嵩县城关镇_2012.txt  one report a file, at most 1,000 files a folder
//	OUT/001/…
//
// Usage:
//
//	go run ./bench/gen -corpus ../shared/corpus -n 20000 -out /tmp/synth -seed 1
//
// The regions are real: counties and districts of 2022 drawn at random
// from tifa's gazetteer (package places), each with 5–12 of its real
// townships and streets (镇, 乡, 街道), under the 31 provinces. Township names
// are often shared (城关镇 is 88 places; about a third of the townships
// drawn share their name with another), so a report names its township
// with its county (嵩县城关镇), and tifa's resolver must use the county to
// place it: the scale benchmark exercises resolution. Names are those of
// 2022 in every year. Every region reports for -years consecutive years
// (10) starting in 2000..2026, so N reports come from about N/10 regions;
// the 2,768 counties give about 26,000 regions, so -n is bounded by about
// 26,000 × -years (a larger -n is refused, naming the bound).
//
// A report of year Y is a title line (嵩县城关镇2012年政府工作报告), the
// line naming the session (在嵩县城关镇第十届人民代表大会…), 各位代表：, an
// opening sentence (我代表城关镇人民政府…), a review heading
// (一、2011年工作回顾), paragraphs drawn at random from the review parts of
// real reports, a plan heading (二、2012年工作安排) and paragraphs drawn from
// real plan parts. The real reports are read with tifa's own reports package,
// so the parts are the ones tifa finds. Paragraphs come from reports of
// year Y or the years just before it (the window widens, backwards first,
// until it holds 6 reports), so a 2005 report speaks of 科学发展观 and not of
// 乡村振兴. A report's size is that of a real report drawn at random, times
// 0.8..1.25: the size distribution follows the corpus (about 48 KB on
// average, so 20,000 reports make about 1 GB). -kb N scales every size by
// one factor so that the mean is N KB: -kb 20 gives township-length
// reports, 100,000 of them about 2 GB.
//
// The output is a function of the corpus, -n, -years and -seed alone: each
// report draws from its own random stream (PCG seeded by -seed and the
// report's index), so the -j goroutines writing the files (one per CPU) do
// not change a byte. Each file is streamed through a 64 KB buffer, never
// held in memory; the real paragraphs (about 20 MB) are.
package main
