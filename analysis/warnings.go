package analysis

import (
	"fmt"

	"github.com/tifa-project/tifa/reports"
)

// Warnings says which documents the trend left out, and why: without a
// known year, without Chinese text in part (the part counted), and, when
// grouped by division code, without a place (Unplaced). One line each,
// for the user to read.
func (t *Trend) Warnings(part reports.Part) []string {
	noYear, noText := t.Skipped()
	return leftOut(nil,
		leftOutOf(noYear, "without a known year left out of the trend", "; give years in a manifest (--meta)"),
		leftOutOf(noText, fmt.Sprintf("with no Chinese text in the %s part left out", part), ""),
		UnplacedWarning(t.By(), t.Unplaced()))
}

// Warnings says which documents the diffusion left out (without a known
// region, year, or Chinese text in part, or a place) and that lags are
// empty without a national report. One line each.
func (d *Diffusion) Warnings(part reports.Part) []string {
	noRegion, noYear, noText := d.Skipped()
	ws := leftOut(nil,
		leftOutOf(noRegion, "without a known region left out", "; give regions in a manifest (--meta)"),
		leftOutOf(noYear, "without a known year left out", "; give years in a manifest (--meta)"),
		leftOutOf(noText, fmt.Sprintf("with no Chinese text in the %s part left out", part), ""),
		UnplacedWarning(d.By(), d.Unplaced()))
	if ls := d.Levels(); len(ls) > 0 && ls[0] != reports.LevelNational {
		ws = append(ws, "no national report (level national) among the documents: lags are empty")
	}
	return ws
}

// UnplacedWarning is the warning on the documents ids a grouping by
// division code (by: place, county, city or province) left out; "" when
// there are none.
func UnplacedWarning(by string, ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return fmt.Sprintf("--by %s: %d document(s) left out, with no code or no %s holding them (e.g. %s); 'tifa places' shows the codes", by, len(ids), by, ids[0])
}

// leftOutOf is the warning "N document(s) WHAT (e.g. FIRST)HINT" on the
// documents ids, "" when there are none.
func leftOutOf(ids []string, what, hint string) string {
	if len(ids) == 0 {
		return ""
	}
	return fmt.Sprintf("%d document(s) %s (e.g. %s)%s", len(ids), what, reports.QuoteName(ids[0]), hint)
}

// leftOut appends the warnings that are not "" to ws.
func leftOut(ws []string, warnings ...string) []string {
	for _, w := range warnings {
		if w != "" {
			ws = append(ws, w)
		}
	}
	return ws
}
