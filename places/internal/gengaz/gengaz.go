// Package gengaz builds the gazetteer that package places embeds
// (places/gazetteer.gz) from the public CSV files it is made of. It is the
// generator only: places decodes the result and never imports gengaz.
//
// Sources (see ../shared/gazetteer/README.md in the project):
//
//   - areacodes_history.csv: every county-level and higher code of GB/T 2260
//     in use since 1981, with its years and successors; github.com/
//     yescallop/areacodes, result.csv at commit eed219a0678d, CC0 1.0.
//   - nbs2022_areas.csv and nbs2022_streets.csv (with nbs2022_provinces.csv
//     and nbs2022_cities.csv, read only to check the others): the National
//     Bureau of Statistics' division codes for statistics as of 2022-10-31;
//     github.com/modood/Administrative-divisions-of-China, dist/*.csv at
//     commit 57a0aa9cef47, WTFPL (data © NBS, free public information).
//
// What is kept: every record of the history file (code, level, name, first
// year, year changed or retired, successors); the county-level codes of
// NBS 2022 that are no division of the history file (development zones,
// new areas, management areas: "zones"); every NBS 2022 township with its
// 9-digit code.
//
// Format, before gzip (BestCompression): the magic Magic, then three
// tables, each column by column (a column of like values compresses better
// than rows mixing them). Numbers are uvarints; a year y is the byte
// y−1980; a string is its uvarint length and bytes.
//
//	history  n; codes as deltas (sorted by code, then first year);
//	         levels (1 province, 2 prefecture, 3 county: a byte each);
//	         first years; end years (0: in use); numbers of successors;
//	         successors (code, year byte: 0 unless the data gives one);
//	         names
//	zones    n; codes as deltas; names
//	towns    n; codes as deltas (9 digits); names
package gengaz

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Magic starts the uncompressed gazetteer.
const Magic = "tifa-gazetteer-1\n"

// Source file names, in the folder given to Build.
const (
	HistoryFile   = "areacodes_history.csv"
	ProvincesFile = "nbs2022_provinces.csv"
	CitiesFile    = "nbs2022_cities.csv"
	AreasFile     = "nbs2022_areas.csv"
	StreetsFile   = "nbs2022_streets.csv"
)

// Year bounds of the format: a year is stored as a byte after 1980.
const (
	baseYear = 1980
	lastYear = baseYear + 255
	nbsYear  = 2022 // the year of the NBS files
)

// Levels as stored.
const (
	levelProvince   = 1
	levelPrefecture = 2
	levelCounty     = 3
)

// record is a row of the history file.
type record struct {
	code     int
	level    byte
	from, to int // to 0: in use
	name     string
	succ     []succ
}

// succ is a code a record's area went to, and the year when the data gives
// one different from the record's end.
type succ struct {
	code, year int
}

// entry is an NBS code and name.
type entry struct {
	code int
	name string
}

// Build reads the source files from fsys and returns the gzip-compressed
// gazetteer. The same files give the same bytes.
func Build(fsys fs.FS) ([]byte, error) {
	raw, err := Encode(fsys)
	if err != nil {
		return nil, err
	}
	var z bytes.Buffer
	zw, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	zw.Write(raw)
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return z.Bytes(), nil
}

// Encode reads the source files from fsys and returns the gazetteer before
// compression.
func Encode(fsys fs.FS) ([]byte, error) {
	hist, err := readHistory(fsys)
	if err != nil {
		return nil, err
	}
	active := map[int]string{} // county-level and higher codes in use in 2022 → name
	known := map[int]bool{}
	names := map[int][]string{} // code → its names in any year
	for _, r := range hist {
		known[r.code] = true
		names[r.code] = append(names[r.code], r.name)
		if r.from <= nbsYear && (r.to == 0 || nbsYear < r.to) {
			active[r.code] = r.name
		}
	}
	for _, r := range hist {
		for _, s := range r.succ {
			if !known[s.code] {
				return nil, fmt.Errorf("%s: %06d %s: successor %06d is no code of the file", HistoryFile, r.code, r.name, s.code)
			}
		}
	}
	if err := checkNBS(fsys, active); err != nil {
		return nil, err
	}
	areas, err := readNBS(fsys, AreasFile, []string{"code", "name", "cityCode", "provinceCode"}, 6)
	if err != nil {
		return nil, err
	}
	var zones []entry
	counties := map[int]bool{}
	for _, a := range areas {
		counties[a.code] = true
		name, ok := active[a.code]
		switch {
		case !ok && slices.Contains(names[a.code], a.name):
			// A division NBS lists before the history does (米林市 540481,
			// in use from 2023): the history's record is kept.
		case !ok:
			zones = append(zones, a)
		case name != a.name:
			return nil, fmt.Errorf("%s: %06d is %s, but %s in %s in %d", AreasFile, a.code, a.name, name, HistoryFile, nbsYear)
		}
	}
	towns, err := readNBS(fsys, StreetsFile, []string{"code", "name", "areaCode", "provinceCode", "cityCode"}, 9)
	if err != nil {
		return nil, err
	}
	for _, t := range towns {
		if !counties[t.code/1000] {
			return nil, fmt.Errorf("%s: %09d %s: its county %06d is not in %s", StreetsFile, t.code, t.name, t.code/1000, AreasFile)
		}
	}
	return encode(hist, zones, towns), nil
}

// encode writes the tables in the format of the package comment.
func encode(hist []record, zones, towns []entry) []byte {
	b := []byte(Magic)
	b = binary.AppendUvarint(b, uint64(len(hist)))
	prev := 0
	for _, r := range hist {
		b = binary.AppendUvarint(b, uint64(r.code-prev))
		prev = r.code
	}
	for _, r := range hist {
		b = append(b, r.level)
	}
	for _, r := range hist {
		b = append(b, byte(r.from-baseYear))
	}
	for _, r := range hist {
		b = append(b, yearByte(r.to))
	}
	for _, r := range hist {
		b = binary.AppendUvarint(b, uint64(len(r.succ)))
	}
	for _, r := range hist {
		for _, s := range r.succ {
			b = binary.AppendUvarint(b, uint64(s.code))
			b = append(b, yearByte(s.year))
		}
	}
	for _, r := range hist {
		b = appendString(b, r.name)
	}
	for _, es := range [][]entry{zones, towns} {
		b = binary.AppendUvarint(b, uint64(len(es)))
		prev = 0
		for _, e := range es {
			b = binary.AppendUvarint(b, uint64(e.code-prev))
			prev = e.code
		}
		for _, e := range es {
			b = appendString(b, e.name)
		}
	}
	return b
}

func yearByte(y int) byte {
	if y == 0 {
		return 0
	}
	return byte(y - baseYear)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// historyHeader is the header of areacodes_history.csv.
var historyHeader = []string{"代码", "一级行政区", "二级行政区", "名称", "级别", "状态", "启用时间", "变更/弃用时间", "新代码"}

// readHistory reads areacodes_history.csv, sorted by code then first year.
func readHistory(fsys fs.FS) ([]record, error) {
	rows, err := readCSV(fsys, HistoryFile, historyHeader)
	if err != nil {
		return nil, err
	}
	levels := map[string]byte{"省级": levelProvince, "地级": levelPrefecture, "县级": levelCounty}
	var out []record
	for _, row := range rows {
		f := row.fields
		bad := func(format string, a ...any) error {
			return fmt.Errorf("%s:%d: %s", HistoryFile, row.line, fmt.Sprintf(format, a...))
		}
		var r record
		var err error
		if r.code, err = parseCode(f[0], 6); err != nil {
			return nil, bad("代码: %v", err)
		}
		if r.name, err = parseName(f[3]); err != nil {
			return nil, bad("名称: %v", err)
		}
		var ok bool
		if r.level, ok = levels[f[4]]; !ok {
			return nil, bad("级别 %q: want 省级, 地级 or 县级", f[4])
		}
		if want := levelOfCode(r.code); r.level != want {
			return nil, bad("级别 %s does not fit code %06d", f[4], r.code)
		}
		if r.from, err = parseYear(f[6]); err != nil {
			return nil, bad("启用时间: %v", err)
		}
		if f[7] != "" {
			if r.to, err = parseYear(f[7]); err != nil {
				return nil, bad("变更/弃用时间: %v", err)
			}
			if r.to <= r.from {
				return nil, bad("变更/弃用时间 %d is not after 启用时间 %d", r.to, r.from)
			}
		}
		switch st := f[5]; {
		case st == "在用" && r.to != 0, st != "在用" && r.to == 0:
			return nil, bad("状态 %s does not fit 变更/弃用时间 %q", st, f[7])
		case st != "在用" && st != "弃用" && st != "变更":
			return nil, bad("状态 %q: want 在用, 弃用 or 变更", st)
		}
		if f[8] != "" {
			for s := range strings.SplitSeq(f[8], ";") {
				sc, err := parseSucc(s)
				if err != nil {
					return nil, bad("新代码: %v", err)
				}
				r.succ = append(r.succ, sc)
			}
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b record) int {
		return cmp.Or(cmp.Compare(a.code, b.code), cmp.Compare(a.from, b.from))
	})
	for i := 1; i < len(out); i++ {
		a, b := out[i-1], out[i]
		if a.code == b.code && (a.to == 0 || a.to > b.from) {
			return nil, fmt.Errorf("%s: %06d: %s (%d–%d) and %s (from %d) overlap", HistoryFile, a.code, a.name, a.from, a.to, b.name, b.from)
		}
	}
	return out, nil
}

// levelOfCode is the level a 6-digit code's zeros give: PP0000 province,
// PPCC00 prefecture, else county.
func levelOfCode(code int) byte {
	switch {
	case code%10000 == 0:
		return levelProvince
	case code%100 == 0:
		return levelPrefecture
	}
	return levelCounty
}

// parseSucc parses a successor: a code, and a year in brackets.
func parseSucc(s string) (succ, error) {
	c, y, tagged := strings.Cut(s, "[")
	code, err := parseCode(c, 6)
	if err != nil {
		return succ{}, err
	}
	if !tagged {
		return succ{code: code}, nil
	}
	ys, ok := strings.CutSuffix(y, "]")
	if !ok {
		return succ{}, fmt.Errorf("%q: no closing ]", s)
	}
	year, err := parseYear(ys)
	if err != nil {
		return succ{}, fmt.Errorf("%q: %w", s, err)
	}
	return succ{code: code, year: year}, nil
}

// checkNBS checks that the NBS 2022 provinces and prefectures are those of
// the history file in 2022 (the history file is the one kept for them).
func checkNBS(fsys fs.FS, active map[int]string) error {
	provs, err := readNBS(fsys, ProvincesFile, []string{"code", "name"}, 2)
	if err != nil {
		return err
	}
	for _, p := range provs {
		if active[p.code*10000] != p.name {
			return fmt.Errorf("%s: %02d %s is not a province of %s in %d", ProvincesFile, p.code, p.name, HistoryFile, nbsYear)
		}
	}
	cities, err := readNBS(fsys, CitiesFile, []string{"code", "name", "provinceCode"}, 4)
	if err != nil {
		return err
	}
	for _, c := range cities {
		if _, ok := active[c.code*100]; !ok && !strings.Contains(c.name, "辖") && c.name != "县" {
			// 市辖区, 省直辖县级行政区划, 县: NBS groupings, no prefecture.
			return fmt.Errorf("%s: %04d %s is not a prefecture of %s in %d", CitiesFile, c.code, c.name, HistoryFile, nbsYear)
		}
	}
	return nil
}

// readNBS reads an NBS file whose first two columns are a code of digits
// digits and a name; it returns them sorted by code.
func readNBS(fsys fs.FS, file string, header []string, digits int) ([]entry, error) {
	rows, err := readCSV(fsys, file, header)
	if err != nil {
		return nil, err
	}
	out := make([]entry, 0, len(rows))
	seen := map[int]bool{}
	for _, row := range rows {
		code, err := parseCode(row.fields[0], digits)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: code: %w", file, row.line, err)
		}
		name, err := parseName(row.fields[1])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: name: %w", file, row.line, err)
		}
		if seen[code] {
			return nil, fmt.Errorf("%s:%d: code %s twice", file, row.line, row.fields[0])
		}
		seen[code] = true
		out = append(out, entry{code, name})
	}
	slices.SortFunc(out, func(a, b entry) int { return cmp.Compare(a.code, b.code) })
	return out, nil
}

// row is a CSV record and its line.
type row struct {
	line   int
	fields []string
}

// readCSV reads file, checks its header (a UTF-8 byte-order mark before
// it is dropped) and returns the other rows.
func readCSV(fsys fs.FS, file string, header []string) ([]row, error) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not UTF-8", file)
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = len(header)
	cr.ReuseRecord = false
	first, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if !slices.Equal(first, header) {
		return nil, fmt.Errorf("%s: header %q, want %q", file, first, header)
	}
	var out []row
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		line, _ := cr.FieldPos(0)
		out = append(out, row{line, rec})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no rows", file)
	}
	return out, nil
}

// parseCode parses a code of exactly digits decimal digits, not starting
// with 0.
func parseCode(s string, digits int) (int, error) {
	if len(s) != digits || s[0] == '0' || strings.Trim(s, "0123456789") != "" {
		return 0, fmt.Errorf("%q is no %d-digit code", s, digits)
	}
	return strconv.Atoi(s)
}

// parseYear parses a year the format can store.
func parseYear(s string) (int, error) {
	y, err := strconv.Atoi(s)
	if err != nil || y <= baseYear || y > lastYear {
		return 0, fmt.Errorf("%q is no year in %d..%d", s, baseYear+1, lastYear)
	}
	return y, nil
}

// parseName checks a name: non-empty, without spaces or control characters.
func parseName(s string) (string, error) {
	if s == "" {
		return "", errors.New("empty")
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == ' ' || r == utf8.RuneError {
			return "", fmt.Errorf("%q holds a space or control character", s)
		}
	}
	return s, nil
}
