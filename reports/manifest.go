package reports

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"github.com/tifa-project/tifa/decode"
	"github.com/tifa-project/tifa/infile"
)

// ManifestError is a problem in a manifest file, located by line (1-based;
// 0 when it concerns the whole file). It unwraps to the underlying error,
// which is an *encoding/csv.ParseError for malformed CSV.
type ManifestError struct {
	File string
	Line int
	Err  error
}

// Error formats the error as FILE:LINE: message (FILE: message for the
// whole file).
func (e *ManifestError) Error() string {
	return fmt.Sprintf("%s: %v", infile.At(e.File, e.Line, 0), e.Err)
}

// Unwrap returns the underlying error.
func (e *ManifestError) Unwrap() error { return e.Err }

// Errors a ManifestError can wrap; test them with errors.Is.
var (
	ErrMissingColumn   = errors.New("missing required column")
	ErrDuplicateColumn = errors.New("duplicate column")
	ErrBadYear         = errors.New("bad year")
	ErrBadLevel        = errors.New("unknown level")
	ErrDuplicateFile   = errors.New("duplicate file")
	ErrEmptyFile       = errors.New("empty file name")
)

// ManifestColumns are the columns every manifest must have, in any order.
var ManifestColumns = []string{"file", "region", "level", "year"}

// levelAliases are the Chinese names a manifest may use for a level.
var levelAliases = map[string]string{
	"全国": LevelNational, "国家": LevelNational, "中央": LevelNational,
	"省": LevelProvince, "省级": LevelProvince,
	"市": LevelCity, "地级市": LevelCity, "地级": LevelCity,
	"县": LevelCounty, "县级": LevelCounty,
	"区": LevelDistrict,
	"镇": LevelTownship, "乡": LevelTownship, "乡镇": LevelTownship,
	"街道": LevelStreet,
}

// ManifestRow is one report listed in a manifest.
type ManifestRow struct {
	File string // path relative to the manifest's directory, forward slashes, cleaned
	Line int    // line of the row in the manifest
	Meta Meta   // region, level, year (sources "manifest") and the extra columns
}

// Manifest is a parsed manifest CSV: one row per report file with its
// region, administrative level and year, and any further columns.
//
// The header row is required. Its names are matched ignoring case and
// surrounding spaces; file, region, level and year must all be present (in
// any order), and other columns are carried in Meta.Extra under their
// header names (a column with an empty name is ignored). Every row has as
// many cells as the header (encoding/csv's rule); cells may be empty
// (unknown). A year is 4 digits in 1949..2100 (full-width digits read as
// digits); a level is one of Levels, in any case, or 全国 省 市 县 区 乡镇
// 街道. A file is listed once. A UTF-8 byte order mark is ignored.
type Manifest struct {
	Name  string   // the manifest file as named in messages
	Dir   string   // directory the file column is relative to (slash-separated)
	Extra []string // the extra columns, in the manifest's order
	Rows  []ManifestRow
	index map[string]int
}

// ParseManifest reads a manifest from r; name is used in error messages
// and dir is the directory its file column is relative to. Every error is
// a *ManifestError naming name and the line.
func ParseManifest(r io.Reader, name, dir string) (*Manifest, error) {
	cr := csv.NewReader(r)
	cr.TrimLeadingSpace = true
	m := &Manifest{Name: name, Dir: dir, index: map[string]int{}}
	head, err := cr.Read()
	if err == io.EOF {
		return nil, &ManifestError{File: name, Err: fmt.Errorf("%w: no header row (want %s)", ErrMissingColumn, strings.Join(ManifestColumns, ","))}
	}
	if err != nil {
		return nil, m.csvError(err)
	}
	cols, err := m.header(head)
	if err != nil {
		return nil, err
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return m, nil
		}
		if err != nil {
			return nil, m.csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if err := m.addRow(rec, cols, head, line); err != nil {
			return nil, err
		}
	}
}

// csvError locates an encoding/csv error.
func (m *Manifest) csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ManifestError{File: m.Name, Line: pe.Line, Err: err}
	}
	return &ManifestError{File: m.Name, Err: err}
}

// header maps the header row to column indexes (file, region, level,
// year, then the extra columns) and records the extra names.
func (m *Manifest) header(head []string) (map[string]int, error) {
	cols := map[string]int{}
	for i, h := range head {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		head[i] = h
		key := strings.ToLower(h)
		if key == "" {
			continue
		}
		if _, dup := cols[key]; dup {
			return nil, &ManifestError{File: m.Name, Line: 1, Err: fmt.Errorf("%w %q", ErrDuplicateColumn, h)}
		}
		cols[key] = i
		if !inList(ManifestColumns, key) {
			m.Extra = append(m.Extra, h)
		}
	}
	var missing []string
	for _, c := range ManifestColumns {
		if _, ok := cols[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, &ManifestError{File: m.Name, Line: 1, Err: fmt.Errorf("%w %s (want %s; got %s)", ErrMissingColumn,
			strings.Join(missing, ","), strings.Join(ManifestColumns, ","), strings.Join(head, ","))}
	}
	return cols, nil
}

// addRow parses one data row.
func (m *Manifest) addRow(rec []string, cols map[string]int, head []string, line int) error {
	cell := func(i int) string {
		if i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	fail := func(err error) error { return &ManifestError{File: m.Name, Line: line, Err: err} }
	file := cleanManifestPath(cell(cols["file"]))
	if file == "" {
		return fail(ErrEmptyFile)
	}
	if first, dup := m.index[file]; dup {
		return fail(fmt.Errorf("%w %s (first listed at line %d)", ErrDuplicateFile, file, m.Rows[first].Line))
	}
	meta := Meta{Region: cell(cols["region"])}
	if meta.Region != "" {
		meta.RegionSource = SourceManifest
	}
	level, err := parseLevel(cell(cols["level"]))
	if err != nil {
		return fail(err)
	}
	if level != "" {
		meta.Level, meta.LevelSource = level, SourceManifest
	}
	year, err := parseManifestYear(width.Fold.String(cell(cols["year"])))
	if err != nil {
		return fail(err)
	}
	if year > 0 {
		meta.Year, meta.YearSource = year, SourceManifest
	}
	for _, name := range m.Extra {
		if meta.Extra == nil {
			meta.Extra = map[string]string{}
		}
		meta.Extra[name] = cell(columnIndex(head, name))
	}
	m.index[file] = len(m.Rows)
	m.Rows = append(m.Rows, ManifestRow{File: file, Line: line, Meta: meta})
	return nil
}

func columnIndex(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// cleanManifestPath turns a manifest's file cell into a clean relative
// path with forward slashes.
func cleanManifestPath(p string) string {
	p = strings.ReplaceAll(p, "\\", "/")
	if p == "" {
		return ""
	}
	return path.Clean(strings.TrimPrefix(p, "./"))
}

// parseLevel reads a level name (any case) or one of its Chinese aliases;
// "" is unknown.
func parseLevel(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	l := strings.ToLower(s)
	if inList(Levels, l) {
		return l, nil
	}
	if a, ok := levelAliases[s]; ok {
		return a, nil
	}
	return "", fmt.Errorf("%w %q (want one of %s)", ErrBadLevel, s, strings.Join(Levels, ", "))
}

// parseManifestYear reads a year cell; "" is unknown.
func parseManifestYear(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(s)
	if err != nil || len(s) != 4 {
		return 0, fmt.Errorf("%w %q: not a 4-digit number", ErrBadYear, s)
	}
	if y < MinYear || y > MaxYear {
		return 0, fmt.Errorf("%w %d: outside %d..%d", ErrBadYear, y, MinYear, MaxYear)
	}
	return y, nil
}

// Lookup returns the row listing file, a path relative to the manifest's
// directory.
func (m *Manifest) Lookup(file string) (ManifestRow, bool) {
	i, ok := m.index[cleanManifestPath(file)]
	if !ok {
		return ManifestRow{}, false
	}
	return m.Rows[i], true
}

// decodeManifest turns manifest bytes into text with decode.Detect, so a manifest
// saved by a spreadsheet as GB18030 or UTF-16 reads too; unlike a report,
// a manifest with an invalid byte sequence is an error naming its line.
func decodeManifest(raw []byte, name string) (io.Reader, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return strings.NewReader(""), nil
	}
	d, err := decode.Detect(raw)
	if errors.Is(err, decode.ErrEncoding) {
		if u := decode.UTF8(raw); u.Replaced > 0 {
			d, err = u, nil // located below as utf-8
		}
	}
	if err != nil {
		return nil, &ManifestError{File: name, Err: err}
	}
	if d.Replaced > 0 {
		// A manifest is short and the user's: a byte that would turn a
		// file name or region into U+FFFD is reported, with its line.
		line := 1 + bytes.Count(raw[:d.FirstBad], []byte("\n"))
		return nil, &ManifestError{File: name, Line: line, Err: fmt.Errorf("%w (byte %d is not valid %s)", decode.ErrEncoding, d.FirstBad, d.Encoding)}
	}
	return strings.NewReader(strings.TrimPrefix(d.Text, "\ufeff")), nil
}
