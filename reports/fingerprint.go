package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/tifa-project/tifa/extract"
	"github.com/tifa-project/tifa/infile"
)

// HashIndex is an optional interface of Options.Cache: it remembers the
// SHA-256 of a report file's bytes under the file's absolute path, with
// the file's identity (size, modification time, inode …) when it was
// hashed, as git's index does. A file whose identity has not changed since
// is not read again to learn its hash (infile.Trusted says when that is
// safe), so a second run finds its cached documents, and Fingerprint
// names the whole corpus, from metadata alone.
type HashIndex interface {
	GetFileHash(path string) (FileHash, bool)
	PutFileHash(path string, h FileHash)
}

// FileHash is what a HashIndex keeps of a file.
type FileHash struct {
	Identity infile.Identity // the file when it was hashed
	Recorded int64           // ns: a time before that identity was taken
	Sum      [32]byte        // SHA-256 of the bytes
}

// allocKeys makes room for the inputs' keys; it runs before the workers.
func (s *Source) allocKeys() {
	if len(s.keys) != len(s.inputs) {
		s.keys = make([]string, len(s.inputs))
	}
}

// knownKey returns input i's cache key when it is known without reading
// the file — found before in this run, or from a trusted hash in the
// index — else "".
func (s *Source) knownKey(i int) string {
	if k := s.keys[i]; k != "" {
		return k
	}
	in := &s.inputs[i]
	hi, ok := s.opt.Cache.(HashIndex)
	if !ok || in.disk == "" || s.opt.OCR != "" { // with OCR, the key holds the format: read the file
		return ""
	}
	h, ok := hi.GetFileHash(in.disk)
	if !ok || !infile.Trusted(h.Identity, in.ident, h.Recorded) {
		return ""
	}
	return s.cacheKey(in, hex.EncodeToString(h.Sum[:]), extract.Class{})
}

// setKey records input i's key as read; a key that differs from the one
// known before means the file changed during the run.
func (s *Source) setKey(i int, known, key string) {
	if known != "" && known != key {
		s.changed.Store(true)
	}
	s.keys[i] = key
}

// recordHash stores the hash of a file on disk in the index.
func (s *Source) recordHash(in *input, sum [32]byte) {
	if hi, ok := s.opt.Cache.(HashIndex); ok && in.disk != "" {
		hi.PutFileHash(in.disk, FileHash{Identity: in.ident, Recorded: s.opened, Sum: sum})
	}
}

// Fingerprint returns the hex SHA-256 of what the documents of s depend
// on — for every input in order, its ID, path and cache key (the content
// hash, the file name and its manifest row, or why it is not read) — and
// true, when that is known without reading a file: every file has been
// read by Each, or its hash is in the cache's HashIndex and trusted. It
// returns "" and false when some input's content is unknown (no cache, a
// file new or modified since it was hashed, standard input not yet read)
// or a file changed while Each read it. Documents described under equal
// fingerprints (by one build of tifa, with the same Options) are equal.
// It must not run during Each.
func (s *Source) Fingerprint() (string, bool) {
	s.allocKeys()
	if s.changed.Load() {
		return "", false
	}
	h := sha256.New()
	for i := range s.inputs {
		in := &s.inputs[i]
		k := s.keys[i]
		if in.problem != "" {
			k = s.cacheKey(in, "unread:"+in.problem, extract.Class{})
		} else if k == "" {
			if k = s.knownKey(i); k == "" {
				return "", false
			}
		}
		s.keys[i] = k
		fmt.Fprintf(h, "%d:%s%d:%s%d:%s\n", len(in.id), in.id, len(in.path), in.path, len(k), k)
	}
	return hex.EncodeToString(h.Sum(nil)), true
}
