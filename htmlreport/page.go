package htmlreport

import (
	"bytes"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
)

//go:embed style.css
var styleCSS string

//go:embed script.js
var scriptJS string

// Page is one report: a title, a lead paragraph, sections and a footer.
type Page struct {
	Title    string
	Lead     string // one paragraph under the title; may be empty
	Sections []Section
	Footer   []Fact // shown at the bottom, e.g. how the page was made
}

// Section is a titled part of the page, listed in the page's contents.
type Section struct {
	ID     string // the anchor (#ID); letters, digits and - only
	Title  string
	Blocks []Block
}

// Block is one element of a section: Text, Note, Facts, *Table, *Figure,
// *Heatmap, *Scatter, Tabs or *Details.
type Block interface {
	render(w *writer)
}

// Text is a paragraph.
type Text string

// Note is a paragraph in smaller, muted type: how to read what follows,
// what was left out.
type Note string

// Fact is one labelled value of a Facts list.
type Fact struct {
	Label, Value string
}

// Facts is a list of labelled values, shown as a compact grid.
type Facts []Fact

// Tab is one panel of Tabs: a button label and what the panel shows.
type Tab struct {
	Label  string
	Blocks []Block
}

// Tabs shows one of its panels at a time, the first at first, with a
// button per panel to switch.
type Tabs []Tab

// Details holds blocks folded away under a one-line summary that unfolds
// them on a click.
type Details struct {
	Summary string
	Blocks  []Block
}

// Download is a CSV file offered for download: Label is the link's text,
// FileName the name the browser saves it under, Command (optional) the
// command line printing the same bytes, shown beside the link; Note
// (optional) a remark shown after it, e.g. that no command prints it.
type Download struct {
	Label    string
	FileName string
	Command  string
	Note     string
	CSV      []byte
}

// Write renders p as one HTML document to w. The same Page gives the same
// bytes. It fails only when w does, or when a section ID is not usable as
// an anchor or is used twice (a programming error in the caller).
func Write(w io.Writer, p *Page) error {
	seen := map[string]bool{}
	for _, s := range p.Sections {
		if !validID(s.ID) || seen[s.ID] {
			return fmt.Errorf("htmlreport: section ID %q: want letters, digits and -, unique", s.ID)
		}
		seen[s.ID] = true
	}
	wr := &writer{}
	wr.page(p)
	_, err := w.Write(wr.Bytes())
	return err
}

func validID(id string) bool {
	if id == "" {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// Generator is the content of the page's <meta name="generator"> tag, by
// which tifa knows its own report in a folder of reports and skips it.
const Generator = "tifa"

// writer builds the document, numbering tables and figures as it goes.
type writer struct {
	bytes.Buffer
	tables, figures int
}

// esc is html.EscapeString: & < > " ' become entities, so the result is
// safe in text and in a double-quoted attribute.
func esc(s string) string { return html.EscapeString(s) }

// printf writes a formatted string; the caller escapes what it inserts.
func (w *writer) printf(format string, args ...any) { fmt.Fprintf(w, format, args...) }

func (w *writer) page(p *Page) {
	w.WriteString("<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n")
	w.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	w.WriteString("<meta name=\"generator\" content=\"" + Generator + "\">\n")
	w.printf("<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n", esc(p.Title), styleCSS)
	w.WriteString("<pre id=\"errors\" hidden></pre>\n")
	w.WriteString("<script>\n" + errorScript + "</script>\n")
	w.WriteString("<main>\n<header>\n")
	w.printf("<h1>%s</h1>\n", esc(p.Title))
	if p.Lead != "" {
		w.printf("<p class=\"lead\">%s</p>\n", esc(p.Lead))
	}
	if len(p.Sections) > 1 {
		w.WriteString("<nav><ol>")
		for _, s := range p.Sections {
			w.printf("<li><a href=\"#%s\">%s</a></li>", s.ID, esc(s.Title))
		}
		w.WriteString("</ol></nav>\n")
	}
	w.WriteString("</header>\n")
	for _, s := range p.Sections {
		w.printf("<section id=\"%s\">\n<h2>%s</h2>\n", s.ID, esc(s.Title))
		w.blocks(s.Blocks)
		w.WriteString("</section>\n")
	}
	if len(p.Footer) > 0 {
		w.WriteString("<footer>\n<h2>How this file was made</h2>\n")
		Facts(p.Footer).render(w)
		w.WriteString("</footer>\n")
	}
	w.WriteString("</main>\n<div id=\"tip\" hidden></div>\n")
	w.WriteString("<script>\n" + scriptJS + "</script>\n</body>\n</html>\n")
}

// errorScript runs first: it records script errors in #errors, for the
// reader and for a headless browser's DOM dump.
const errorScript = `window.tifaErrors = 0;
window.tifaError = function (msg) {
  var e = document.getElementById("errors");
  window.tifaErrors++;
  e.hidden = false;
  e.textContent += msg + "\n";
  document.body.setAttribute("data-errors", String(window.tifaErrors));
};
window.onerror = function (msg, src, line, col) {
  window.tifaError("script error: " + msg + " (line " + line + ":" + col + ")");
};
window.addEventListener("unhandledrejection", function (ev) {
  window.tifaError("unhandled rejection: " + ev.reason);
});
`

func (w *writer) blocks(bs []Block) {
	for _, b := range bs {
		if b != nil {
			b.render(w)
		}
	}
}

func (t Text) render(w *writer) { w.printf("<p>%s</p>\n", esc(string(t))) }

func (n Note) render(w *writer) { w.printf("<p class=\"note\">%s</p>\n", esc(string(n))) }

func (f Facts) render(w *writer) {
	w.WriteString("<dl class=\"facts\">")
	for _, x := range f {
		w.printf("<div><dt>%s</dt><dd>%s</dd></div>", esc(x.Label), esc(x.Value))
	}
	w.WriteString("</dl>\n")
}

func (ts Tabs) render(w *writer) {
	w.WriteString("<div class=\"tabs\">\n<div class=\"tabbar\" role=\"tablist\">")
	for i, t := range ts {
		w.printf("<button type=\"button\" role=\"tab\" data-tab=\"%d\" aria-selected=\"%t\">%s</button>", i, i == 0, esc(t.Label))
	}
	w.WriteString("</div>\n")
	for i, t := range ts {
		hidden := ""
		if i > 0 {
			hidden = " hidden"
		}
		w.printf("<div class=\"tabpanel\" role=\"tabpanel\" data-tab=\"%d\"%s>\n", i, hidden)
		w.blocks(t.Blocks)
		w.WriteString("</div>\n")
	}
	w.WriteString("</div>\n")
}

func (d *Details) render(w *writer) {
	w.printf("<details>\n<summary>%s</summary>\n", esc(d.Summary))
	w.blocks(d.Blocks)
	w.WriteString("</details>\n")
}

// dataURI is the CSV as a base64 data: URI.
func dataURI(csv []byte) string {
	return "data:text/csv;charset=utf-8;base64," + base64.StdEncoding.EncodeToString(csv)
}

// download writes d's link; table, when > 0, ties it to the table of that
// number (data-table), so a test can pair each table with its CSV.
func (w *writer) download(d *Download, table int) {
	if d == nil {
		return
	}
	label := d.Label
	if label == "" {
		label = "Download CSV"
	}
	w.WriteString("<p class=\"download\"><a class=\"csv\"")
	if table > 0 {
		w.printf(" data-table=\"%d\"", table)
	}
	w.printf(" download=\"%s\" href=\"%s\">%s</a>", esc(d.FileName), dataURI(d.CSV), esc(label))
	if d.Command != "" {
		w.printf(" <code class=\"cmd\">%s</code>", esc(d.Command))
	}
	if d.Note != "" {
		w.printf(" <span class=\"dlnote\">%s</span>", esc(d.Note))
	}
	w.WriteString("</p>\n")
}

// num formats a coordinate: at most two decimals, no trailing zeros, so
// the same geometry always gives the same text.
func num(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		return "0"
	}
	return s
}
