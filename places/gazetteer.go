package places

import (
	"bytes"
	"cmp"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// gazetteer.gz is built by places/internal/gengaz from the files of
// ../shared/gazetteer (sources and licences in the package comment).
// TestGazetteerMatchesSources rebuilds it and fails when it differs;
// `go generate ./places` (or that test with -update) rewrites it.
//
//go:generate go test -run TestGazetteerMatchesSources -update .
//go:embed gazetteer.gz
var gazetteerData []byte

// gazetteerMagic starts the uncompressed gazetteer; it is gengaz.Magic.
const gazetteerMagic = "tifa-gazetteer-1\n"

// Pseudo-codes of this package: places with no code in either source.
const (
	// NationalCode is the code of the national level (全国): GB/T 2260 has
	// none. 100000 is the code mapping services (e.g. Aliyun DataV) give
	// 中华人民共和国; unlike 000000 it survives a spreadsheet's conversion to a
	// number.
	NationalCode = "100000"
	// XionganCode is the pseudo-code of 雄安新区, a new area run by Hebei
	// province that covers 雄县, 容城县 and 安新县 (still counties of 保定市
	// in both sources) and has no code of its own in them. Prefecture
	// digits 99 are used by neither source.
	XionganCode = "139900"
)

// pseudo are the pseudo-entries and the names they go by (the first is
// the official name).
var pseudo = []struct {
	code  uint32
	level Level
	names []string
}{
	{100000, National, []string{"全国", "中国", "中华人民共和国", "国务院", "中央"}},
	{139900, Zone, []string{"雄安新区", "河北雄安新区", "雄安"}},
}

// Years the history covers; outside them a year is taken as the nearest.
const (
	firstYear = 1981
	baseYear  = 1980 // years are stored as a byte after it
	nbsYear   = 2022 // the year of the township list
)

// Place is a division (or zone) as it was named in a span of years.
type Place struct {
	Code  string // 6 digits; 9 for a township
	Name  string // official name: 清苑县
	Level Level
	// From and To are the years the code had this name, To exclusive, as
	// of 31 December each year (To 0: still in use). Both are 0 for
	// townships and zones (known from the NBS list of 2022 alone) and for
	// the pseudo-entries.
	From, To int
	// ID is the panel id: the code followed through its successors to
	// the latest, so that a place keeps one id across renames (清苑县
	// 130622 and 清苑区 130608 are both 130608). See the package comment
	// for splits.
	ID string
}

// rec is a Place as held: codes as numbers.
type rec struct {
	code     uint32
	from, to uint16 // 0, 0: undated
	level    Level
	name     string
	succ     []succ
}

// succ is a code the area went to, and the year it did when that is not
// the record's end (a part given away while the record stayed in use).
type succ struct {
	code uint32
	year uint16
}

// Gazetteer holds every division code since 1981, the townships of 2022
// and the indexes to find them by name. It is read-only and safe for
// concurrent use.
type Gazetteer struct {
	recs      []rec
	ids       []string           // panel id of each record
	term      []int32            // the record whose code is each record's panel id
	byCode    map[uint32][]int32 // records of a code, by first year
	full      map[string][]int32 // official name → records
	short     map[string][]int32 // short forms → records
	pred      map[uint32][]int32 // code → records continued by it
	towns     int                // number of townships
	townStart int                // recs[townStart:][:towns] are the townships, by code
}

// isName reports whether s is an official name or a short form.
func (g *Gazetteer) isName(s string) bool { return g.full[s] != nil || g.short[s] != nil }

// codeRecs returns the records of a code, by first year.
func (g *Gazetteer) codeRecs(code uint32) []int32 {
	if code < 100000000 {
		return g.byCode[code]
	}
	towns := g.recs[g.townStart:][:g.towns]
	k, ok := slices.BinarySearchFunc(towns, code, func(r rec, c uint32) int { return cmp.Compare(r.code, c) })
	if !ok {
		return nil
	}
	return []int32{int32(g.townStart + k)}
}

// Load returns the embedded gazetteer, decoded on the first call (about
// 30 ms; see BenchmarkLoad) and shared afterwards.
func Load() (*Gazetteer, error) { return loadOnce() }

var loadOnce = sync.OnceValues(func() (*Gazetteer, error) {
	g, err := decode(gazetteerData)
	if err != nil {
		return nil, fmt.Errorf("places: embedded gazetteer: %w", err)
	}
	return g, nil
})

// decode reads the gzip-compressed format written by gengaz.
func decode(data []byte) (*Gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not gzip data: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	rest, ok := bytes.CutPrefix(raw, []byte(gazetteerMagic))
	if !ok {
		return nil, errors.New("bad magic")
	}
	d := &decoder{b: rest}
	g := &Gazetteer{}
	// History.
	n := d.count()
	recs := make([]rec, n, n+3000+45000)
	code := uint64(0)
	for i := range recs {
		code += d.uvarint()
		recs[i].code = uint32(code)
	}
	for i := range recs {
		recs[i].level = Level(d.byte() + byte(National))
	}
	for i := range recs {
		recs[i].from = d.year()
	}
	for i := range recs {
		recs[i].to = d.year()
	}
	nsucc := make([]int, n)
	for i := range recs {
		nsucc[i] = d.count()
	}
	for i := range recs {
		for range nsucc[i] {
			recs[i].succ = append(recs[i].succ, succ{uint32(d.uvarint()), d.year()})
		}
	}
	for i := range recs {
		recs[i].name = d.string()
	}
	// Zones, then townships.
	for _, l := range []Level{Zone, Township} {
		n := d.count()
		start := len(recs)
		code := uint64(0)
		for range n {
			code += d.uvarint()
			recs = append(recs, rec{code: uint32(code), level: l})
		}
		for i := range n {
			recs[start+i].name = d.string()
		}
		if l == Township {
			g.towns = n
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) > 0 {
		return nil, fmt.Errorf("%d bytes after the end", len(d.b))
	}
	for _, p := range pseudo {
		recs = append(recs, rec{code: p.code, level: p.level, name: p.names[0]})
	}
	g.townStart = len(recs) - len(pseudo) - g.towns
	for i, r := range recs {
		if err := checkRec(r); err != nil {
			return nil, fmt.Errorf("record %d: %w", i, err)
		}
	}
	g.recs = recs
	g.index()
	return g, nil
}

// checkRec checks what the lookups rely on: a code of the level's digits,
// years in order.
func checkRec(r rec) error {
	ok := r.name != ""
	switch r.level {
	case Province, Prefecture, County, Zone, National:
		ok = ok && r.code >= 100000 && r.code <= 999999
	case Township:
		ok = ok && r.code >= 100000000 && r.code <= 999999999
	default:
		ok = false
	}
	if r.to != 0 && r.to <= r.from {
		ok = false
	}
	for _, s := range r.succ {
		ok = ok && s.code >= 100000 && s.code <= 999999
	}
	if !ok {
		return fmt.Errorf("%d %q (level %d, %d–%d) is malformed", r.code, r.name, r.level, r.from, r.to)
	}
	return nil
}

// decoder reads the values of the format, keeping the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("truncated or bad %s", what)
	}
	d.b = nil
}

func (d *decoder) uvarint() uint64 {
	v, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.fail("number")
		return 0
	}
	d.b = d.b[k:]
	return v
}

// count reads a number of items, bounded by the bytes left (each item
// takes one byte or more), so bad data cannot allocate without bound.
func (d *decoder) count() int {
	v := d.uvarint()
	if v > uint64(len(d.b)) {
		d.fail("count")
		return 0
	}
	return int(v)
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.fail("byte")
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) year() uint16 {
	if c := d.byte(); c != 0 {
		return uint16(c) + baseYear
	}
	return 0
}

func (d *decoder) string() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

// index builds the maps and the panel ids.
func (g *Gazetteer) index() {
	n := len(g.recs)
	g.byCode = make(map[uint32][]int32, n-g.towns)
	g.full = make(map[string][]int32, n-g.towns/4)
	g.short = make(map[string][]int32, n/2) // about 30,000 short forms
	for i, r := range g.recs {
		id := int32(i)
		if r.level != Township { // townships are found by binary search: see codeRecs
			g.byCode[r.code] = append(g.byCode[r.code], id)
		}
		g.full[r.name] = append(g.full[r.name], id)
		for _, s := range shortForms(r.name, r.level) {
			if !slices.Contains(g.short[s], id) {
				g.short[s] = append(g.short[s], id)
			}
		}
	}
	for _, p := range pseudo {
		id := g.byCode[p.code][0]
		for _, name := range p.names[1:] {
			g.short[name] = append(g.short[name], id)
		}
	}
	g.pred = map[uint32][]int32{}
	for i := range g.recs {
		if next := g.continuation(int32(i)); next >= 0 {
			c := g.recs[next].code
			g.pred[c] = append(g.pred[c], int32(i))
		}
	}
	g.ids = make([]string, n)
	g.term = make([]int32, n)
	terminal := g.term
	for i := range g.recs {
		terminal[i] = g.terminal(int32(i))
	}
	// A terminal is a record in use, or a dead end (retired with no clear
	// continuation). Two terminals may share a code when a code was given
	// again to another area: the one in use keeps the code as its id, a
	// dead end then gets code@first-year.
	holders := map[uint32]int{}
	for i, t := range terminal {
		if int32(i) == t {
			holders[g.recs[t].code]++
		}
	}
	for i, t := range terminal {
		r := g.recs[t]
		id := r.codeString()
		if holders[r.code] > 1 && r.to != 0 {
			id += "@" + strconv.Itoa(int(r.from))
		}
		g.ids[i] = id
	}
}

// codeString writes the code: 6 or 9 digits.
func (r rec) codeString() string { return strconv.FormatUint(uint64(r.code), 10) }

// place returns record i as a Place.
func (g *Gazetteer) place(i int32) Place {
	r := g.recs[i]
	return Place{Code: r.codeString(), Name: r.name, Level: r.level, From: int(r.from), To: int(r.to), ID: g.ids[i]}
}

// dated reports whether record i has years (history records only).
func (r rec) dated() bool { return r.from != 0 }

// activeEnd reports whether r is in use on 31 December of year y.
func (r rec) activeEnd(y int) bool {
	return !r.dated() || int(r.from) <= y && (r.to == 0 || y < int(r.to))
}

// activeDuring reports whether r is in use at some time in year y (its
// last year is the year of its change).
func (r rec) activeDuring(y int) bool {
	return !r.dated() || int(r.from) <= y && (r.to == 0 || y <= int(r.to))
}

// recAt returns the record of code in use at the end of year y, or -1.
func (g *Gazetteer) recAt(code uint32, y int) int32 {
	for _, i := range g.codeRecs(code) {
		if g.recs[i].activeEnd(y) {
			return i
		}
	}
	return -1
}

// continuation returns the record that continues record i after it ends,
// or -1 (in use, or a dead end). A retired record is continued by its own
// code when the data lists it (a rename: 东郊区 → 东丽区, 120110) or lists
// no successor of that year and the code's next record starts at once;
// else by its only
// successor; else by the one successor whose name has the same
// stem (抚宁县 → 抚宁区). A split with no such successor (石家庄's 郊区 went to
// five districts) is a dead end: its panel ends with it. Successors with a
// year of their own are parts given away earlier, not continuations.
func (g *Gazetteer) continuation(i int32) int32 {
	r := g.recs[i]
	if r.to == 0 {
		return -1
	}
	var final []int32
	untagged := 0
	for _, s := range r.succ {
		if s.year != 0 {
			continue
		}
		untagged++
		j := g.recAt(s.code, int(r.to))
		if j < 0 {
			continue
		}
		if s.code == r.code {
			return j
		}
		final = append(final, j)
	}
	if untagged == 0 {
		// A rename in place the data lists no successor for (忻县地区 →
		// 忻州地区, 142200, in 1983; 襄樊市 → 襄阳市, 420600, in 2010, having
		// given parts away in 1984): the code's next record starting when
		// this one ends.
		return g.recAt(r.code, int(r.to))
	}
	if len(final) == 1 {
		return final[0]
	}
	var same []int32
	st := stem(r.name, r.level)
	for _, j := range final {
		if stem(g.recs[j].name, g.recs[j].level) == st {
			same = append(same, j)
		}
	}
	if len(same) == 1 {
		return same[0]
	}
	return -1
}

// terminal follows continuations from record i to the last.
func (g *Gazetteer) terminal(i int32) int32 {
	for range len(g.recs) { // a cycle would be a data bug; it stops here
		next := g.continuation(i)
		if next < 0 {
			return i
		}
		i = next
	}
	panic("places: cycle in the successors of " + g.recs[i].codeString())
}

// at returns the record standing for record i's area in year y: i itself
// when in use during y; else, after its end, the records that continue it;
// before its start, the one record it continues (when there is one).
func (g *Gazetteer) at(i int32, y int) int32 {
	for range 64 {
		r := g.recs[i]
		switch {
		case r.activeDuring(y):
			return i
		case int(r.to) != 0 && y > int(r.to):
			next := g.continuation(i)
			if next < 0 {
				return i
			}
			i = next
		default: // before its first year
			prev := g.pred[r.code]
			var in []int32
			for _, p := range prev {
				if g.recs[p].to == r.from {
					in = append(in, p)
				}
			}
			if len(in) != 1 {
				return i
			}
			i = in[0]
		}
	}
	return i
}

// parseCode reads a 6- or 9-digit code.
func parseCode(s string) (uint32, bool) {
	if len(s) != 6 && len(s) != 9 || s[0] == '0' {
		return 0, false
	}
	v, err := strconv.ParseUint(s, 10, 32)
	return uint32(v), err == nil
}

// find returns the record of code for year y: the one in use at the end of
// y, else during y, else the nearest in time; -1 when the code is unknown.
// Year 0 is the latest.
func (g *Gazetteer) find(code string, y int) int32 {
	c, ok := parseCode(code)
	if !ok {
		return -1
	}
	return g.nearest(c, clampYear(y))
}

// nearest returns the record of code for year y (not 0) as find does.
func (g *Gazetteer) nearest(c uint32, y int) int32 {
	ids := g.codeRecs(c)
	if len(ids) == 0 {
		return -1
	}
	if i := g.recAt(c, y); i >= 0 {
		return i
	}
	for _, i := range ids {
		if g.recs[i].activeDuring(y) {
			return i
		}
	}
	if y < int(g.recs[ids[0]].from) {
		return ids[0]
	}
	best := ids[0]
	for _, i := range ids {
		if int(g.recs[i].from) <= y {
			best = i
		}
	}
	return best
}

// clampYear maps year 0 (latest) and years outside the history to the
// nearest year it covers.
func clampYear(y int) int {
	switch {
	case y == 0:
		return 9999
	case y < firstYear:
		return firstYear
	}
	return y
}

// Place returns the place of a code in a year: its name in use then (or the
// nearest in time when the code was not in use that year). Year 0 is the
// latest. It reports false for a code that is not in the gazetteer.
func (g *Gazetteer) Place(code string, year int) (Place, bool) {
	i := g.find(code, year)
	if i < 0 {
		return Place{}, false
	}
	return g.place(i), true
}

// Parents are the divisions that contain a place in a year, the place
// itself at its own level: for 清苑县 in 2010, Province 河北省 130000, City
// 保定市 130600, County 清苑县 130622. A level with no division (a district
// of Beijing has no prefecture; a province has no county) is a zero Place.
type Parents struct {
	Province Place
	City     Place // the prefecture-level division: 地级市, 地区, 自治州, 盟
	County   Place
	Township Place
}

// Parents returns the divisions containing code in year (0: the latest).
// A township's county is the county of its 2022 code as it was in year
// (清苑区's townships are in 清苑县 130622 in 2010). Unknown codes give zero
// Parents.
func (g *Gazetteer) Parents(code string, year int) Parents {
	i := g.find(code, year)
	if i < 0 {
		return Parents{}
	}
	return g.parents(i, clampYear(year))
}

func (g *Gazetteer) parents(i int32, y int) Parents {
	var p Parents
	ps := [4]*Place{&p.Township, &p.County, &p.City, &p.Province}
	for k, j := range g.chain(i, y) {
		if j >= 0 {
			*ps[k] = g.place(j)
		}
	}
	return p
}

// Chain positions.
const (
	inTownship = iota
	inCounty
	inCity
	inProvince
)

// chain returns the records of the township, county, prefecture and
// province holding record i in year y (−1 where there is none), i itself
// at its own level; a zone or the national level holds only its parents.
func (g *Gazetteer) chain(i int32, y int) [4]int32 {
	c := [4]int32{-1, -1, -1, -1}
	r := g.recs[i]
	code := r.code
	switch r.level {
	case National:
		return c
	case Township:
		c[inTownship] = i
		county := g.nearest(code/1000, nbsYear)
		if county < 0 {
			return c
		}
		county = g.at(county, y)
		r = g.recs[county]
		code = r.code
		if r.level == County {
			c[inCounty] = county
		}
	case County:
		c[inCounty] = i
	case Prefecture:
		c[inCity] = i
	case Province:
		c[inProvince] = i
		return c
	}
	if c[inCity] < 0 && code%100 != 0 {
		if j := g.during(code/100*100, y); j >= 0 && g.recs[j].level == Prefecture {
			c[inCity] = j
		}
	}
	c[inProvince] = g.during(code/10000*10000, y)
	return c
}

// during returns the record of code in use during year y (at its end if
// two are), or -1.
func (g *Gazetteer) during(code uint32, y int) int32 {
	if i := g.recAt(code, y); i >= 0 {
		return i
	}
	for _, i := range g.codeRecs(code) {
		if g.recs[i].activeDuring(y) {
			return i
		}
	}
	return -1
}

// Superiors returns the chain of divisions above code in year, nearest
// first and ending with the national level: for a township, its county,
// prefecture (when there is one), province and 全国 (NationalCode). A
// province's chain is [全国]; 全国's and an unknown code's is empty.
func (g *Gazetteer) Superiors(code string, year int) []Place {
	i := g.find(code, year)
	if i < 0 || g.recs[i].level == National {
		return nil
	}
	p := g.parents(i, clampYear(year))
	var out []Place
	for _, q := range []Place{p.Township, p.County, p.City, p.Province} {
		if q.Code != "" && q.Code != g.recs[i].codeString() {
			out = append(out, q)
		}
	}
	nat, _ := g.Place(NationalCode, 0)
	return append(out, nat)
}

// PanelID returns the panel id of code as it was in year (0: the latest):
// Place(code, year).ID, or "" for an unknown code.
func (g *Gazetteer) PanelID(code string, year int) string {
	p, _ := g.Place(code, year)
	return p.ID
}

// Panel returns the latest place of panel id (a Place.ID: 130608, or
// code@first-year for a code later given to another area): its code and
// official name in the last year it was in use, so that the panel of
// 清苑县 and 清苑区 is named 清苑区. It reports false for an id no place has.
func (g *Gazetteer) Panel(id string) (Place, bool) {
	code, _, _ := strings.Cut(id, "@")
	c, ok := parseCode(code)
	if !ok {
		return Place{}, false
	}
	for _, i := range g.codeRecs(c) {
		if g.term[i] == i && g.ids[i] == id {
			return g.place(i), true
		}
	}
	return Place{}, false
}

// Lookup returns every place named name, in any year, at level l (Unknown:
// any level), by official name or short form (河北, 保定, 内蒙古, 凉山州),
// sorted by code and first year. Filters on names (--where county=徐水)
// compare the places' IDs: 徐水县 and 徐水区 share one.
func (g *Gazetteer) Lookup(name string, l Level) []Place {
	var out []Place
	for _, i := range g.named(name, l) {
		out = append(out, g.place(i))
	}
	slices.SortFunc(out, func(a, b Place) int {
		if a.Code != b.Code {
			return compareCodes(a.Code, b.Code)
		}
		return a.From - b.From
	})
	return out
}

// named returns the records named name, by official name or short form,
// in any year, at level l (Unknown: any).
func (g *Gazetteer) named(name string, l Level) []int32 {
	var out []int32
	for _, m := range []map[string][]int32{g.full, g.short} {
		for _, i := range m[name] {
			if !slices.Contains(out, i) && (l == Unknown || g.recs[i].level == l) {
				out = append(out, i)
			}
		}
	}
	return out
}

// compareCodes orders codes by length, then digits: numerically.
func compareCodes(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Places returns the places of level l in use in year (0: the latest;
// townships and zones are those of 2022 whatever the year), sorted by
// code.
func (g *Gazetteer) Places(l Level, year int) []Place {
	y := clampYear(year)
	var out []Place
	for i, r := range g.recs {
		if r.level == l && r.activeEnd(y) {
			out = append(out, g.place(int32(i)))
		}
	}
	slices.SortStableFunc(out, func(a, b Place) int { return compareCodes(a.Code, b.Code) })
	return out
}
