package cache

import (
	"bytes"
	"encoding"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"strconv"
	"strings"
)

// A record is a blob (PutBlob) holding a caller's gob-encodable value
// (what reading a corpus told the command) next to a value that encodes
// itself (a term-count matrix, weighted vectors):
//
//	uvarint n | n bytes of gob: rec | v.MarshalBinary()

// PutRecord stores rec and v under key as one blob. A value that cannot be
// encoded is not stored: the run goes on without it.
func (c *Cache) PutRecord(key string, rec any, v encoding.BinaryMarshaler) {
	if c == nil {
		return
	}
	var head bytes.Buffer
	if err := gob.NewEncoder(&head).Encode(rec); err != nil {
		return
	}
	body, err := v.MarshalBinary()
	if err != nil {
		return
	}
	b := binary.AppendUvarint(make([]byte, 0, binary.MaxVarintLen64+head.Len()+len(body)), uint64(head.Len()))
	b = append(append(b, head.Bytes()...), body...)
	c.PutBlob(key, b)
}

var errRecord = errors.New("not a record entry")

// GetRecord reads what PutRecord stored under key into rec (set to its
// zero value first) and v, and reports whether it did.
func GetRecord[R any](c *Cache, key string, rec *R, v encoding.BinaryUnmarshaler) bool {
	return c.GetBlob(key, func(b []byte) error {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return errRecord
		}
		var zero R
		*rec = zero
		if err := gob.NewDecoder(bytes.NewReader(b[k : k+int(n)])).Decode(rec); err != nil {
			return err
		}
		return v.UnmarshalBinary(b[k+int(n):])
	})
}

// CorpusKeys are the keys of a corpus's term-count matrix, its weighted
// vectors and their Gram matrix.
type CorpusKeys struct {
	Matrix  string // fingerprint, space, part, lexicon, stopwords, --where, the command's scope
	Vectors string // Matrix, --by and the weighting options
}

// MatrixOptions are what shapes a corpus's term-count matrix.
type MatrixOptions struct {
	Fingerprint string // reports.Source.Fingerprint
	Space, Part string
	Lexicon     string // lexicon.Lexicon.Hash
	Stopwords   string // segment.Stopwords.Hash; empty without stopwords
	Where       []string
	Scope       string // the command's scope; empty without one
}

// VectorOptions are what shapes the weighted vectors of a matrix.
type VectorOptions struct {
	By           string
	MinDF, MaxDF float64
	Sublinear    bool
}

// NewCorpusKeys returns the keys of a matrix shaped by m and of its
// vectors weighed by v: the fields joined by NUL (the --where clauses by
// \x01).
func NewCorpusKeys(m MatrixOptions, v VectorOptions) CorpusKeys {
	mk := strings.Join([]string{"corpus", m.Fingerprint, m.Space, m.Part, m.Lexicon, m.Stopwords, strings.Join(m.Where, "\x01"), m.Scope}, "\x00")
	vk := strings.Join([]string{mk, "vectors", v.By, strconv.FormatFloat(v.MinDF, 'g', -1, 64),
		strconv.FormatFloat(v.MaxDF, 'g', -1, 64), strconv.FormatBool(v.Sublinear)}, "\x00")
	return CorpusKeys{Matrix: mk, Vectors: vk}
}

// Gram is the key of the Gram matrix of the vectors; empty when there are
// no vectors.
func (k CorpusKeys) Gram() string {
	if k.Vectors == "" {
		return ""
	}
	return k.Vectors + "\x00gram"
}
