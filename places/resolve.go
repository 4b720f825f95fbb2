package places

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Doc is what is known of a document for placing it: the fields of its
// manifest row, where it lies, and the start of its text.
type Doc struct {
	Year  int   // the report's year; 0 when unknown (the latest divisions)
	Level Level // the manifest's level (ParseLevel); Unknown when none
	// Region is the manifest's region: 清苑县, 河北, 保定市, 店口镇.
	Region string
	// RegionFrom says where Region was read when not in the manifest:
	// FromFile or FromHeader, for a caller that found it there itself
	// (Result.Source then says so). NoSource means the manifest.
	RegionFrom Source
	// Province, City, County and Code are the manifest's optional columns
	// of those names. A code decides alone; names narrow the region's
	// candidates (城关镇 in county 嵩县) and must fit it.
	Province, City, County, Code string
	// Path is the document's path below the collection's root, with
	// forward slashes (保定/徐水区/2019.txt): its folders narrow the
	// candidates; its file name (清苑县_2003.txt) names the place when the
	// manifest does not.
	Path string
	// Part is the 1-based index of the report in a file holding several
	// (a bundle), 0 for a file of one: an override keyed PATH#N applies
	// to part N alone.
	Part int
	// Header is the start of the document's text: its title and first
	// lines (店口镇2020年度政府工作报告, 我代表诸暨市店口镇人民政府 …). The first
	// HeaderRunes characters are read.
	Header string
}

// HeaderRunes is how much of Doc.Header is read.
const HeaderRunes = 1000

// Source tells which part of a Doc decided a Result.
type Source uint8

// Sources, in the order a Resolver trusts them.
const (
	NoSource     Source = iota
	FromOverride        // the user's file (--places)
	FromManifest        // the manifest's code or region
	FromFile            // the file name
	FromPath            // a folder of the path
	FromHeader          // the text's first lines
)

var sourceNames = [...]string{"", "override", "manifest", "filename", "path", "header"}

// label names the source in Why: the manifest gives a region, the path a
// folder.
func (s Source) label() string {
	switch s {
	case FromManifest:
		return "region"
	case FromFile:
		return "file name"
	case FromPath:
		return "folder"
	}
	return s.String()
}

// String returns the source's name: "override", "manifest", "filename",
// "path" or "header" (the words package reports uses for metadata
// sources); "" for NoSource.
func (s Source) String() string {
	if int(s) < len(sourceNames) {
		return sourceNames[s]
	}
	return "source(" + strconv.Itoa(int(s)) + ")"
}

// Result is where a document lies. When the name is ambiguous or unknown,
// Code is "" and Why says why, with at most MaxCandidates Candidates.
type Result struct {
	Place   // the place in the document's year: Code, Name, Level, ID (panel id)
	Parents // its province, city, county (and township), itself included
	Source  Source
	Matched string // the name as written that decided it: 清苑县, 诸暨市店口镇
	Why     string // how it was decided, or why it could not be
	// Candidates are the places the name could be when it is ambiguous, by
	// code, at most MaxCandidates.
	Candidates []Candidate
	// NoDivision is set when the manifest's code column or an override
	// gives the code NoDivision: the author is no division of the
	// gazetteer (a fictional place, an unlisted zone). Code is empty, and
	// there is nothing to warn about.
	NoDivision bool
}

// NoDivision is the code that marks a report's author as no division of
// the gazetteer, in a manifest's code column or an overrides file: the
// report gets no code, and no warning says it could not be placed.
const NoDivision = "none"

// Resolved reports whether the result has a code.
func (r Result) Resolved() bool { return r.Code != "" }

// MaxCandidates bounds Result.Candidates.
const MaxCandidates = 5

// Candidate is a place an ambiguous name could be.
type Candidate struct {
	Code  string
	Names string // its chain of names, from the province down: 河南省 洛阳市 嵩县 城关镇
}

// Resolver places documents on the gazetteer, with the user's overrides.
// It is read-only and safe for concurrent use.
type Resolver struct {
	g  *Gazetteer
	ov *Overrides
}

// NewResolver returns a resolver on g; ov (nil for none) takes precedence
// over everything else.
func NewResolver(g *Gazetteer, ov *Overrides) *Resolver {
	return &Resolver{g: g, ov: ov}
}

// Gazetteer returns the resolver's gazetteer.
func (r *Resolver) Gazetteer() *Gazetteer { return r.g }

// found are the candidate records for a name, mapped to the year.
type found struct {
	ids  []int32
	note string // how the year or level changed the match
}

// lookup returns the records a name can be in year y at level l. Names
// match in tiers, the first tier with a match winning: the official name
// (清苑县, 保定市, 店口镇); then the short form of a province or prefecture
// (河北, 保定, 凉山州); then that of a county (徐水, 天门). A level other than
// Unknown keeps that level's records; when none has it, any level is taken
// and the note says so. Records not in use in y are replaced by those that
// stood for their area in y (清苑县 in 2020 → 清苑区).
func (g *Gazetteer) lookup(name string, l Level, y int) found {
	if name == "" {
		return found{}
	}
	if f := g.lookupLevel(name, l, y); len(f.ids) > 0 || l == Unknown {
		return f
	}
	f := g.lookupLevel(name, Unknown, y)
	if len(f.ids) > 0 {
		f.note = join(f.note, fmt.Sprintf("no %s is named %s: taken at any level", l, name))
	}
	return f
}

func (g *Gazetteer) lookupLevel(name string, l Level, y int) found {
	full, short := g.full[name], g.short[name]
	if len(full) == 0 && len(short) == 0 {
		return found{}
	}
	for tier := range 3 {
		var ids []int32
		if tier == 0 {
			ids = keepLevel(g, nil, full, l, func(Level) bool { return true })
		} else {
			ids = keepLevel(g, nil, short, l, func(rl Level) bool { return (rl == County) == (tier == 2) })
		}
		if len(ids) > 0 {
			return g.inYear(name, ids, y)
		}
	}
	return found{}
}

// keepLevel appends to dst the records of ids at level l (Unknown: any)
// whose level passes tier.
func keepLevel(g *Gazetteer, dst, ids []int32, l Level, tier func(Level) bool) []int32 {
	for _, i := range ids {
		if rl := g.recs[i].level; (l == Unknown || rl == l) && tier(rl) {
			dst = append(dst, i)
		}
	}
	return dst
}

// inYear keeps the records in use during year y; when none is, it maps
// each to the record standing for its area in y. Two records of one panel
// (徐水县 and 徐水区, both in use during 2015) give the one in use at the
// year's end.
func (g *Gazetteer) inYear(name string, ids []int32, y int) found {
	var f found
	for _, i := range ids {
		if g.recs[i].activeDuring(y) {
			f.ids = append(f.ids, i)
		}
	}
	if len(f.ids) == 0 {
		var was []string
		for _, i := range ids {
			j := g.at(i, y)
			if !slices.Contains(f.ids, j) {
				f.ids = append(f.ids, j)
			}
			r := g.recs[i]
			was = append(was, fmt.Sprintf("%s %s (%d–%s)", r.codeString(), r.name, r.from, yearOrNow(r.to)))
		}
		if y != 9999 {
			f.note = fmt.Sprintf("%s was not in use in %d: %s", name, y, strings.Join(was, ", "))
		}
	}
	if len(f.ids) > 1 {
		var keep []int32
		for _, i := range f.ids {
			k := slices.IndexFunc(keep, func(j int32) bool { return g.term[j] == g.term[i] })
			switch {
			case k < 0:
				keep = append(keep, i)
			case !g.recs[keep[k]].activeEnd(y) && g.recs[i].activeEnd(y):
				keep[k] = i
			}
		}
		f.ids = keep
	}
	return f
}

func yearOrNow(y uint16) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(int(y))
}

// constraint is a context name and the panel ids it can stand for.
type constraint struct {
	text   string
	src    Source
	strong bool    // from the manifest: it must fit
	ids    []int32 // panels (their last records) the name stands for
	loose  []int32 // when no candidate fits ids: see Gazetteer.constraint
}

// fits reports whether record i lies within a panel of set in year y: its
// own, or its county's, prefecture's or province's.
func (g *Gazetteer) fits(i int32, y int, set []int32) bool {
	if slices.Contains(set, g.term[i]) {
		return true
	}
	for _, a := range g.chain(i, y) {
		if a >= 0 && slices.Contains(set, g.term[a]) {
			return true
		}
	}
	return false
}

// ResolveName places a name alone, with no context: the name at level l
// (Unknown: any) in year (0: the latest).
func (r *Resolver) ResolveName(name string, l Level, year int) Result {
	return r.Resolve(Doc{Region: name, Level: l, Year: year})
}

// Resolve places a document. In order:
//
//  1. the user's overrides, by path, file name, then region;
//  2. the national level (Level National, or a region 全国), NationalCode;
//  3. the manifest's code column, which decides alone;
//  4. the name of the place: the manifest's region, else the file name
//     (清苑县_2003.txt), else the last folder that names a place, else the
//     header's reporting body (店口镇 in 店口镇人民政府, the innermost of
//     诸暨市店口镇); its candidates are the records so named in the year
//     (see Gazetteer.Lookup for short forms), at the manifest's level;
//  5. the context narrows several candidates: the manifest's province,
//     city and county columns must fit (no candidate fitting is an error);
//     then the folders and the header's other names narrow them when some
//     candidate fits; last, the names of each candidate's county,
//     prefecture and province (with short forms: 吴江 for 吴江区) are looked
//     for in the header, the deepest found winning.
//
// One candidate left is the result. Several, or none, give an unresolved
// Result listing them: never a guess. A township (9-digit codes of 2022)
// needs its county or city in the context unless its name is unique among
// the 41,352; Why says which.
func (r *Resolver) Resolve(d Doc) Result {
	g := r.g
	y := clampYear(d.Year)
	header := d.Header
	if n := runeOffset(header, HeaderRunes); n < len(header) {
		header = header[:n]
	}
	dir, file := path.Split(d.Path)
	if res, ok := r.override(d, y); ok {
		return res
	}
	if d.Level == National {
		return g.result(g.byCode[100000][0], y, FromManifest, d.Region, "level national")
	}
	if strings.EqualFold(d.Code, NoDivision) {
		return Result{Source: FromManifest, Matched: d.Code, Why: "manifest code none: no division", NoDivision: true}
	}
	if d.Code != "" {
		i := g.find(d.Code, y)
		if i < 0 {
			return Result{Source: FromManifest, Matched: d.Code, Why: fmt.Sprintf("code %q: not a code of the gazetteer", d.Code)}
		}
		return g.result(i, y, FromManifest, d.Code, "code "+d.Code)
	}

	// The context: manifest columns, folders, header names.
	var cons []constraint
	for _, col := range []struct {
		name string
		l    Level
	}{{d.Province, Province}, {d.City, Prefecture}, {d.County, County}} {
		if col.name != "" {
			cons = append(cons, g.constraint(col.name, col.l, y, FromManifest, true))
		}
	}
	folders := pathNames(dir)
	for _, f := range folders {
		cons = append(cons, g.constraint(f, Unknown, y, FromPath, false))
	}
	ments := g.headerNames(header, y)
	for k, m := range ments {
		if len(m.ids) > 0 && !slices.ContainsFunc(ments[:k], func(o headerName) bool { return o.name == m.name }) {
			cons = append(cons, constraint{text: m.name, src: FromHeader, ids: g.panels(m.ids)})
		}
	}

	// The name.
	name, src, l := d.Region, FromManifest, d.Level
	if d.RegionFrom != NoSource {
		src = d.RegionFrom
	}
	var f found
	switch {
	case name != "":
		f = g.lookup(name, l, y)
		if len(f.ids) == 0 {
			var outer []constraint
			name, f, outer = g.chainName(name, l, y, src)
			cons = append(outer, cons...)
		}
	default:
		name, src, f = g.nameFromFile(file, l, y)
		if len(f.ids) == 0 {
			for k := len(folders) - 1; k >= 0; k-- {
				if f = g.lookup(folders[k], l, y); len(f.ids) > 0 {
					name, src = folders[k], FromPath
					break
				}
			}
		}
		if len(f.ids) == 0 {
			if m, ok := bodyOf(ments, l); ok {
				name, src, f = m.name, FromHeader, found{ids: m.ids, note: m.note}
			}
		}
	}
	if res, ok := r.overrideName(name, y); ok {
		return res
	}
	if len(f.ids) == 0 {
		if name == "" {
			return Result{Why: "no place name in the manifest, file name, folders or header"}
		}
		return Result{Source: src, Matched: name, Why: fmt.Sprintf("%s %s: no division or zone is so named", src.label(), name)}
	}
	return g.narrow(f, name, src, y, cons, header)
}

// chainName reads a region written with the divisions above it
// (诸暨市店口镇, 河北省保定市): the innermost name and its candidates, with
// the others as constraints that must fit. A name that is no such chain
// is returned as it is, with no candidates.
func (g *Gazetteer) chainName(name string, l Level, y int, src Source) (string, found, []constraint) {
	ms := g.headerNames(name, y)
	var whole strings.Builder
	for _, m := range ms {
		whole.WriteString(m.name)
	}
	if len(ms) < 2 || whole.String() != name {
		return name, found{}, nil
	}
	var cons []constraint
	for _, m := range ms[:len(ms)-1] {
		cons = append(cons, g.constraint(m.name, m.level, y, src, true))
	}
	last := ms[len(ms)-1].name
	return last, g.lookup(last, l, y), cons
}

// narrow applies the constraints and the header to the candidates.
func (g *Gazetteer) narrow(f found, name string, src Source, y int, cons []constraint, header string) Result {
	ids := f.ids
	var by []string
	for _, c := range cons {
		if c.text == name && !c.strong {
			continue // the name itself, found again in the header
		}
		var keep []int32
		for _, set := range [][]int32{c.ids, c.loose} {
			for _, i := range ids {
				if g.fits(i, y, set) {
					keep = append(keep, i)
				}
			}
			if len(keep) > 0 {
				break
			}
		}
		switch {
		case len(keep) == 0 && c.strong:
			return g.unresolved(ids, y, src, name, fmt.Sprintf("%s %s: none lies in %s (manifest)", src.label(), name, c.text))
		case len(keep) == 0:
			continue // another place named in passing
		}
		// A constraint narrowing the candidates, or confirming them by
		// naming a division above them.
		above := !slices.Contains(c.ids, g.term[keep[0]]) && !slices.Contains(c.loose, g.term[keep[0]])
		if s := fmt.Sprintf("%s (%s)", c.text, c.src); (len(keep) < len(ids) || c.strong || above) && !slices.Contains(by, s) {
			by = append(by, s)
		}
		ids = keep
	}
	// Last, the text: the names of the candidates' divisions in the header
	// narrow several candidates, or confirm a township. The name itself is
	// no evidence: 东洲 of 东洲街道 is not 东洲区.
	confirm := len(ids) == 1 && len(by) == 0 && g.recs[ids[0]].level == Township
	if len(ids) > 1 || confirm {
		header = strings.ReplaceAll(header, name, " ")
	}
	if confirm {
		if _, hit := g.inHeader(ids, y, header); hit != "" {
			by = append(by, hit+" (header)")
		}
	}
	if len(ids) > 1 {
		if keep, hit := g.inHeader(ids, y, header); len(keep) < len(ids) {
			ids = keep
			by = append(by, hit+" (header)")
		}
	}
	if len(ids) > 1 {
		what := "places"
		if sameLevel(g, ids) {
			what = plural(g.recs[ids[0]].level)
		}
		why := fmt.Sprintf("%s %s: %d %s so named", src.label(), name, len(ids), what)
		if len(by) > 0 {
			why += " within " + strings.Join(by, ", ")
		}
		return g.unresolved(ids, y, src, name, join(why+"; the context does not tell them apart", f.note))
	}
	i := ids[0]
	why := src.label() + " " + name
	if len(by) > 0 {
		why += " within " + strings.Join(by, ", ")
	} else if len(f.ids) == 1 && g.recs[i].level == Township {
		why += ": the only township so named (NBS 2022); no county in the context confirms it"
	}
	return g.result(i, y, src, name, join(why, f.note))
}

// plural names a level's places: counties, townships.
func plural(l Level) string {
	if s, ok := strings.CutSuffix(l.String(), "y"); ok {
		return s + "ies"
	}
	return l.String() + "s"
}

func sameLevel(g *Gazetteer, ids []int32) bool {
	for _, i := range ids {
		if g.recs[i].level != g.recs[ids[0]].level {
			return false
		}
	}
	return true
}

// inHeader keeps the candidates one of whose containing divisions is named
// in the header (full name or short form of two characters or more), the
// deepest level found winning; it returns them and the names found.
func (g *Gazetteer) inHeader(ids []int32, y int, header string) ([]int32, string) {
	if header == "" {
		return ids, ""
	}
	best := 0
	var keep []int32
	var hits []string
	for _, i := range ids {
		p := g.parents(i, y)
		score, hit := 0, ""
		for k, q := range []Place{p.Province, p.City, p.County} {
			if q.Code == "" || q.Code == g.recs[i].codeString() {
				continue
			}
			for _, s := range append([]string{q.Name}, shortForms(q.Name, q.Level)...) {
				if strings.Contains(header, s) {
					score, hit = k+1, s
					break
				}
			}
		}
		switch {
		case score > best:
			best, keep, hits = score, []int32{i}, []string{hit}
		case score == best && score > 0:
			keep = append(keep, i)
			if !slices.Contains(hits, hit) {
				hits = append(hits, hit)
			}
		}
	}
	if best == 0 {
		return ids, ""
	}
	return keep, strings.Join(hits, ", ")
}

// constraint resolves a context name to the panel ids it can stand for
// in year y; loose holds those of the places so named in any year, for a
// manifest or folder giving a county its present name in an older report
// (通州区 of 南通 is 通州市 until 2009; in 2003 only Beijing's 通州区 was in
// use).
func (g *Gazetteer) constraint(name string, l Level, y int, src Source, strong bool) constraint {
	c := constraint{text: name, src: src, strong: strong}
	f := g.lookup(name, l, y)
	c.ids = g.panels(f.ids)
	ids := g.named(name, l)
	if len(ids) == 0 {
		ids = g.named(name, Unknown)
	}
	c.loose = g.panels(ids)
	return c
}

// panels returns the panels of records, each once.
func (g *Gazetteer) panels(ids []int32) []int32 {
	var out []int32
	for _, i := range ids {
		if t := g.term[i]; !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// headerName is a name of the header and its candidates.
type headerName struct {
	name  string
	level Level
	gov   bool
	ids   []int32
	note  string
}

// headerNames returns the header's mentions that name places: for each,
// the longest name the gazetteer holds ending at its end, starting at its
// run or after the name before it (在镇江市 → 镇江市; 汾阳市西河街道 →
// 西河街道, not the 市西河街道 of 贵阳).
func (g *Gazetteer) headerNames(header string, y int) []headerName {
	var out []headerName
	prevEnd := 0
	for _, m := range Mentions(header) {
		if m.End <= prevEnd {
			continue
		}
		from := max(m.Run, prevEnd)
		name, end, gov := "", m.End, m.Gov
		if suf, _ := suffixAt(header[m.End:]); suf != "" {
			// A suffix after a suffix: 沙县|区, 丰州|镇, 杭州|市.
			ext := m
			ext.End += len(suf)
			if name = g.longestName(header, from, ext); name != "" {
				end = ext.End
				gov = govAfter(header[end:]) >= 0
			}
		}
		if name == "" {
			name = g.longestName(header, from, m)
		}
		if name == "" {
			continue
		}
		f := g.lookup(name, Unknown, y)
		l := m.Level
		if len(f.ids) > 0 && sameLevel(g, f.ids) {
			l = g.recs[f.ids[0]].level
		}
		prevEnd = end
		out = append(out, headerName{name: name, level: l, gov: gov, ids: f.ids, note: f.note})
	}
	return out
}

// longestName returns the longest name in the gazetteer that is
// text[from:m.End] or ends it.
func (g *Gazetteer) longestName(text string, from int, m Mention) string {
	span := text[from:m.End]
	n := utf8.RuneCountInString(span)
	for n > maxNameRunes {
		_, size := utf8.DecodeRuneInString(span)
		span, n = span[size:], n-1
	}
	for ; n >= 2; n-- {
		if g.isName(span) && !genericNames[span] && span != m.Suffix {
			return span
		}
		_, size := utf8.DecodeRuneInString(span)
		span = span[size:]
	}
	return ""
}

// genericNames are names of a few townships (and zones) that are also
// common words of reports: a header's 开发区 or 城区 names no place.
var genericNames = map[string]bool{
	"街道": true, "开发区": true, "城区": true, "郊区": true, "矿区": true, "市区": true, "新区": true,
	"高新区": true, "工业区": true, "园区": true, "社区": true, "林区": true, "景区": true, "示范区": true,
}

// bodyOf returns the header's reporting body: the deepest of the names
// given as a government (…人民政府, …第X届人民代表大会, …2020年度), at level l
// when that is known.
func bodyOf(ms []headerName, l Level) (headerName, bool) {
	best, ok := headerName{}, false
	for _, m := range ms {
		if !m.gov || len(m.ids) == 0 {
			continue
		}
		if l != Unknown && m.level != l {
			continue
		}
		if !ok || depth(m.level) > depth(best.level) {
			best, ok = m, true
		}
	}
	return best, ok
}

// depth orders levels from the top, zones with counties.
func depth(l Level) int {
	if l == Zone {
		return int(County)
	}
	return int(l)
}

// nameFromFile returns the place a file name gives: the name before its
// year or first non-Han character (清苑县_2003.txt: 清苑县; 保定_2024.txt:
// 保定), else the deepest name found in it.
func (g *Gazetteer) nameFromFile(file string, l Level, y int) (string, Source, found) {
	stem := strings.TrimSuffix(file, path.Ext(file))
	han := stem
	for i, r := range stem {
		if !unicode.Is(unicode.Han, r) {
			han = stem[:i]
			break
		}
	}
	han = strings.TrimSuffix(han, "政府工作报告")
	if f := g.lookup(han, l, y); len(f.ids) > 0 {
		return han, FromFile, f
	}
	var best headerName
	for _, m := range g.headerNames(stem, y) {
		if len(m.ids) > 0 && (l == Unknown || m.level == l) && depth(m.level) >= depth(best.level) {
			best = m
		}
	}
	if best.name == "" {
		return "", FromFile, found{}
	}
	return best.name, FromFile, g.lookup(best.name, l, y)
}

// pathNames returns the folders of dir that hold Han characters, outermost
// first.
func pathNames(dir string) []string {
	var out []string
	for _, f := range strings.Split(dir, "/") {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			out = append(out, f)
		}
	}
	return out
}

// result builds the Result of record i, seen in year y.
func (g *Gazetteer) result(i int32, y int, src Source, matched, why string) Result {
	i = g.at(i, y)
	return Result{Place: g.place(i), Parents: g.parents(i, y), Source: src, Matched: matched, Why: why}
}

// unresolved builds the Result of an ambiguous name.
func (g *Gazetteer) unresolved(ids []int32, y int, src Source, name, why string) Result {
	res := Result{Source: src, Matched: name, Why: why}
	ids = slices.Clone(ids)
	slices.SortFunc(ids, func(a, b int32) int {
		return compareCodes(g.recs[a].codeString(), g.recs[b].codeString())
	})
	for _, i := range ids[:min(len(ids), MaxCandidates)] {
		res.Candidates = append(res.Candidates, Candidate{Code: g.recs[i].codeString(), Names: g.chainNames(i, y)})
	}
	if len(ids) > MaxCandidates {
		res.Why += fmt.Sprintf(" (the first %d of %d listed)", MaxCandidates, len(ids))
	}
	return res
}

// chainNames writes the names of record i's divisions, province first.
func (g *Gazetteer) chainNames(i int32, y int) string {
	p := g.parents(i, y)
	var names []string
	for _, q := range []Place{p.Province, p.City, p.County, p.Township} {
		if q.Name != "" {
			names = append(names, q.Name)
		}
	}
	if r := g.recs[i]; r.level == Zone || r.level == National {
		names = append(names, r.name)
	}
	return strings.Join(names, " ")
}

// runeOffset returns the byte offset of the n-th rune of s, or len(s).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// join joins non-empty notes with "; ".
func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}
