package htmlreport

import (
	"strings"

	"github.com/tifa-project/tifa/table"
)

// CommandLine is the tifa command printing the CSV of one of the
// report's tables (Options.Command): tifa SUB, the report's own flags it
// shares (inherited, as given), the flags picking the table, --bom when
// the report's CSVs carry one, -f csv, then the paths (after -- when one
// starts with a dash), quoted for a POSIX shell.
func CommandLine(sub string, inherited, flags []string, bom bool, paths []string) string {
	out := append([]string{"tifa", sub}, inherited...)
	out = append(out, flags...)
	if bom {
		out = append(out, "--bom")
	}
	out = append(out, "-f", "csv")
	for _, a := range paths {
		if strings.HasPrefix(a, "-") && a != "-" {
			out = append(out, "--")
			break
		}
	}
	return table.ShellJoin(append(out, paths...))
}
