// Package tabulate lays each of tifa's results out as the table tifa
// prints: its title, its columns in order, their kinds and decimals. The
// command line, the HTML report and a Go program so print the same
// columns, and package table writes them in any format.
//
// There is a function per table, named after it: Counts and CountsWide
// (tifa count), Trend and TrendWide (tifa trend), Docs, KWIC, Terms,
// Neighbours, SimilarTo and Similarity (tifa similar), Members, Profiles,
// ClusterTerms, KScores and MergeTree (tifa cluster), Keyness (tifa
// compare), Diffusion, AdoptionCurves, FirstUse and Events (tifa
// diffusion), Candidates and CandidatesNear (tifa discover; Discovery
// reads the reports and ranks the candidates, by closeness with --near),
// ReusePairs
// and Passages (tifa reuse), Targets (tifa targets; TargetRows a
// document's rows), Places (tifa places; PlaceList fills it and counts),
// Lexicon (tifa lexicon list), Topics, TopicTerms, TopicShares, TopicFit and TopicK (tifa
// topics; GroupShares averages topic shares by group, TopicChart draws
// them by year for --plot), Positions,
// WordfishWords, WordfishFit, CADims, CAPositions and CAWords (tifa
// scale), CooccurPairs and CooccurCommunities (tifa cooccur), Nearest and
// VectorCheck (tifa expand). The commands choosing among several tables
// (cluster, topics, scale) call ClusterTables, TopicTables, WordfishTables
// and CATables. Demo computes and lays out the five tables of tifa demo;
// Scale fits tifa scale's Wordfish or correspondence analysis and returns
// its tables, its chart and its warnings.
//
// Per-document tables start with doc, region, level and year, then the
// manifest's extra columns (metaCols, the one list of them: a new document
// column is added there); these are optional (table.Column.Optional), so
// --columns chooses them. An extra column named like one of tifa's own is
// written manifest_NAME, so no header holds a name twice. A missing
// value (an unknown year, a lag without national reports) is nil, written
// empty.
package tabulate
