package clean

import (
	"html"
	"strings"
)

// htmlBlockTags become a line break; htmlCellTags a space; the contents of
// htmlSkipTags are dropped; every other tag is removed.
var (
	htmlBlockTags = setOf("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
		"section", "article", "ul", "ol", "table", "tbody", "thead", "html", "body", "head",
		"title", "header", "footer", "nav", "main", "aside", "blockquote", "pre", "hr", "dd", "dt", "dl", "form")
	htmlCellTags = setOf("td", "th")
	htmlSkipTags = setOf("script", "style", "noscript", "template", "iframe", "svg")
	// htmlSignTags are the tags whose presence makes text HTML.
	htmlSignTags = setOf("p", "div", "br", "html", "body", "li", "tr", "td", "table", "span",
		"h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "!doctype", "meta", "script", "style", "font")
)

// setOf builds a string set.
func setOf(items ...string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, s := range items {
		m[s] = true
	}
	return m
}

// StripHTML turns HTML into text when text looks like HTML (it holds a
// tag such as <p>, <div>, <br>, <html>, <td>, <span> or <!DOCTYPE>); other
// text comes back unchanged. Block tags (p, div, br, li, tr, h1–h6,
// section …) become line breaks, table cells a space, the contents of
// <script>, <style> and comments are removed, all other tags are removed,
// source line breaks become spaces (HTML ignores them) and entities are
// decoded with html.UnescapeString (then FoldWidth runs on the decoded
// text, for &nbsp; and &#8203;). A '<' or '>' left in the text — written
// as such or as &lt; &gt; — becomes full-width ＜ ＞, so the result never
// looks like HTML again.
func StripHTML(text string) string {
	if !looksLikeHTML(text) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	ends := tagEnds{text: text}
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '<')
		if j < 0 {
			writeHTMLText(&b, text[i:])
			break
		}
		writeHTMLText(&b, text[i:i+j])
		i += j
		name, end := parseTag(text, i, &ends)
		switch {
		case end < 0:
			b.WriteString("＜")
			i++
			continue
		case htmlBlockTags[name]:
			b.WriteByte('\n')
		case htmlCellTags[name]:
			b.WriteByte(' ')
		case htmlSkipTags[name] && text[i+1] != '/':
			end = skipElement(text, end, name)
		}
		i = end
	}
	return b.String()
}

// looksLikeHTML reports whether text holds one of htmlSignTags.
func looksLikeHTML(text string) bool {
	ends := tagEnds{text: text}
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '<')
		if j < 0 {
			return false
		}
		i += j
		if name, end := parseTag(text, i, &ends); end > 0 && htmlSignTags[name] {
			return true
		}
		i++
	}
}

// parseTag parses the tag starting at text[i] == '<' and returns its
// lower-cased name ("!--" for a comment, "!doctype" …) and the index just
// after it, or end -1 when text[i] does not start a tag. Calls must come
// with i increasing (ends searches forward only).
func parseTag(text string, i int, ends *tagEnds) (name string, end int) {
	if strings.HasPrefix(text[i:], "<!--") {
		k := ends.next(&ends.comment, "-->", i+4)
		if k < 0 {
			return "", -1
		}
		return "!--", k + 3
	}
	j := i + 1
	if j < len(text) && (text[j] == '/' || text[j] == '!') {
		j++
	}
	start := j
	for j < len(text) && (isASCIILetter(rune(text[j])) || (j > start && isASCIIDigit(rune(text[j])))) {
		j++
	}
	if j == start || j >= len(text) {
		return "", -1
	}
	if c := text[j]; c != '>' && c != '/' && c != ' ' && c != '\t' && c != '\n' {
		return "", -1
	}
	k := ends.next(&ends.tag, ">", j)
	if k < 0 || k-j > maxTagBytes {
		return "", -1
	}
	name = strings.ToLower(text[start:j])
	if text[i+1] == '!' {
		name = "!" + name
	}
	return name, k + 1
}

// maxTagBytes bounds the length of a tag: a '<' followed by a name whose
// '>' is further away is text.
const maxTagBytes = 2000

// tagEnds finds the next '>' and the next "-->" of a text, searching
// forward only, so that scanning a text with many stray '<' stays linear.
type tagEnds struct {
	text         string
	tag, comment search
}

// search caches the last search for a separator: started at from (0: none
// yet), found at at (-1: not found).
type search struct{ from, at int }

// next returns the index of the first sep at or after from, reusing the
// cached search c when it answers.
func (e *tagEnds) next(c *search, sep string, from int) int {
	if c.from > 0 && from >= c.from && (c.at < 0 || c.at >= from) {
		return c.at
	}
	c.from = max(from, 1)
	c.at = strings.Index(e.text[from:], sep)
	if c.at >= 0 {
		c.at += from
	}
	return c.at
}

// skipElement returns the index just after the closing tag of the element
// name whose opening tag ends at text[from], or len(text) when unclosed.
func skipElement(text string, from int, name string) int {
	closing := "</" + name
	for i := from; i < len(text); {
		k := strings.IndexByte(text[i:], '<')
		if k < 0 {
			break
		}
		i += k
		if len(text)-i >= len(closing) && strings.EqualFold(text[i:i+len(closing)], closing) {
			if e := strings.IndexByte(text[i:], '>'); e >= 0 {
				return i + e + 1
			}
			break
		}
		i++
	}
	return len(text)
}

// writeHTMLText writes a run of HTML text: source line breaks become
// spaces, entities are decoded, and '<' '>' become ＜ ＞.
func writeHTMLText(b *strings.Builder, s string) {
	if strings.ContainsAny(s, "\n&>") {
		s = strings.ReplaceAll(s, "\n", " ")
		if strings.IndexByte(s, '&') >= 0 {
			s = FoldWidth(html.UnescapeString(s))
			s = strings.ReplaceAll(s, "\n", " ")
		}
		s = strings.ReplaceAll(s, "<", "＜")
		s = strings.ReplaceAll(s, ">", "＞")
	}
	b.WriteString(s)
}
