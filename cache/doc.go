// Package cache keeps what tifa derives from report files — cleaned documents
// and per-document term counts — on disk, keyed by content and options, so
// re-runs skip reading and segmenting.
//
// A Cache is one bbolt database file (DefaultDir()/cache.db unless told
// otherwise). It holds two kinds of entry:
//
//   - documents: the []*reports.Document one file turns into (several for a
//     bundle), stored by PutDocs and read by GetDocs;
//   - terms: one document's term counts in one space — terms, counts and
//     lexicon entry indices — stored by PutTerms and read by GetTerms.
//
// Keys are opaque strings chosen by the code that computes the value, because
// it alone knows what the value depends on. The reports package keys
// documents by the SHA-256 of the file's bytes and the file's base name (the
// name feeds metadata); analysis keys terms by document hash, bundle index,
// space, part and the section spans of that part, lexicon hash and stopwords
// hash. The cache itself scopes every key by Options.Version (tifa's build)
// and by its own encoding format, so a new build never reads what an older one
// wrote; it keeps the entries of the KeepVersions builds used last and drops
// the rest when it opens.
//
// Every entry is stored as
//
//	crc32c(kind, payload) (4 bytes, little endian) | kind (1 byte) | payload
//
// and checked when read. An entry that is truncated, fails its checksum or
// does not decode is never returned: it is reported through Options.Warn,
// deleted, and counted as a miss, so the caller rebuilds and stores it again.
// The file is checked before bbolt maps it into memory — its size, its
// meta pages (magic, version, checksum) and the pages they say are in use —
// because bbolt reading a page past the end of a truncated file ends the
// process with SIGBUS. A damaged file is moved aside (cache.db.damaged-
// <time>; the last one is kept) with one warning, and an empty cache
// started. Damage found later (bbolt panics, errors or faults on a page:
// faults are turned into panics with debug.SetPanicOnFault) turns the
// cache off for the run; the file is moved aside at Close, to be rebuilt
// by the next run. Clear removes the file without opening it.
//
// The file has a cap (Options.MaxBytes; $TIFA_CACHE_MAX; DefaultMaxBytes,
// 1 GB). Each entry carries a last-used stamp, written when it is stored
// and, on a hit, when it is over an hour old (so a run writes it at most
// once). A run that takes the file past the cap stores no more entries;
// Open and Close bring a file over the cap back under it: the entries of
// other builds go first, then this build's least recently used, down to
// three quarters of the cap, and the file is rewritten without its free
// pages (bbolt never shrinks a file).
//
// Writes are queued in memory and committed in batches of about
// Options.BatchBytes (one bbolt transaction, one fsync each) and at Flush and
// Close. A transaction is atomic: a run killed mid-write leaves the database
// as the last commit left it, lacking only the entries queued since.
//
// bbolt locks the file while it is open. A second tifa that cannot get the
// lock within Options.Timeout gets ErrLocked from Open and is expected to run
// without the cache. Methods on a nil *Cache do nothing (Get misses), so a
// caller holds one value whether the cache is on or off.
package cache
