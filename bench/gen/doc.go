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
//	OUT/000/龙泉镇_2012.txt     one report a file, at most 1,000 files a folder
//	OUT/001/…
//
// Usage:
//
//	go run ./bench/gen -corpus ../shared/corpus -n 20000 -out /tmp/synth -seed 1
//
// The regions are invented: county and district names (two syllables of
// real-sounding place names and 县 or 区), each with its townships and
// streets (镇, 乡, 街道), grouped under the 31 real provinces. Every region
// reports for -years consecutive years (10) starting in 2000..2026, so N
// reports come from about N/10 regions.
//
// A report of year Y is a title line (龙泉镇2012年政府工作报告), the line
// naming the session, 各位代表：, an opening sentence, a review heading
// (一、2011年工作回顾), paragraphs drawn at random from the review parts of
// real reports, a plan heading (二、2012年工作安排) and paragraphs drawn from
// real plan parts. The real reports are read with tifa's own reports package,
// so the parts are the ones tifa finds. Paragraphs come from reports of
// year Y or the years just before it (the window widens, backwards first,
// until it holds 6 reports), so a 2005 report speaks of 科学发展观 and not of
// 乡村振兴. A report's size is that of a real report drawn at random, times
// 0.8..1.25: the size distribution follows the corpus (about 48 KB on
// average, so 20,000 reports make about 1 GB).
//
// The output is a function of the corpus, -n, -years and -seed alone: each
// report draws from its own random stream (PCG seeded by -seed and the
// report's index), so the -j goroutines writing the files (one per CPU) do
// not change a byte. Each file is streamed through a 64 KB buffer, never
// held in memory; the real paragraphs (about 20 MB) are.
package main
