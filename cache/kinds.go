package cache

import (
	"github.com/tifa-project/tifa/infile"
	"github.com/tifa-project/tifa/reports"
)

// Entry kinds beyond documents and terms.
const (
	// kindFiles: a report file's content hash under its absolute path,
	// with the file's identity when it was hashed (reports.HashIndex).
	kindFiles byte = 'F'
	// kindBlobs: a value encoded by the caller, under the caller's key:
	// the term-count matrix and the weighted vectors of a corpus.
	kindBlobs byte = 'B'
)

var (
	bucketFiles = []byte("files")
	bucketBlobs = []byte("blobs")
)

// kinds lists every entry kind, in the order size accounting visits them.
var kinds = []byte{kindDocs, kindTerms, kindFiles, kindBlobs}

// GetFileHash returns the hash recorded for the report file at path (see
// reports.HashIndex), or false.
func (c *Cache) GetFileHash(path string) (reports.FileHash, bool) {
	var h reports.FileHash
	ok := c.lookup(kindFiles, path, func(p []byte) error {
		var err error
		h, err = decodeFileHash(p)
		return err
	})
	return h, ok
}

// PutFileHash records the hash of the report file at path.
func (c *Cache) PutFileHash(path string, h reports.FileHash) {
	if c == nil {
		return
	}
	c.put(kindFiles, path, encodeFileHash(h))
}

// GetBlob calls decode with the value stored under key by PutBlob and
// reports whether there was one that decode accepted; decode must not
// keep the slice. A value decode rejects is dropped, as a corrupt entry.
func (c *Cache) GetBlob(key string, decode func(payload []byte) error) bool {
	return c.lookup(kindBlobs, key, decode)
}

// PutBlob stores payload under key. A value larger than a quarter of the
// cap (Options.MaxBytes) is not stored: it would push out everything else.
func (c *Cache) PutBlob(key string, payload []byte) {
	if c == nil || c.max > 0 && int64(len(payload)) > c.max/4 {
		return
	}
	c.put(kindBlobs, key, seal(append(newFrame(kindBlobs, len(payload)), payload...)))
}

// encodeFileHash returns the sealed value of a file's hash:
//
//	size | mtime | inode | device | ctime | recorded (varints) | 32 bytes of SHA-256
func encodeFileHash(h reports.FileHash) []byte {
	e := encoder{newFrame(kindFiles, 6*10+32)}
	id := h.Identity
	for _, x := range []int64{id.Size, id.ModTime, id.Inode, id.Device, id.ChangeTime, h.Recorded} {
		e.int(int(x))
	}
	e.b = append(e.b, h.Sum[:]...)
	return seal(e.b)
}

func decodeFileHash(p []byte) (reports.FileHash, error) {
	d := decoder{b: p}
	var h reports.FileHash
	h.Identity = infile.Identity{Size: int64(d.int()), ModTime: int64(d.int()), Inode: int64(d.int()),
		Device: int64(d.int()), ChangeTime: int64(d.int())}
	h.Recorded = int64(d.int())
	if d.err != nil || len(d.b) != len(h.Sum) {
		return reports.FileHash{}, errMalformed
	}
	copy(h.Sum[:], d.b)
	return h, nil
}
