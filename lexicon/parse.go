package lexicon

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/tifa-project/tifa/infile"
)

// MaxFileBytes is the largest lexicon file ParseFile reads.
const MaxFileBytes = 64_000_000

// ParseFile reads a lexicon file: YAML when its name ends in .yaml or .yml,
// plain text otherwise (see Parse). Errors name the file as given. The
// file must be a regular file of at most MaxFileBytes: a FIFO or a device
// (--lexicon /dev/zero) is refused without being read (see package
// infile).
func ParseFile(path string) ([]Entry, error) {
	data, err := infile.ReadFile(path, MaxFileBytes)
	if err != nil {
		return nil, &Error{File: path, Err: err}
	}
	return Parse(path, bytes.NewReader(data))
}

// Parse reads a lexicon from r; name is used in errors and Entry.File and
// chooses the format: YAML when it ends in .yaml or .yml (any case), plain
// text otherwise.
//
// YAML files are a list of mappings with the fields slogan (required),
// aliases (a list), exclude (a list), category (required), origin, since (a
// year) and note; any other field is an error. Plain-text files hold one
// entry a line: the canonical form, then aliases each after a "|", and
// exclusions each after a "|" and starting with "!" (新发展理念 | !创新发展理念);
// "#" starts a comment, blank lines are skipped, and a line "[category]"
// sets the category of the entries after it ("user" before the first such
// line). See Entry.Exclude for what an exclusion does; each must contain
// one of its entry's forms and differ from all of them.
//
// Every form and exclusion is passed through Normalize. Parse reports every problem of the
// file, not just the first: the error is an errors.Join of *Error values
// sorted by line, and the entries are nil.
func Parse(name string, r io.Reader) ([]Entry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	if isYAML(name) {
		return parseYAML(name, data, false)
	}
	return parseText(name, data)
}

// isYAML reports whether name has a YAML extension.
func isYAML(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// finish validates parsed entries as one set, adds the builtin-only checks
// when asked, and joins every error sorted by line.
func finish(entries []Entry, errs []*Error, builtin bool) ([]Entry, error) {
	entries, verrs := validateSet(entries)
	errs = append(errs, verrs...)
	if builtin {
		for i := range entries {
			errs = append(errs, checkBuiltinFields(&entries[i])...)
		}
	}
	if len(errs) == 0 {
		return entries, nil
	}
	// Stable: the errors of one line keep their order.
	slices.SortStableFunc(errs, func(a, b *Error) int { return a.Line - b.Line })
	return nil, joinErrors(errs)
}

// joinErrors joins errors in the order given.
func joinErrors(errs []*Error) error {
	list := make([]error, len(errs))
	for i, e := range errs {
		list[i] = e
	}
	return errors.Join(list...)
}

// parseText reads the plain-text format.
func parseText(name string, data []byte) ([]Entry, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var entries []Entry
	var errs []*Error
	category := "user"
	for n, line := range strings.Split(string(data), "\n") {
		lineNo := n + 1
		if !utf8.ValidString(line) {
			errs = append(errs, errorf(name, lineNo, ErrSyntax, "line is not valid UTF-8 (save the file as UTF-8)"))
			continue
		}
		line = syntaxFold.Replace(line) // full-width ＃ ｜ ［ ］ act as # | [ ]
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			category = strings.TrimSpace(line[1 : len(line)-1])
			if category == "" {
				errs = append(errs, errorf(name, lineNo, ErrField, "empty category name []"))
				category = "user"
			}
			continue
		case strings.HasPrefix(line, "["):
			errs = append(errs, errorf(name, lineNo, ErrSyntax, "category line %q lacks its closing ]", line))
			continue
		}
		entries = append(entries, textEntry(line, category, name, lineNo))
	}
	return finish(entries, errs, false)
}

// textEntry splits one entry line of the plain-text format: the canonical
// form, then "|"-separated items, each an alias or, when it starts with
// "!", an exclusion.
func textEntry(line, category, name string, lineNo int) Entry {
	items := strings.Split(line, "|")
	e := Entry{Slogan: items[0], Category: category, File: name, Line: lineNo}
	for _, it := range items[1:] {
		it = strings.TrimSpace(it)
		if x, ok := strings.CutPrefix(it, "!"); ok {
			e.Exclude = append(e.Exclude, x)
		} else if x, ok := strings.CutPrefix(it, "！"); ok { // Normalize keeps ！, the syntax reads it as !
			e.Exclude = append(e.Exclude, x)
		} else {
			e.Aliases = append(e.Aliases, it)
		}
	}
	return e
}

// syntaxFold folds the full-width forms of the plain-text format's syntax
// characters; Normalize folds the rest of each form (and keeps the
// punctuation of Chinese prose, ，！？ …, as texts have it).
var syntaxFold = strings.NewReplacer("＃", "#", "｜", "|", "［", "[", "］", "]")

// yamlFields are the fields a YAML entry may have.
var yamlFields = []string{"slogan", "aliases", "exclude", "category", "origin", "since", "note"}

// yamlLine finds the line number in yaml.v3's syntax errors.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML reads the YAML format; builtin adds the checks only the
// built-in lexicon must pass.
func parseYAML(name string, data []byte, builtin bool) ([]Entry, error) {
	docs, err := decodeYAML(data)
	if err != nil {
		msg, line := err.Error(), 0
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		return nil, joinErrors([]*Error{errorf(name, line, ErrSyntax, "%s", msg)})
	}
	var entries []Entry
	var errs []*Error
	for _, doc := range docs {
		root := doc
		if root.Kind == yaml.DocumentNode {
			if len(root.Content) == 0 {
				continue
			}
			root = root.Content[0]
		}
		root = resolve(root)
		if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
			continue // an empty document
		}
		if root.Kind != yaml.SequenceNode {
			errs = append(errs, errorf(name, root.Line, ErrSyntax,
				"a lexicon file is a list of entries, each starting with \"- slogan: …\""))
			continue
		}
		for _, item := range root.Content {
			e, ferrs := yamlEntry(name, resolve(item))
			errs = append(errs, ferrs...)
			if e != nil {
				entries = append(entries, *e)
			}
		}
	}
	return finish(entries, errs, builtin)
}

// decodeYAML decodes every document of data into nodes. It turns a panic
// inside the YAML library into an error: a lexicon file is user input.
func decodeYAML(data []byte) (docs []*yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			docs, err = nil, fmt.Errorf("yaml: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err == io.EOF {
			return docs, nil
		} else if err != nil {
			return nil, err
		}
		docs = append(docs, &n)
	}
}

// resolve follows a YAML alias (*name) to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 8; i++ {
		n = n.Alias
	}
	return n
}

// yamlEntry reads one list item. It returns nil when the item is not a
// mapping; field errors leave the entry in place so its forms are still
// checked.
func yamlEntry(name string, item *yaml.Node) (*Entry, []*Error) {
	if item.Kind != yaml.MappingNode {
		return nil, []*Error{errorf(name, item.Line, ErrSyntax,
			"an entry is a mapping (slogan: …, category: …), not a %s", kindName(item))}
	}
	e := &Entry{File: name, Line: item.Line}
	var errs []*Error
	fail := func(n *yaml.Node, kind error, format string, args ...any) {
		errs = append(errs, errorf(name, n.Line, kind, format, args...))
	}
	seen := make(map[string]bool)
	for i := 0; i+1 < len(item.Content); i += 2 {
		key, val := resolve(item.Content[i]), resolve(item.Content[i+1])
		field := key.Value
		switch {
		case key.Kind != yaml.ScalarNode:
			fail(key, ErrSyntax, "a field name must be a plain word, not a %s", kindName(key))
			continue
		case !slices.Contains(yamlFields, field):
			fail(key, ErrSyntax, "unknown field '%s'%s", field, suggest(field, yamlFields))
			continue
		case seen[field]:
			fail(key, ErrSyntax, "duplicate field '%s'", field)
			continue
		}
		seen[field] = true
		switch field {
		case "aliases":
			e.Aliases = yamlList(val, field, "[六稳, 稳就业]", fail)
			continue
		case "exclude":
			e.Exclude = yamlList(val, field, "[创新发展理念]", fail)
			continue
		}
		if val.Kind != yaml.ScalarNode {
			fail(val, ErrSyntax, "field '%s' must be a single value, not a %s", field, kindName(val))
			continue
		}
		setField(e, field, val, fail)
	}
	if !seen["slogan"] {
		fail(item, ErrForm, "missing field 'slogan'")
	}
	if strings.TrimSpace(e.Category) == "" {
		fail(item, ErrField, "missing category")
	}
	return e, errs
}

// setField stores one scalar field of a YAML entry.
func setField(e *Entry, field string, val *yaml.Node, fail func(*yaml.Node, error, string, ...any)) {
	v := scalar(val)
	switch field {
	case "slogan":
		e.Slogan = v
		if val.Line != e.Line {
			// Report form errors where the slogan is, when it is on a line
			// of its own.
			e.Line = val.Line
		}
	case "category":
		e.Category = strings.TrimSpace(v)
	case "origin":
		e.Origin = strings.TrimSpace(v)
	case "note":
		e.Note = strings.TrimSpace(v)
	case "since":
		if v == "" {
			return
		}
		y, err := strconv.Atoi(v)
		if err != nil || y < minYear || y > maxYear {
			fail(val, ErrField, "field 'since' must be a year %d..%d (got %q)", minYear, maxYear, v)
			return
		}
		e.Since = y
	}
}

// yamlList reads a list field (aliases, exclude): a list of single values,
// or nothing; example shows a valid list in the error message.
func yamlList(val *yaml.Node, field, example string, fail func(*yaml.Node, error, string, ...any)) []string {
	if val.Kind == yaml.ScalarNode && val.Tag == "!!null" {
		return nil
	}
	if val.Kind != yaml.SequenceNode {
		fail(val, ErrSyntax, "field '%s' must be a list such as %s, not a %s", field, example, kindName(val))
		return nil
	}
	item := "an alias"
	if field == "exclude" {
		item = "an exclusion"
	}
	var list []string
	for _, it := range val.Content {
		it = resolve(it)
		if it.Kind != yaml.ScalarNode {
			fail(it, ErrSyntax, "%s must be a single value, not a %s", item, kindName(it))
			continue
		}
		list = append(list, scalar(it))
	}
	return list
}

// scalar returns a scalar's text, "" for null (~, null or nothing).
func scalar(n *yaml.Node) string {
	if n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

// kindName names a node kind for error messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "mapping"
	case yaml.ScalarNode:
		return "single value"
	}
	return "YAML node"
}

// suggest returns " (did you mean 'x'?)" when one known word is within two
// edits of word, else "".
func suggest(word string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := editDistance(word, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean '%s'?)", best)
}

// editDistance is the Levenshtein distance between a and b, by byte.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
