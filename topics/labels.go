package topics

import (
	"strconv"
	"strings"
)

// Labels names each topic for tables and charts: seeded topic k by
// names[k] (its lexicon category, say), a free topic by its number
// (from 1, counting all topics) and its n most probable terms, "7
// 改革·开放·市场". terms maps term ids to text.
func (m *Model) Labels(names, terms []string, n int) []string {
	out := make([]string, m.Topics)
	for k := range m.Topics {
		if k < m.Seeded && k < len(names) {
			out[k] = names[k]
			continue
		}
		var b strings.Builder
		b.WriteString(strconv.Itoa(k + 1))
		for i, tw := range m.Top(k, n) {
			if i == 0 {
				b.WriteByte(' ')
			} else {
				b.WriteString("·")
			}
			b.WriteString(terms[tw.Term])
		}
		out[k] = b.String()
	}
	return out
}
