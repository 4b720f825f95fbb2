package tabulate

import (
	"github.com/tifa-project/tifa/analysis"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/table"
)

// Diffusion is the table of tifa diffusion: one row per slogan × level,
// from national down, with the level's regions, adopters, left-censored
// adopters, share, first year, median lag behind the centre and median
// lag behind each adopter's own superior.
func Diffusion(d *analysis.Diffusion, opt analysis.DiffusionOptions, lex *lexicon.Lexicon) *table.Table {
	t := &table.Table{Title: "Slogan diffusion by level", Cols: []table.Column{table.Text("slogan"), table.Text("category"), table.Text("level"),
		table.Int("regions"), table.Int("adopters"), table.Int("left_censored"), table.Float("share", 3), table.Int("first_year"), table.Float("median_lag", 1),
		table.Float("median_lag_superior", 1)}}
	for _, r := range d.Summary(opt) {
		en := &lex.Entries[r.Entry]
		var lag, supLag any
		if r.HasLag {
			lag = r.MedianLag
		}
		if r.HasSuperiorLag {
			supLag = r.MedianLagSuperior
		}
		t.Add(en.Slogan, en.Category, r.Level, r.Regions, r.Adopters, r.LeftCensored, r.Share, nilIfZero(r.FirstYear), lag, supLag)
	}
	return t
}

// AdoptionCurves is the table of tifa diffusion --table curve: per slogan,
// level and year, the regions observed, new adopters, cumulative adopters
// and their share.
func AdoptionCurves(d *analysis.Diffusion, opt analysis.DiffusionOptions, lex *lexicon.Lexicon) *table.Table {
	t := &table.Table{Title: "Adoption curves", Cols: []table.Column{table.Text("slogan"), table.Text("category"), table.Text("level"), table.Int("year"),
		table.Int("observed"), table.Int("new_adopters"), table.Int("adopters"), table.Float("share", 3)}}
	for _, p := range d.Curve(opt) {
		en := &lex.Entries[p.Entry]
		t.Add(en.Slogan, en.Category, p.Level, p.Year, p.Observed, p.New, p.Adopters, p.Share)
	}
	return t
}

// FirstUse is the table of tifa diffusion --table regions: per slogan and
// adopting region, its first report using the slogan, the report before,
// the first year, the lag behind the centre, and its superior (the nearest
// division above it among the regions), the superior's first year and the
// lag behind it.
func FirstUse(d *analysis.Diffusion, opt analysis.DiffusionOptions, lex *lexicon.Lexicon) *table.Table {
	t := &table.Table{Title: "First use by region", Cols: []table.Column{table.Text("slogan"), table.Text("category"), table.Text("region"), table.Text("level"),
		table.Int("first_report"), table.Int("prior_report"), table.Int("first_year"), table.Int("lag"), table.Int("left_censored"),
		table.Text("superior"), table.Int("superior_first_year"), table.Int("lag_superior")}}
	for _, a := range d.Adoptions(opt) {
		en := &lex.Entries[a.Entry]
		var lag, supLag any
		if a.HasLag {
			lag = a.Lag
		}
		if a.SuperiorFirst != 0 {
			supLag = a.LagSuperior
		}
		t.Add(en.Slogan, en.Category, a.Region, a.Level, a.FirstObs, nilIfZero(a.PriorObs), a.FirstYear, lag, b2i(a.LeftCensored),
			a.Superior, nilIfZero(a.SuperiorFirst), supLag)
	}
	return t
}

// Events is the file of tifa diffusion --events: the region × slogan ×
// year panel for event-history and survival models.
func Events(evs []analysis.Event, lex *lexicon.Lexicon) *table.Table {
	t := &table.Table{Cols: []table.Column{table.Text("region"), table.Text("level"), table.Text("slogan"), table.Int("year"), table.Int("at_risk"), table.Int("adopted"),
		table.Int("mentions"), table.Float("per10k", 3), table.Int("years_since_national"), table.Int("superior_adopted")}}
	for _, ev := range evs {
		var since, sup any
		if ev.HasNational {
			since = ev.YearsSinceNational
		}
		if ev.HasSuperior {
			sup = b2i(ev.SuperiorAdopted)
		}
		t.Add(ev.Region, ev.Level, lex.Entries[ev.Entry].Slogan, ev.Year, b2i(ev.AtRisk), b2i(ev.Adopted), ev.Mentions, ev.Per10k, since, sup)
	}
	return t
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
