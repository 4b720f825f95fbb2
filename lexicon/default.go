package lexicon

import (
	_ "embed" // for default.yaml
	"slices"
	"sync"
)

// builtinYAML is the built-in lexicon, curated in default.yaml.
//
//go:embed default.yaml
var builtinYAML []byte

// BuiltinFile is the File of every built-in entry.
const BuiltinFile = "builtin"

// parseBuiltin parses the embedded default.yaml once.
var parseBuiltin = sync.OnceValues(func() ([]Entry, error) {
	return parseYAML(BuiltinFile, builtinYAML, true)
})

// Default returns the built-in lexicon embedded in the binary (default.yaml),
// each entry with File "builtin". Besides the checks every YAML file passes
// (see Parse), built-in entries must have a category from Categories and an
// origin that is empty, "national" or a province short name. The caller owns
// the returned slice and may change it.
func Default() ([]Entry, error) {
	entries, err := parseBuiltin()
	if err != nil {
		return nil, err
	}
	return cloneEntries(entries), nil
}

// cloneEntries copies entries and their alias and exclusion slices.
func cloneEntries(entries []Entry) []Entry {
	out := slices.Clone(entries)
	for i := range out {
		out[i].Aliases = slices.Clone(out[i].Aliases)
		out[i].Exclude = slices.Clone(out[i].Exclude)
	}
	return out
}
