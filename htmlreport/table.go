package htmlreport

import "unicode/utf8"

// wrapAt is the length (in characters) above which a text cell may wrap;
// shorter ones (names, slogans) stay on one line.
const wrapAt = 24

// Column is one column of a Table. Numeric columns are right-aligned and
// sort as numbers.
type Column struct {
	Name    string
	Numeric bool
}

// Table is a data table, shown as given: Rows hold each cell's text (the
// text its CSV holds), one string per column. A table sorts by a click on
// a header; Download, when set, adds a link to its CSV. Tall tables scroll
// inside a box whose header stays in view.
type Table struct {
	Caption  string
	Columns  []Column
	Rows     [][]string
	Download *Download
}

func (t *Table) render(w *writer) {
	w.tables++
	n := w.tables
	w.printf("<figure class=\"table\">\n")
	if t.Caption != "" {
		w.printf("<figcaption>%s <span class=\"rows\">(%d rows)</span></figcaption>\n", esc(t.Caption), len(t.Rows))
	}
	w.download(t.Download, n)
	scroll, class := "", "data"
	if len(t.Rows) > 20 {
		scroll = " tall"
	}
	if len(t.Columns) > 10 {
		class += " wide" // the first column stays in view
	}
	w.printf("<div class=\"scroll%s\"><table class=\"%s\" data-table=\"%d\">\n<thead><tr>", scroll, class, n)
	for _, c := range t.Columns {
		if c.Numeric {
			w.printf("<th class=\"num\" data-num=\"1\" title=\"sort\">%s</th>", esc(c.Name))
		} else {
			w.printf("<th title=\"sort\">%s</th>", esc(c.Name))
		}
	}
	w.WriteString("</tr></thead>\n<tbody>\n")
	for _, row := range t.Rows {
		w.WriteString("<tr>")
		for j, cell := range row {
			switch {
			case j < len(t.Columns) && t.Columns[j].Numeric:
				w.printf("<td class=\"num\">%s</td>", esc(cell))
			case utf8.RuneCountInString(cell) > wrapAt:
				w.printf("<td class=\"wrap\">%s</td>", esc(cell))
			default:
				w.printf("<td>%s</td>", esc(cell))
			}
		}
		w.WriteString("</tr>\n")
	}
	w.WriteString("</tbody>\n</table></div>\n</figure>\n")
}
