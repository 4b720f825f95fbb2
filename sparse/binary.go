package sparse

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// AppendBinary appends the encoding of m to b:
//
//	rows | cols | nnz | kind | rows row lengths | nnz column gaps | nnz values
//
// the first parts as unsigned varints (a row's first column as it is, the
// next ones as the gap from the previous); kind 1 when every value is a
// whole number in [0, 2⁵³) — counts — and the values are varints, else
// kind 0 and the values are the little-endian bits of each float64. Either
// way they come back exactly. It never fails; the error is that of
// encoding.BinaryAppender.
func (m *CSR) AppendBinary(b []byte) ([]byte, error) {
	counts := true
	for _, v := range m.Val {
		if !(v >= 0 && v < 1<<53 && v == math.Trunc(v)) || math.Signbit(v) {
			counts = false
			break
		}
	}
	b = binary.AppendUvarint(b, uint64(m.Rows))
	b = binary.AppendUvarint(b, uint64(m.Cols))
	b = binary.AppendUvarint(b, uint64(len(m.Ind)))
	kind := byte(0)
	if counts {
		kind = 1
	}
	b = append(b, kind)
	for i := range m.Rows {
		b = binary.AppendUvarint(b, uint64(m.Indptr[i+1]-m.Indptr[i]))
	}
	for i := range m.Rows {
		prev := 0
		for _, c := range m.Ind[m.Indptr[i]:m.Indptr[i+1]] {
			b = binary.AppendUvarint(b, uint64(c-prev))
			prev = c
		}
	}
	for _, v := range m.Val {
		if counts {
			b = binary.AppendUvarint(b, uint64(v))
		} else {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
		}
	}
	return b, nil
}

var errMalformed = errors.New("sparse: malformed encoding")

// DecodeCSR reads a matrix written by AppendBinary from the front of b and
// returns it with the bytes after it. Input that is not such an encoding,
// or encodes a matrix Validate rejects, gives an error, never a panic, and
// allocates no more than b's length allows.
func DecodeCSR(b []byte) (*CSR, []byte, error) {
	uv := func() int {
		x, n := binary.Uvarint(b)
		if n <= 0 || x > math.MaxInt32 {
			b = nil
			return -1
		}
		b = b[n:]
		return int(x)
	}
	rows, cols, nnz := uv(), uv(), uv()
	if len(b) == 0 || b[0] > 1 {
		return nil, nil, errMalformed
	}
	counts := b[0] == 1
	b = b[1:]
	// every row length, column gap and count takes a byte, a float eight
	if rows < 0 || cols < 0 || nnz < 0 || rows > len(b) || nnz > len(b)/2 {
		return nil, nil, errMalformed
	}
	m := &CSR{Rows: rows, Cols: cols, Indptr: make([]int, rows+1), Ind: make([]int, nnz), Val: make([]float64, nnz)}
	for i := range rows {
		l := uv()
		if l < 0 || m.Indptr[i]+l > nnz {
			return nil, nil, errMalformed
		}
		m.Indptr[i+1] = m.Indptr[i] + l
	}
	if m.Indptr[rows] != nnz {
		return nil, nil, errMalformed
	}
	for i := range rows {
		c := 0
		for k := m.Indptr[i]; k < m.Indptr[i+1]; k++ {
			g := uv()
			if g < 0 {
				return nil, nil, errMalformed
			}
			c += g
			m.Ind[k] = c
		}
	}
	if counts {
		for k := range m.Val {
			x, n := binary.Uvarint(b)
			if n <= 0 || x >= 1<<53 {
				return nil, nil, errMalformed
			}
			m.Val[k], b = float64(x), b[n:]
		}
	} else {
		if len(b) < 8*nnz {
			return nil, nil, errMalformed
		}
		for k := range m.Val {
			m.Val[k] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*k:]))
		}
		b = b[8*nnz:]
	}
	if err := m.Validate(); err != nil {
		return nil, nil, fmt.Errorf("%w: %v", errMalformed, err)
	}
	return m, b, nil
}
