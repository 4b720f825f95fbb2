package htmlreport_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/tifa-project/tifa/htmlreport"
)

// A page with one sortable table and its CSV: the rows are written as
// given, escaped, and the link holds the CSV bytes.
func ExampleWrite() {
	csv := "slogan,reports\n乡村振兴,12\n<河长制>,3\n"
	page := &htmlreport.Page{
		Title: "Slogans",
		Sections: []htmlreport.Section{{ID: "top", Title: "Top slogans", Blocks: []htmlreport.Block{
			&htmlreport.Table{
				Columns:  []htmlreport.Column{{Name: "slogan"}, {Name: "reports", Numeric: true}},
				Rows:     [][]string{{"乡村振兴", "12"}, {"<河长制>", "3"}},
				Download: &htmlreport.Download{FileName: "top.csv", CSV: []byte(csv)},
			},
		}}},
	}
	var b bytes.Buffer
	if err := htmlreport.Write(&b, page); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "<tr>") || strings.Contains(line, `class="csv"`) {
			fmt.Println(line)
		}
	}
	// Output:
	// <p class="download"><a class="csv" data-table="1" download="top.csv" href="data:text/csv;charset=utf-8;base64,c2xvZ2FuLHJlcG9ydHMK5Lmh5p2R5oyv5YW0LDEyCjzmsrPplb/liLY+LDMK">Download CSV</a></p>
	// <tr><td>乡村振兴</td><td class="num">12</td></tr>
	// <tr><td>&lt;河长制&gt;</td><td class="num">3</td></tr>
}
